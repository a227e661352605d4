import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Metrics
import Results
import Testing

/// `workload.trace`: a timestamped trace replayed at its own times on every target.
@Suite("trace replay, end to end")
struct TraceReplayTests {
    /// A JSONL trace of `count` requests, 100 ms apart after a 50 ms start, growing prompts.
    private func writeTrace(in folder: String, count: Int) throws -> String {
        let lines = (0..<count).map { index in
            "{\"timestamp\": \(10 + Double(index) * 0.1), \"input_tokens\": \(8 + index), \"output_tokens\": \(2 + index % 3), \"session_id\": \"s\(index % 2)\"}"
        }
        let path = (folder as NSString).appendingPathComponent("trace.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("each trace line is one request sent at its time ÷ speed-up, with its lengths, the same on every target")
    func replayAtSpeedUp() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let trace = try writeTrace(in: folder, count: 12)
        let yaml = scenarioYAML(
            name: "replay", targets: simulatedTarget("a") + "\n" + simulatedTarget("b"), load: ["duration: 60s"],
            workload: ["trace: \(trace)", "speedup: 2", "ignore_eos: true"]
        )
        let (report, log) = try await runBenchmark(yaml, in: folder)
        #expect(report.status == .completed)
        #expect(report.summaries.map { "\($0.target)/\($0.loadLevel)" } == ["a/trace-x2", "b/trace-x2"])
        #expect(report.summaries.allSatisfy { $0.requests == 12 && $0.succeeded == 12 })
        #expect(report.summaries[0].workloadDigest == report.summaries[1].workloadDigest, "the same prompts at the same times")
        #expect(log.contains { $0.contains("trace replay, 12 requests over 0.550 s at 2.0x speed") }, "\(log)")
        let rows = try readRequestRows(report.directory).filter { $0["target"] == "a" }
        let scheduled = rows.compactMap { Double($0["scheduled_s"] ?? "") }.sorted()
        let start = try #require(scheduled.first)
        for (index, time) in scheduled.enumerated() {
            #expect(abs((time - start) - Double(index) * 0.05) < 0.001, "request \(index) intended at \(Double(index) * 0.05) s")
        }
        let outputs = rows.sorted { Double($0["scheduled_s"] ?? "") ?? 0 < Double($1["scheduled_s"] ?? "") ?? 0 }.map { $0["output_tokens"] ?? "" }
        #expect(outputs == (0..<12).map { String(2 + $0 % 3) }, "each request asks for its own answer length")
    }

    @Test("the level's duration cuts a longer trace, and the level line says so")
    func cutByDuration() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let trace = try writeTrace(in: folder, count: 20)
        let yaml = scenarioYAML(
            name: "replay-cut", targets: simulatedTarget("a"), load: ["duration: 1s"], workload: ["trace: \(trace)", "ignore_eos: true"]
        )
        let (report, log) = try await runBenchmark(yaml, in: folder)
        #expect(report.summaries.map(\.requests) == [10], "arrivals at 0, 0.1 … 0.9 s fit in one second")
        #expect(log.contains { $0.contains("(cut to the level's limits: 10 of the window's 20)") }, "\(log)")
    }

    @Test("a trace scenario with a rate, or a bad trace line, is refused with file and line")
    func refused() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let trace = try writeTrace(in: folder, count: 3)
        let withRate = scenarioYAML(name: "r", targets: simulatedTarget("a"), load: ["rate: [2]", "requests: 3"], workload: ["trace: \(trace)"])
        #expect(throws: (any Error).self) { try makePlan(withRate) }
        do {
            _ = try makePlan(withRate)
        } catch {
            #expect("\(error)".contains("load.rate: workload.trace sets the arrivals: leave out concurrency, rate and saturation"), "\(error)")
        }
        try "{\"timestamp\": 1, \"input_tokens\": 5, \"output_tokens\": 1}\n{\"timestamp\": 0, \"input_tokens\": 5, \"output_tokens\": 1}\n"
            .write(toFile: trace, atomically: true, encoding: .utf8)
        let unsorted = scenarioYAML(name: "u", targets: simulatedTarget("a"), load: ["duration: 5s"], workload: ["trace: \(trace)"])
        do {
            _ = try makePlan(unsorted)
            Issue.record("an unsorted trace must be refused")
        } catch {
            #expect("\(error)".contains("\(trace):2: timestamp 0.0 is before the previous request's 1.0: a trace must be sorted by time"), "\(error)")
        }
    }
}
