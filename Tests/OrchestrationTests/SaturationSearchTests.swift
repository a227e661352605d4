import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Metrics
import Results
import Testing
import Workload

/// The saturation search against a simulator of roughly known capacity: 4 sequences at once, each
/// about 10 × 20 ms long, so about 4 / 0.2 s = 20 requests per second.
@Suite("saturation search", .serialized)
struct SaturationSearchTests {
    private static let capacityOptions = ["max_num_seqs": "4", "decode_base_ms": "20", "decode_per_seq_ms": "0"]

    private static func yaml(minRate: Double, maxRate: Double, steps: Int, requests: Int, slo: String) -> String {
        scenarioYAML(
            name: "saturation", targets: simulatedTarget("capped", options: capacityOptions),
            load: [
                "saturation:", "  min_rate: \(minRate)", "  max_rate: \(maxRate)", "  steps: \(steps)",
                "arrival: constant", "requests: \(requests)",
            ],
            workload: ["prompt_tokens: 8", "max_tokens: 10", "ignore_eos: true"], slo: [slo]
        )
    }

    /// run.json's `saturation` entries.
    private static func saturationEntries(_ report: BenchmarkRun.Report) throws -> [[String: Any]] {
        try #require(try readRunJSON(report.directory)["saturation"] as? [[String: Any]])
    }

    @Test("bisection between 10 and 80 req/s finds a highest passing rate near the capacity, within steps + 2 levels")
    func findsCapacity() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        await awaitQuietScheduler()
        // Below capacity TTFT stays a few ms; at 45 req/s and above the queue adds hundreds of ms.
        let (report, log) = try await runBenchmark(
            Self.yaml(minRate: 10, maxRate: 80, steps: 3, requests: 16, slo: "ttft_p99_ms: 150"), in: folder
        )
        #expect(report.status == .completed)
        #expect(report.summaries.count >= 2 && report.summaries.count <= 3 + 2, "\(report.summaries.map(\.loadLevel))")
        #expect(report.summaries.first?.loadLevel == "r10")
        #expect(report.summaries.dropFirst().first?.loadLevel == "r80")
        let outcome = try #require(report.saturation.first)
        #expect(report.saturation.count == 1)
        #expect(outcome.target == "capped")
        let found = try #require(outcome.maxRate, "10 req/s is well within capacity")
        let failing = try #require(outcome.firstFailingRate, "80 req/s is well beyond capacity")
        #expect(found >= 10 && found < 80)
        #expect(found < failing)
        #expect(found < 45, "45 req/s is more than twice the capacity: \(found)")
        #expect(failing - found <= (80 - 10) / 8 + 0.01, "three steps narrow the interval to an eighth")

        let entries = try Self.saturationEntries(report)
        #expect(entries.count == 1)
        #expect(entries.first?["target"] as? String == "capped")
        #expect(entries.first?["max_rate"] as? Double == found)
        #expect(entries.first?["first_failing_rate"] as? Double == failing)
        let levels = try #require(try readRunJSON(report.directory)["levels"] as? [[String: Any]])
        #expect(levels.count == report.summaries.count)
        #expect(levels.allSatisfy { $0["meets_slo"] is Bool })
        #expect(log.contains { $0.contains("highest rate meeting the SLOs") })
    }

    @Test("an SLO no level can meet ends the search after the lowest rate with no max_rate")
    func tooStrict() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let (report, _) = try await runBenchmark(
            Self.yaml(minRate: 20, maxRate: 40, steps: 3, requests: 4, slo: "ttft_p99_ms: 0.001"), in: folder
        )
        #expect(report.summaries.map(\.loadLevel) == ["r20"])
        let outcome = try #require(report.saturation.first)
        #expect(outcome.maxRate == nil)
        #expect(outcome.firstFailingRate == 20)
        let entry = try #require(try Self.saturationEntries(report).first)
        #expect(entry["target"] as? String == "capped")
        #expect(entry["max_rate"] == nil)
        #expect(entry["first_failing_rate"] as? Double == 20)
        let level = try #require((try readRunJSON(report.directory)["levels"] as? [[String: Any]])?.first)
        #expect(level["meets_slo"] as? Bool == false)
        #expect((level["slo_failures"] as? [String])?.first?.hasPrefix("ttft_p99_ms ") == true)
    }

    @Test("an SLO every level meets gives max_rate at the highest rate after two levels")
    func lax() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let (report, _) = try await runBenchmark(
            Self.yaml(minRate: 20, maxRate: 40, steps: 3, requests: 4, slo: "ttft_p99_ms: 600000"), in: folder
        )
        #expect(report.summaries.map(\.loadLevel) == ["r20", "r40"])
        let outcome = try #require(report.saturation.first)
        #expect(outcome.maxRate == 40)
        #expect(outcome.firstFailingRate == nil)
        let entry = try #require(try Self.saturationEntries(report).first)
        #expect(entry["max_rate"] as? Double == 40)
        #expect(entry["first_failing_rate"] == nil)
    }
}

