import Foundation
import LoadGen
import Orchestration
import Metrics
import Results
import Testing

/// Scenario YAML from its parts. `targets` is a list of YAML list items (see
/// ``simulatedTarget(_:options:extra:)``); `load`, `workload` and `slo` are the fields under those
/// keys, one per line, unindented.
public func scenarioYAML(
    name: String = "loadgen-test", seed: Int = 11, targets: String, load: [String],
    workload: [String] = ["prompt_tokens: 16", "max_tokens: 6", "ignore_eos: true"], slo: [String] = []
) -> String {
    func block(_ key: String, _ lines: [String]) -> String {
        ([key + ":"] + lines.map { "  " + $0 }).joined(separator: "\n")
    }
    var parts = ["name: \(name)", "seed: \(seed)", "targets:", targets, block("load", load), block("workload", workload)]
    if !slo.isEmpty { parts.append(block("slo", slo)) }
    return parts.joined(separator: "\n") + "\n"
}

/// A simulated target like ``simulatedTarget(_:options:extra:)`` speaking another dialect.
public func simulatedTarget(_ name: String, dialect: String, options: [String: String] = [:]) -> String {
    simulatedTarget(name, options: options).replacing("dialect: openai-chat", with: "dialect: \(dialect)")
}

/// Runs `yaml` as a whole `repat run` writing under `folder/results`; returns the report and the
/// lines it logged.
public func runBenchmark(_ yaml: String, in folder: String) async throws -> (BenchmarkRun.Report, [String]) {
    CurlSetup.ensure()
    let plan = try makePlan(yaml)
    let log = LogLines()
    let resultsRoot = (folder as NSString).appendingPathComponent("results")
    let report = try await BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { log.append($0) }.execute(stop: StopSignal())
    return (report, log.lines)
}

/// A finished run's run.json as a JSON object, read directly so tests check the file's own keys.
public func readRunJSON(_ directory: RunDirectory) throws -> [String: Any] {
    let data = try #require(FileManager.default.contents(atPath: directory.runJSON))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A finished run's requests.csv as one dictionary per row, keyed by column name.
public func readRequestRows(_ directory: RunDirectory) throws -> [[String: String]] {
    let text = try String(contentsOfFile: directory.requestsCSV, encoding: .utf8)
    let rows = try #require(parseCSV(text), "requests.csv must parse and end with a complete row")
    let header = try #require(rows.first)
    #expect(header == RequestsCSV.columns)
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// The run folders made under `folder/results` (none when setup failed).
public func runFolders(in folder: String) -> [String] {
    let resultsRoot = (folder as NSString).appendingPathComponent("results")
    return (try? FileManager.default.contentsOfDirectory(atPath: resultsRoot)) ?? []
}

/// Mean of `values`; 0 when empty.
public func mean(_ values: some Collection<Double>) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
}

/// `records` ordered by request id.
public func byRequestID(_ records: [RequestRecord]) -> [RequestRecord] {
    records.sorted { $0.requestID < $1.requestID }
}

/// Waits until this process's task scheduler wakes sleeping tasks promptly again (ten 5 ms sleeps
/// in a row each overshooting by less than 3 ms), or until `timeout` passes.
///
/// Every test of the package starts at once, and for a second or two their synchronous work can
/// keep the cooperative thread pool (one thread per core) busy; the runner's sends wait behind it.
/// Timing assertions made then would judge the test machine, not the runner, so timing-sensitive
/// tests call this first.
public func awaitQuietScheduler(timeout: Duration = .seconds(15)) async {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var quiet = 0
    while quiet < 10 && clock.now < deadline {
        let before = clock.now
        try? await Task.sleep(for: .milliseconds(5))
        quiet = clock.now - before < .milliseconds(8) ? quiet + 1 : 0
    }
}
