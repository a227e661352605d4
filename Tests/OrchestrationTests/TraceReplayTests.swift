import Foundation
import LoopbackSupport
import Simulator
import LoadGen
import Orchestration
import Metrics
import Results
import Testing
import Workload

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
        let repeated = scenarioYAML(
            name: "rep", targets: simulatedTarget("a"), load: ["duration: 5s", "repeat: 2", "abort_error_rate: 0.5"], workload: ["trace: \(trace)"]
        )
        let load = try makePlan(repeated).scenario.load
        #expect(load.repeats == 2 && load.abort?.threshold == 0.5, "the rest of load: applies to a replay as to any level")
        let withArrival = scenarioYAML(name: "a", targets: simulatedTarget("a"), load: ["duration: 5s", "arrival: gamma"], workload: ["trace: \(trace)"])
        do {
            _ = try makePlan(withArrival)
            Issue.record("an arrival process with a trace must be refused")
        } catch {
            #expect("\(error)".contains("load.arrival: does not apply to a trace replay"), "\(error)")
            #expect(!"\(error)".contains("burstiness"), "one problem for the field, not the gamma check too")
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

    @Test("Mooncake's shared hash_ids show as prefix-cache hits in the simulator's /metrics; the same trace with every hash unique shows none")
    func sharedBlocksHitTheCache() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let sample = BuiltExecutable.packageRoot + "/scenarios/data/mooncake-sample.jsonl"
        let shared = try String(contentsOfFile: sample, encoding: .utf8)
        // The same lines with every hash replaced by a new number: no two requests share a block.
        var next = 1_000_000
        let unique = try NSRegularExpression(pattern: #""hash_ids": \[[^\]]*\]"#)
        let lines = shared.split(separator: "\n").map { line -> String in
            let text = String(line)
            let range = NSRange(text.startIndex..., in: text)
            guard let match = unique.firstMatch(in: text, range: range), let swift = Range(match.range, in: text) else { return text }
            let count = text[swift].split(separator: ",").count
            defer { next += count }
            return text.replacingCharacters(in: swift, with: "\"hash_ids\": [" + (next..<(next + count)).map(String.init).joined(separator: ", ") + "]")
        }
        let shuffledPath = (folder as NSString).appendingPathComponent("unique.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: shuffledPath, atomically: true, encoding: .utf8)

        func hits(trace: String) async throws -> (queries: Double, hits: Double) {
            let yaml = scenarioYAML(
                name: "prefix", targets: simulatedTarget("a", options: ["prefix_cache_blocks": "100000", "prefill_tokens_per_second": "1000000"]),
                load: ["duration: 30s"], workload: ["trace: \(trace)", "format: mooncake", "speedup: 40", "to: 40s", "ignore_eos: true"]
            )
            let plan = try makePlan(yaml)
            return try await withSimulators(plan) { plan, servers, transport in
                let (summary, _) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
                #expect(summary.succeeded == summary.requests && summary.requests > 30)
                let metrics = try curl(servers[0].rootURL + "/metrics")
                func counter(_ name: String) -> Double {
                    metrics.split(separator: "\n").first { $0.hasPrefix(name + "{") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? -1
                }
                return (counter("vllm:prefix_cache_queries_total"), counter("vllm:prefix_cache_hits_total"))
            }
        }
        let withShared = try await hits(trace: sample)
        let withUnique = try await hits(trace: shuffledPath)
        #expect(withShared.queries > 0 && withShared.queries == withUnique.queries, "the same prompt tokens looked up")
        #expect(withShared.hits > 0.2 * withShared.queries, "two shared 512-token blocks per request: \(withShared)")
        #expect(withUnique.hits == 0, "no shared block, no hit: \(withUnique)")
    }

    /// The body `curl` fetches from `url`.
    private func curl(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sf", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
