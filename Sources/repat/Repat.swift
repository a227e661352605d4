import ArgumentParser

/// The `repat` command: subcommands only, no logic of its own.
struct Repat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repat",
        abstract: "Measure LLM inference servers and cloud APIs with identical load, to decide what to run on-prem.",
        discussion: """
        Exit codes: 0 success, 1 run failed (results file unwritable), 2 bad input \
        (scenario, arguments, unreachable target), 130 interrupted by Ctrl-C or SIGTERM \
        (results written up to that point).
        """,
        version: RepatVersionText.text,
        subcommands: [Run.self, Targets.self, Report.self, Compare.self, Validate.self, Simulate.self, Selfbench.self, Roi.self, Usage.self, Merge.self, Deploy.self]
    )
}
