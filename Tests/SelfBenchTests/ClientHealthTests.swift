import Metrics
import Testing

/// The saturation flag and the ceiling share, on synthetic figures: no network, no timing.
@Suite("client health: saturation flag and ceiling share")
struct ClientHealthTests {
    private func lag(_ samplesMs: [Double]) -> LatencyDistribution {
        var distribution = LatencyDistribution()
        for sample in samplesMs { distribution.record(ms: sample) }
        return distribution
    }

    @Test("a level with low send lag and 30% client CPU is not saturated")
    func healthyLevel() {
        let health = ClientHealth(cpuSeconds: 3, wallSeconds: 10, sendLag: lag(Array(repeating: 0.05, count: 100)), ceilingFraction: 0.1)
        #expect(health.cpuPercent == 30)
        #expect(!health.saturated)
        #expect(health.reasons.isEmpty)
        #expect(health.summaryLine == "client CPU 30% of a core, 10% of the client ceiling")
    }

    @Test("send lag p99 past 5 ms flags the level, naming the lag")
    func lagSaturates() {
        let samples = Array(repeating: 0.1, count: 90) + Array(repeating: 7.2, count: 10)
        let health = ClientHealth(cpuSeconds: 1, wallSeconds: 10, sendLag: lag(samples), ceilingFraction: nil)
        #expect(health.saturated)
        #expect(health.reasons == ["send lag p99 7.200 ms > 5 ms"])
        // Without a ceiling the line leaves it out: the run says once, at its start, how to measure it (issue 18).
        #expect(health.summaryLine == "client CPU 10% of a core; CLIENT SATURATED: send lag p99 7.200 ms > 5 ms")
    }

    @Test("client CPU past 80% of a core flags the level; both limits are reported when both are passed")
    func cpuSaturates() {
        let cpuOnly = ClientHealth(cpuSeconds: 9, wallSeconds: 10, sendLag: lag([0.01]), ceilingFraction: 0.5)
        #expect(cpuOnly.saturated)
        #expect(cpuOnly.reasons == ["client CPU 90% > 80% of a core"])
        let both = ClientHealth(cpuSeconds: 9, wallSeconds: 10, sendLag: lag([6, 6, 6]), ceilingFraction: nil)
        #expect(both.reasons.count == 2)
    }

    @Test("thresholds are adjustable and an empty level is healthy")
    func thresholdsAndEmpty() {
        let strict = ClientHealth(
            cpuSeconds: 2, wallSeconds: 10, sendLag: lag([0.5]), ceilingFraction: nil,
            thresholds: ClientHealth.Thresholds(sendLagP99Ms: 0.1, cpuPercent: 10))
        #expect(strict.reasons.count == 2)
        let empty = ClientHealth(cpuSeconds: 0, wallSeconds: 0, sendLag: LatencyDistribution(), ceilingFraction: nil)
        #expect(!empty.saturated)
        #expect(empty.sendLagP99Ms == nil)
    }

    @Test("the ceiling share is the larger of the token-event and request shares")
    func ceilingFraction() {
        let ceiling = ClientCeiling(eventsPerSecond: 100_000, requestsPerSecond: 2_000, cpuSecondsPerMillionEvents: 5, measuredAt: "2026-11-23T00:00:00.000Z", host: "test")
        #expect(ceiling.fraction(outputTokensPerSecond: 25_000, requestsPerSecond: 100) == 0.25)
        #expect(ceiling.fraction(outputTokensPerSecond: 1_000, requestsPerSecond: 1_000) == 0.5)
    }
}
