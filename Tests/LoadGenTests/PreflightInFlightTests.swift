import LoopbackSupport
import Testing
import Workload

@testable import LoadGen

/// How many connections a plan may really hold at once, which sizes the open-files limit.
@Suite("connections a plan may hold in flight")
struct PreflightInFlightTests {
    @Test("closed loop holds its concurrency, but never more than its request limit")
    func closedLoop() {
        let level = LoadLevel(pattern: .closed(concurrency: 64, rampSeconds: nil), requestLimit: nil, durationLimit: 30)
        #expect(Preflight.peakInFlight(level, requestTimeoutS: 600) == 64)
        let short = LoadLevel(pattern: .closed(concurrency: 64, rampSeconds: nil), requestLimit: 10, durationLimit: nil)
        #expect(Preflight.peakInFlight(short, requestTimeoutS: 600) == 10)
    }

    @Test("open loop holds rate × timeout at most, capped by max_in_flight and by the request limit")
    func openLoop() {
        let uncapped = LoadLevel(pattern: .open(rate: 80, arrival: .poisson, maxInFlight: nil), requestLimit: nil, durationLimit: 60)
        #expect(Preflight.peakInFlight(uncapped, requestTimeoutS: 600) == 48_000)
        let sixty = LoadLevel(pattern: .open(rate: 80, arrival: .poisson, maxInFlight: nil), requestLimit: 60, durationLimit: nil)
        #expect(Preflight.peakInFlight(sixty, requestTimeoutS: 600) == 60, "a 60-request level cannot hold 48,000 connections")
        let capped = LoadLevel(pattern: .open(rate: 80, arrival: .poisson, maxInFlight: 32), requestLimit: 60, durationLimit: nil)
        #expect(Preflight.peakInFlight(capped, requestTimeoutS: 600) == 32)
        let slow = LoadLevel(pattern: .open(rate: 0.5, arrival: .poisson, maxInFlight: nil), requestLimit: 100, durationLimit: nil)
        #expect(Preflight.peakInFlight(slow, requestTimeoutS: 5) == 3, "0.5 req/s × 5 s, rounded up")
    }

    @Test("a plan needs its busiest level; a saturation search its fastest probe")
    func plans() throws {
        let target = simulatedTarget("sim")
        let open = try makePlan(scenarioYAML(targets: target, load: ["rate: [1, 80]", "requests: 60"]))
        #expect(Preflight.peakInFlight(open) == 60)
        let closed = try makePlan(scenarioYAML(targets: target, load: ["concurrency: [1, 8]", "duration: 5"]))
        #expect(Preflight.peakInFlight(closed) == 8)
        let search = try makePlan(scenarioYAML(
            targets: target, load: ["saturation: {min_rate: 1, max_rate: 40, steps: 2, max_in_flight: 16}", "requests: 100"],
            slo: ["ttft_p99_ms: 500"]))
        #expect(Preflight.peakInFlight(search) == 16)
    }
}
