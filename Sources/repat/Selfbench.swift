import ArgumentParser
import Foundation
import LoadGen
import Results
import SelfBench

/// `repat selfbench`: is the client the bottleneck? Measures repat's own client against the
/// built-in simulator and prints the figures, the goals and whether each was met.
struct Selfbench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfbench",
        abstract: "Measure repat's own client (ceiling, timestamp error, schedule fidelity, large payloads) against the built-in simulator.",
        discussion: """
        Runs the client and the simulator on this host: the simulator in this process, and for \
        the timestamp-error steps in a child `repat simulate` (one descriptor per stream here, \
        so 10,000 streams fit under a 20,000 open-files limit). Prints one table per section and the \
        goals with measured value, target and verdict; the client ceiling is stored in \
        \(ClientCeilingCache.path) for later runs to report the share of it they reached. \
        A benchmark, not a test: it exits 0 whether goals are met or not.
        """
    )

    @Flag(help: "The short version (under about a minute): 1, 100 and 1,000 streams, 2 s steps.")
    var quick = false

    @Option(help: ArgumentHelp("Stream counts of the timestamp-error steps, comma-separated.", valueName: "n,n,…"))
    var streams: String?

    @Option(help: ArgumentHelp("Also write the figures as CSV to this file.", valueName: "file"))
    var csv: String?

    func validate() throws {
        _ = try streamCounts()
    }

    func run() async throws {
        var settings = quick ? SelfBenchSettings.quick : SelfBenchSettings.full
        if let counts = try streamCounts() { settings.streamCounts = counts }
        settings.simulatorExecutable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let bench = SelfBench(settings: settings, mode: quick ? "quick" : "full") { FileHandleOutput.error($0) }
        let report = await bench.run()
        print(SelfBenchText.render(report), terminator: "")
        fflush(nil)
        if let ceiling = SelfBench.ceiling(of: report) {
            do {
                try ClientCeilingCache.save(ceiling)
                FileHandleOutput.error("client ceiling stored in \(ClientCeilingCache.path)")
            } catch {
                FileHandleOutput.error("repat: warning: \(error.description)")
            }
        }
        if let csv {
            do {
                try AtomicFile.write(Data(SelfBenchCSV.render(report).utf8), to: csv)
            } catch {
                FileHandleOutput.error("repat: error: \(error.description)")
                throw ExitCode(1)
            }
        }
    }

    private func streamCounts() throws -> [Int]? {
        guard let streams else { return nil }
        let counts = streams.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 100_000 }) else {
            throw ValidationError("--streams expects whole numbers from 1 to 100000 separated by commas, e.g. 1,100,1000")
        }
        return counts.compactMap { $0 }
    }
}
