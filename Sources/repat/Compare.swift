import ArgumentParser
import Foundation
import RepatSupport
import Results
import Workload

/// `repat compare RUN_OR_CSV …`: puts runs (or the targets of one run) side by side, with a
/// bootstrap verdict per metric and optional `--fail-if` gates for CI.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare runs (or the targets of one run) metric by metric, with a noise-aware verdict.",
        discussion: """
        Give two or more run folders or requests.csv files (rows aligned on target and load level; \
        the first is the baseline), or one run with two or more targets (aligned on load level; the \
        first target is the baseline). Each metric gets a verdict, better, worse or noise, from a \
        percentile-bootstrap confidence interval of the difference. When both sides ran the level \
        two or more times (load.repeat, repat run --repeat), the bootstrap draws repeats, then \
        requests within them, so the interval holds run-to-run spread (basis: between repeats); \
        otherwise it resamples requests within each run and the verdict is marked within-run \
        only. Each target, load level and metric draws its own seeded stream, so a row's interval \
        does not depend on which other metrics are asked for. \
        With --aa TARGET and one run, TARGET's odd-numbered repeats are compared with its \
        even-numbered ones: every verdict should be noise, and the noise floor printed (how far \
        each interval reaches, as a share of the value) is the smallest change that setup can \
        tell apart. \
        Exit codes: 0 no --fail-if violated, 1 some --fail-if violated, 2 bad input.
        """
    )

    /// Output forms.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, markdown
    }

    @Argument(help: "Run folders or requests.csv files.")
    var inputs: [String] = []

    @Option(name: .long, help: "Baseline: a run name or path (several runs), or a target name (one run).")
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp(
        "A/A comparison of one run: TARGET's odd-numbered repeats against its even-numbered ones, with the noise floor.",
        valueName: "TARGET"
    ))
    var aa: String?

    @Option(name: .long, help: "Output form.")
    var format: Format = .table

    @Option(name: .long, help: "Comma-separated metrics (default: \(ComparisonMetric.defaults.map(\.name).joined(separator: ","))).")
    var metrics: String?

    @Option(name: .long, help: ArgumentHelp(
        "Exit 1 when a pair violates EXPR, e.g. 'ttft_p99_ms>+10%' (relative, only beyond noise), 'error_rate>0.01' (candidate value). Repeatable.",
        valueName: "EXPR"
    ))
    var failIf: [String] = []

    @Option(name: .long, help: "Confidence of the bootstrap interval, between 0.5 and 0.999.")
    var confidence = 0.95

    @Option(name: .long, help: "Bootstrap rounds per pair and metric (100–100000).")
    var resamples = 2000

    @Option(name: .long, help: "Seed of the bootstrap's resampling (each target, level and metric draws its own stream from it).")
    var seed: UInt64 = ComparisonOptions().seed

    @Option(name: .long, help: "Smallest relative change, in percent, that can be better or worse; smaller ones are noise.")
    var minChange = 5.0

    func run() throws {
        let (options, thresholds, runs) = try badInputExits { () throws(ComparisonError) in
            try prepare()
        }
        let pairs = try badInputExits { () throws(ComparisonError) in
            if let aa { try ComparisonAlignment.aaPairs(runs[0], target: aa) } else { try ComparisonAlignment.pairs(runs, baseline: baseline) }
        }
        let engine = ComparisonEngine(options: options) { SeededGenerator(seed: $0, stream: $1) }
        let results = engine.compare(pairs)
        switch format {
        case .table: print(ComparisonReport.table(results, options: options), terminator: "")
        case .csv: print(ComparisonReport.csv(results, options: options), terminator: "")
        case .markdown: print(ComparisonReport.markdown(results, options: options), terminator: "")
        }
        if aa != nil, format != .csv { print("\n" + ComparisonReport.noiseFloor(results), terminator: "") }
        let violations = thresholds.flatMap { threshold in results.compactMap(threshold.violation(in:)) }
        for violation in violations { FileHandleOutput.error("repat: fail-if: \(violation)") }
        if !violations.isEmpty { throw ExitCode(1) }
    }

    /// Checks the arguments and reads the inputs.
    private func prepare() throws(ComparisonError) -> (ComparisonOptions, [ComparisonThreshold], [RunResults]) {
        guard !inputs.isEmpty else {
            throw ComparisonError("nothing to compare: give two or more runs, or one run with two or more targets")
        }
        if let aa {
            guard inputs.count == 1 else { throw ComparisonError("--aa \(aa): give one run (its repeats are split in two), not \(inputs.count)") }
            guard baseline == nil else { throw ComparisonError("--aa \(aa): --baseline does not apply (the odd repeats are the baseline)") }
        }
        guard confidence >= 0.5, confidence <= 0.999 else {
            throw ComparisonError("--confidence \(confidence): expected a value between 0.5 and 0.999 (e.g. 0.95)")
        }
        guard (100...100_000).contains(resamples) else {
            throw ComparisonError("--resamples \(resamples): expected a whole number from 100 to 100000")
        }
        guard minChange >= 0, minChange < 100 else {
            throw ComparisonError("--min-change \(minChange): expected a percentage from 0 to 100 (e.g. 5)")
        }
        var chosen = ComparisonMetric.defaults
        if let metrics {
            chosen = []
            for name in metrics.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let metric = ComparisonMetric(name: name) else {
                    throw ComparisonError("--metrics: unknown metric '\(name)'; known: \(ComparisonMetric.accepted)")
                }
                if !chosen.contains(metric) { chosen.append(metric) }
            }
            guard !chosen.isEmpty else { throw ComparisonError("--metrics: give at least one metric") }
        }
        var thresholds: [ComparisonThreshold] = []
        for expression in failIf {
            let threshold = try ComparisonThreshold(parsing: expression)
            thresholds.append(threshold)
            // A gated metric is always computed, and so shown.
            if !chosen.contains(threshold.metric) { chosen.append(threshold.metric) }
        }
        var runs: [RunResults] = []
        for input in inputs {
            do {
                runs.append(try RunResults.load(input))
            } catch {
                throw ComparisonError(error.description)
            }
        }
        let options = ComparisonOptions(
            metrics: chosen, confidence: confidence, resamples: resamples, seed: seed, minimumChange: minChange / 100
        )
        return (options, thresholds, runs)
    }
}
