import Metrics
import Results
import Testing

private func row(
    metric name: String, baseline: Double?, candidate: Double?, verdict: ComparisonVerdict
) throws -> ComparisonRow {
    ComparisonRow(
        baseline: "a", candidate: "b", target: "t1", loadLevel: "c8", metric: try #require(ComparisonMetric(name: name)),
        baselineValue: baseline, candidateValue: candidate, interval: nil, verdict: verdict
    )
}

@Suite("Comparison metrics and --fail-if expressions")
struct ComparisonThresholdTests {
    @Test("metric names parse into latency percentiles, throughputs and the error rate; others are refused")
    func metricNames() {
        #expect(ComparisonMetric(name: "ttft_p99_ms")?.kind == .latency(.ttft, percentile: 99))
        #expect(ComparisonMetric(name: "e2e_sched_p99.9_ms")?.kind == .latency(.e2eSched, percentile: 99.9))
        #expect(ComparisonMetric(name: "req_per_s")?.lowerIsBetter == false)
        #expect(ComparisonMetric(name: "error_rate")?.lowerIsBetter == true)
        for bad in ["ttft_p0_ms", "ttft_p101_ms", "ttft_p50", "foo_p50_ms", "ttft_pxx_ms", "", "ttft_p_ms", "req_per_sec"] {
            #expect(ComparisonMetric(name: bad) == nil, "\(bad)")
        }
        #expect(ComparisonMetric.defaults.map(\.name) == [
            "ttft_p50_ms", "ttft_p99_ms", "tpot_p50_ms", "tpot_p99_ms", "e2e_p50_ms", "e2e_p99_ms",
            "req_per_s", "output_tok_per_s", "error_rate",
        ])
    }

    @Test("relative, absolute and spaced expressions parse")
    func parsing() throws {
        let relative = try ComparisonThreshold(parsing: "ttft_p99_ms>+10%")
        #expect(relative.metric.name == "ttft_p99_ms" && relative.comparison == .greater && relative.relative)
        #expect(abs(relative.limit - 0.1) < 1e-12)
        let absolute = try ComparisonThreshold(parsing: "error_rate > 0.01")
        #expect(!absolute.relative && absolute.limit == 0.01 && absolute.comparison == .greater)
        let drop = try ComparisonThreshold(parsing: "req_per_s<=-5%")
        #expect(drop.comparison == .lessOrEqual && abs(drop.limit + 0.05) < 1e-12)
    }

    @Test("bad expressions and unknown metrics are refused with one line naming the expression")
    func badExpressions() {
        for bad in ["ttft_p99_ms", "ttft_p99_ms=10%", "nope>1", "ttft_p99_ms>ten%", "ttft_p99_ms>", ">5%", "ttft_p99_ms>1e400"] {
            #expect(throws: ComparisonError.self, "\(bad)") { try ComparisonThreshold(parsing: bad) }
            do {
                _ = try ComparisonThreshold(parsing: bad)
            } catch {
                #expect(error.description.hasPrefix("--fail-if '\(bad)': "))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test("a relative threshold is violated only when crossed and beyond noise")
    func relativeViolation() throws {
        let threshold = try ComparisonThreshold(parsing: "ttft_p99_ms>+10%")
        #expect(threshold.violation(in: try row(metric: "ttft_p99_ms", baseline: 100, candidate: 125, verdict: .worse)) != nil)
        #expect(threshold.violation(in: try row(metric: "ttft_p99_ms", baseline: 100, candidate: 125, verdict: .noise)) == nil)
        #expect(threshold.violation(in: try row(metric: "ttft_p99_ms", baseline: 100, candidate: 105, verdict: .worse)) == nil)
        #expect(threshold.violation(in: try row(metric: "ttft_p50_ms", baseline: 100, candidate: 150, verdict: .worse)) == nil)
        let line = try #require(threshold.violation(in: try row(metric: "ttft_p99_ms", baseline: 100, candidate: 125, verdict: .worse)))
        #expect(line == "ttft_p99_ms>+10%: b vs a target t1 level c8: ttft_p99_ms changed +25.0% (beyond noise)")

        let drop = try ComparisonThreshold(parsing: "req_per_s<-5%")
        #expect(drop.violation(in: try row(metric: "req_per_s", baseline: 10, candidate: 9, verdict: .worse)) != nil)
        #expect(drop.violation(in: try row(metric: "req_per_s", baseline: 10, candidate: 11, verdict: .better)) == nil)
    }

    @Test("an absolute threshold tests the candidate's value whatever the noise")
    func absoluteViolation() throws {
        let threshold = try ComparisonThreshold(parsing: "error_rate>0.01")
        #expect(threshold.violation(in: try row(metric: "error_rate", baseline: 0, candidate: 0.02, verdict: .noise)) != nil)
        #expect(threshold.violation(in: try row(metric: "error_rate", baseline: 0.5, candidate: 0.01, verdict: .better)) == nil)
        #expect(threshold.violation(in: try row(metric: "error_rate", baseline: 0, candidate: nil, verdict: .unavailable)) == nil)
    }
}