/// Judging one level's summary against SLOs, with no network.
@Suite("SLO verdicts")
struct SLOVerdictTests {
    private static let ttftLimit = SLOSpec.Limit(metric: "ttft", percentile: 99, maxMs: 100, field: "ttft_p99_ms")

    /// A record at request `id`: a success with `ttftMs` when given, else an HTTP 500; sent
    /// `lagMs` after its scheduled time.
    private static func record(_ id: Int, ttftMs: Double?, lagMs: Double = 0) -> RequestRecord {
        let scheduled = Double(id) * 0.01
        return RequestRecord(
            runID: "r", target: "t", loadLevel: "r10", requestID: id, scheduledS: scheduled, startS: scheduled + lagMs / 1000,
            ttftMs: ttftMs, e2eMs: ttftMs.map { $0 + 50 }, durationMs: (ttftMs ?? 1) + 50, outputTokens: ttftMs == nil ? 0 : 5,
            status: ttftMs == nil ? .http5xx : .ok, httpStatus: ttftMs == nil ? 500 : 200
        )
    }

    private static func summary(_ records: [RequestRecord]) -> LevelSummary {
        var summary = LevelSummary(target: "t", loadLevel: "r10")
        for record in records { summary.add(record, gapsNs: []) }
        return summary
    }

    /// The number between the field name and `>` in a failure phrase.
    private static func measured(_ failure: String) -> Double? {
        failure.split(separator: " ").dropFirst().first.flatMap { Double($0) }
    }

    @Test("an interrupted or aborted level is incomplete, never met, though its requests met every limit; a completed one is met")
    func partialLevel() {
        let summary = Self.summary((0..<20).map { Self.record($0, ttftMs: 40) })
        let slo = SLOSpec(limits: [Self.ttftLimit])
        for status in [LevelStatus.interrupted, .aborted] {
            let verdict = SLOVerdict(slo: slo, summary: summary, status: status)
            #expect(verdict.result == .incomplete)
            #expect(!verdict.passed)
            #expect(verdict.failures.isEmpty)
        }
        #expect(SLOVerdict(slo: slo, summary: summary, status: .completed).result == .met)
        #expect(LevelStatus.ended(abortReason: nil, stopped: true) == .interrupted)
        #expect(LevelStatus.ended(abortReason: "error rate 60%", stopped: true) == .aborted)
        #expect(LevelStatus.ended(abortReason: nil, stopped: false) == .completed)
    }

    @Test("a level within every limit passes with no failures")
    func passes() {
        let summary = Self.summary((0..<20).map { Self.record($0, ttftMs: 40) })
        let verdict = SLOVerdict(slo: SLOSpec(limits: [Self.ttftLimit], maxErrorRate: 0.1), summary: summary)
        #expect(verdict.passed)
        #expect(verdict.failures.isEmpty)
    }

    @Test("a TTFT p99 above its limit fails with 'ttft_p99_ms X > Y'")
    func ttftTooHigh() throws {
        let summary = Self.summary((0..<20).map { Self.record($0, ttftMs: $0 < 10 ? 40 : 250) })
        let verdict = SLOVerdict(slo: SLOSpec(limits: [Self.ttftLimit]), summary: summary)
        #expect(!verdict.passed)
        #expect(verdict.failures.count == 1)
        let failure = try #require(verdict.failures.first)
        #expect(failure.hasPrefix("ttft_p99_ms "), "\(failure)")
        #expect(failure.hasSuffix(" > 100.000"), "\(failure)")
        let value = try #require(Self.measured(failure), "\(failure)")
        #expect(abs(value - 250) < 1)
    }

    @Test("TTFT limits count from the scheduled send, so a request sent late fails though the server was fast")
    func countsFromSchedule() throws {
        let summary = Self.summary((0..<20).map { Self.record($0, ttftMs: 40, lagMs: 200) })
        let verdict = SLOVerdict(slo: SLOSpec(limits: [Self.ttftLimit]), summary: summary)
        #expect(!verdict.passed)
        let value = try #require(verdict.failures.first.flatMap(Self.measured), "\(verdict.failures)")
        #expect(abs(value - 240) < 1)
    }

    @Test("an error rate above max_error_rate fails with the rate in percent, while latency limits still hold")
    func errorRate() {
        let summary = Self.summary((0..<10).map { Self.record($0, ttftMs: $0 < 3 ? nil : 40) })
        let verdict = SLOVerdict(slo: SLOSpec(limits: [Self.ttftLimit], maxErrorRate: 0.1), summary: summary)
        #expect(!verdict.passed)
        #expect(verdict.failures == ["error rate 30.000% > 10.000%"])
    }

    @Test("a level with no successful request fails every latency limit as 'no successful request'")
    func noSuccess() {
        let summary = Self.summary((0..<5).map { Self.record($0, ttftMs: nil) })
        let e2e = SLOSpec.Limit(metric: "e2e", percentile: 50, maxMs: 1000, field: "e2e_p50_ms")
        let verdict = SLOVerdict(slo: SLOSpec(limits: [Self.ttftLimit, e2e]), summary: summary)
        #expect(!verdict.passed)
        #expect(verdict.failures == ["ttft_p99_ms: no successful request", "e2e_p50_ms: no successful request"])
    }
}
