import ArgumentParser
import Dialects
import Foundation
import LoadGen
import Orchestration
import Metrics
import Results
import Workload

/// `repat run SCENARIO`: drives every target of a scenario and writes `results/<run-id>/`.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a benchmark scenario and write results/<run-id>/ (requests.csv, summary.csv, telemetry.csv, run.json).",
        discussion: """
        Every target receives the same prompts in the same order and on the same schedule. Rows \
        are written as requests finish. Ctrl-C once: no new requests, in-flight ones finish within \
        --grace seconds, results are kept; twice: in-flight requests are cancelled (recorded as \
        cancelled). The level a stop cuts short has status interrupted and is judged incomplete, \
        never as meeting the SLOs. Answers are scored when the dataset has expected answers or the \
        scenario names a quality.reference_target (quality columns; responses.jsonl with \
        quality: {save_responses: true}). Before the first request, each paid API target's tokens, \
        cost at list price and where its data is processed are printed; a scenario with \
        data: {classification: confidential} refuses targets outside its allowed jurisdictions \
        unless they say allow_transfer: true. With load.repeat (or --repeat) N, each level runs N \
        times, repeat 1 of every target, then repeat 2, …; summary.csv gets a row pooling each \
        level's repeats and one row per repeat, and repat compare judges differences against the \
        spread between repeats. \
        Exit codes: 0 done, 1 results not writable, 2 bad input, 130 interrupted.
        """
    )

    @OptionGroup var input: ScenarioArguments

    @OptionGroup(title: "Shards (docs/scale-out.md)") var sharding: ShardArguments

    @Option(name: .long, help: "Folder that receives the run folder.")
    var resultsDir = "results"

    @Flag(name: .long, help: "Print only the final table (no progress lines).")
    var quiet = false

    @Flag(name: .long, help: "Print the final summary as JSON on standard output instead of the table.")
    var json = false

    @Option(name: .long, help: "Seconds requests in flight may take to finish after the first Ctrl-C, before they are cancelled.")
    var grace: Double = 30

    @Option(name: .customLong("repeat"), help: ArgumentHelp(
        "Run each load level N times (overrides the scenario's load.repeat), alternating targets each round, with the same prompts and schedule.",
        valueName: "N"
    ))
    var repeats: Int?

    func validate() throws {
        guard grace >= 0 else { throw ValidationError("--grace must be zero or more seconds") }
        if let repeats, !(1...LoadSpec.maxRepeats).contains(repeats) {
            throw ValidationError("--repeat must be a whole number from 1 to \(LoadSpec.maxRepeats)")
        }
    }

    func run() async throws {
        var plan = try input.plan()
        if let repeats {
            do {
                try plan.repeatingLevels(repeats)
            } catch {
                for problem in error.problems { FileHandleOutput.error(problem.description) }
                throw ExitCode(2)
            }
        }
        let display = ProgressDisplay(quiet: quiet)
        try DataPlan.check(plan) { display.log($0) }
        let showProgress: @Sendable (LevelProgress) -> Void = { display.show($0) }
        var benchmark = BenchmarkRun(
            plan: plan, resultsRoot: resultsDir, progressInterval: display.interval,
            progress: quiet ? nil : showProgress, log: { display.log($0) }
        )
        benchmark.shard = try sharding.setup(for: plan)
        let stop = StopSignal()
        let work = Task { try await benchmark.execute(stop: stop) }
        let grace = self.grace
        let trap = SignalTrap { count in
            if count == 1 {
                display.log("repat: stopping: no new requests; waiting up to \(grace) s for those in flight (Ctrl-C again to cancel them)")
                stop.requestStop()
                Task {
                    try? await Task.sleep(nanoseconds: UInt64(grace * 1e9))
                    work.cancel()
                }
            } else {
                display.log("repat: cancelling requests in flight")
                work.cancel()
            }
        }
        defer { trap.cancel() }
        let report: BenchmarkRun.Report
        do {
            report = try await work.value
        } catch let error as BenchmarkRun.SetupError {
            for line in error.lines { FileHandleOutput.error(line) }
            throw ExitCode(2)
        }
        if json {
            print(try SummaryJSON.render(report))
        } else {
            print(SummaryTable.render(report.levels, slo: report.slo), terminator: "")
            for outcome in report.saturation {
                let rate = outcome.maxRate.map { "\($0) req/s" }
                    ?? (outcome.firstFailingRate == nil ? "not determined (stopped before the lowest rate was judged)" : "none within the searched range")
                print("saturation: \(outcome.target): highest rate meeting the SLOs: \(rate)")
            }
            print("results: \(report.directory.path)")
        }
        if let failure = report.failure {
            FileHandleOutput.error("repat: error: \(failure)")
            throw ExitCode(1)
        }
        if report.status == .interrupted { throw ExitCode(130) }
    }
}
