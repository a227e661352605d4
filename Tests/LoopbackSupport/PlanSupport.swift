import CurlTransport
import Dialects
import Foundation
import LoadGen
import Orchestration
import Metrics
import Results
import Simulator
import Synchronization
import Workload

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``RecordSink`` that keeps every record in memory, for inspection after a run.
public final class MemorySink: RecordSink {
    private let stored = Mutex<[RequestRecord]>([])

    /// Nothing stored yet.
    public init() {}

    /// Stores one record.
    public func write(_ record: RequestRecord) {
        stored.withLock { $0.append(record) }
    }

    /// Never fails.
    public var failure: String? { nil }

    /// The records written so far, in arrival order.
    public var records: [RequestRecord] { stored.withLock { $0 } }
}

/// Lines a ``BenchmarkRun`` logged, collected from any thread.
public final class LogLines: Sendable {
    private let stored = Mutex<[String]>([])

    /// No lines yet.
    public init() {}

    /// Appends one line.
    public func append(_ line: String) {
        stored.withLock { $0.append(line) }
    }

    /// Every line so far.
    public var lines: [String] { stored.withLock { $0 } }
}

/// Scenario YAML with the given target list (already indented as list items) and load and
/// workload settings.
public func scenarioYAML(
    name: String = "loadgen-test", targets: String, concurrency: [Int], requests: Int,
    promptTokens: Int = 16, maxTokens: Int = 6
) -> String {
    """
    name: \(name)
    seed: 11
    targets:
    \(targets)
    load:
      concurrency: [\(concurrency.map(String.init).joined(separator: ", "))]
      requests: \(requests)
    workload:
      prompt_tokens: \(promptTokens)
      max_tokens: \(maxTokens)
      ignore_eos: true
    """
}

/// A simulated chat target as a YAML list item, fast by default.
public func simulatedTarget(_ name: String, options: [String: String] = [:], extra: String = "") -> String {
    var options = options
    for (key, value) in ["prefill_overhead_ms": "1", "decode_base_ms": "2", "decode_per_seq_ms": "0"] where options[key] == nil {
        options[key] = value
    }
    let lines = options.sorted { $0.key < $1.key }.map { "      \($0.key): \($0.value)" }.joined(separator: "\n")
    return """
      - name: \(name)
        dialect: openai-chat
        base_url: sim://\(name)
        model: sim-model
    \(extra)    simulator:
    \(lines)
    """
}

/// Parses scenario text and resolves it into a plan.
public func makePlan(_ yaml: String, environment: [String: String] = [:], file: String = "test.yaml") throws -> RunPlan {
    let scenario = try ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).parse(yaml, file: file)
    return try RunPlan(scenario: scenario, environment: environment, simulators: BuiltInSimulators())
}

/// Starts a simulator for each `sim://` target of `plan`, points the targets at them, and runs
/// `body` with a fresh transport; everything is shut down afterwards.
public func withSimulators<T>(
    _ plan: RunPlan,
    _ body: (RunPlan, [SimulatorServer], CurlTransport) async throws -> T
) async throws -> T {
    CurlSetup.ensure()
    var plan = plan
    var servers: [SimulatorServer] = []
    let transport = CurlTransport()
    defer { transport.close() }
    do {
        for index in plan.targets.indices {
            guard plan.targets[index].spec.isSimulated else { continue }
            let (profile, _) = BuiltInSimulators.profile(for: plan.targets[index].spec, seed: plan.scenario.seed)
            let server = try await SimulatorServer.start(profile: profile, threads: 2)
            servers.append(server)
            plan.targets[index].attach(toSimulatorAt: server.rootURL)
        }
        let result = try await body(plan, servers, transport)
        for server in servers { try await server.shutdown() }
        return result
    } catch {
        for server in servers { try? await server.shutdown() }
        throw error
    }
}

/// Runs one target at one level with a fresh in-memory sink; returns the summary and the records.
public func runLevel(
    _ target: ResolvedTarget, level: LoadLevel, workload: WorkloadGenerator, transport: CurlTransport
) async -> (LevelSummary, [RequestRecord]) {
    let sink = MemorySink()
    let runner = LoadRunner(transport: transport, sink: sink, stop: StopSignal(), runID: "test-run", runStart: MonotonicClock.now())
    let summary = await runner.run(target: target, level: level, workload: workload)
    return (summary, sink.records)
}

/// A fresh empty folder under the system's temporary folder; remove it with ``removeFolder(_:)``.
public func makeTemporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-loadgen-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Removes a folder made by ``makeTemporaryFolder()``.
public func removeFolder(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

/// Rows of cells (header first) read with the project's own reader, ``CSVTable``; nil when the
/// text is malformed or does not end with a line break, so a half-written last row is caught.
public func parseCSV(_ text: String) -> [[String]]? {
    guard text.isEmpty || text.hasSuffix("\n"), let table = try? CSVTable.parse(text) else { return nil }
    return [table.header] + table.rows
}

/// Every regular file under `folder`, recursively.
public func filesUnder(_ folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
        let path = (folder as NSString).appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files.append(path)
        }
    }
    return files
}
