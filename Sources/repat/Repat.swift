import ArgumentParser

/// The `repat` command: its subcommands, and `--version`.
struct Repat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repat",
        abstract: "Measure LLM inference servers and cloud APIs with identical load, to decide what to run on-prem.",
        discussion: """
        Exit codes: 0 success, 1 run failed (results file unwritable), 2 bad input \
        (scenario, arguments, unreachable target), 130 interrupted by Ctrl-C or SIGTERM \
        (results written up to that point).
        """,
        subcommands: [Run.self, Targets.self, Report.self, Compare.self, Validate.self, Simulate.self, Selfbench.self, Roi.self, Usage.self, Merge.self, Deploy.self]
    )

    @Flag(help: "Show the version, the commit it was built from and the libcurl it runs with.")
    var version = false

    /// `--version` prints ``VersionReport``; `repat` alone prints the help, as a command with
    /// subcommands does by default.
    mutating func run() async throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(await VersionReport.text())
    }
}
