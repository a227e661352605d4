import LoopbackSupport
import LoadGen
import Metrics
import Simulator
import Testing

/// The open-loop runner and the closed-loop ramp against the simulator: when requests are sent, and
/// what latency counted from the schedule shows. Serialized so that the timing of one test does not
/// suffer from another's load; bounds are loose for busy machines.
@Suite("open-loop runner and ramp timing", .serialized)
struct OpenLoopRunnerTests {
    @Test("a constant 40 req/s level schedules 40 requests 25 ms apart, sends them on time and achieves the requested rate")
    func constantArrivals() async throws {
        let yaml = scenarioYAML(targets: simulatedTarget("steady"), load: ["rate: [40]", "arrival: constant", "requests: 40"])
        let plan = try makePlan(yaml)
        #expect(plan.levels.map(\.label) == ["r40"])
        await awaitQuietScheduler()
        try await withSimulators(plan) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            let ordered = byRequestID(records)
            #expect(ordered.map(\.requestID) == Array(0..<40))
            #expect(ordered.allSatisfy { $0.status == .ok && $0.loadLevel == "r40" })
            for (earlier, later) in zip(ordered, ordered.dropFirst()) {
                let gapMs = (later.scheduledS - earlier.scheduledS) * 1000
                #expect(abs(gapMs - 25) <= 2, "request \(later.requestID) is scheduled \(gapMs) ms after its predecessor")
            }
            #expect(summary.requests == 40)
            // Other tests starting in parallel can hold up the first few sends by tens of ms on a
            // small machine; a runner that waited for responses would fall 25 ms further behind
            // with every request instead.
            let lagP50 = try #require(summary.sendLag.percentileMs(50))
            let lagMax = try #require(summary.sendLag.maxMs)
            let lags = ordered.map { Int($0.sendLagMs.rounded()) }
            #expect(lagP50 < 10, "send lag p50 \(lagP50) ms; lags \(lags)")
            #expect(lagMax < 250, "send lag max \(lagMax) ms; lags \(lags)")
            #expect(abs(summary.requestsPerSecond - 40) <= 40 * 0.15, "achieved \(summary.requestsPerSecond) req/s")
        }
    }

    /// A simulator of capacity about 2 / 80 ms = 25 req/s, offered 100 req/s.
    private static func overloadedPlan(maxInFlight: Int?) throws -> RunPlan {
        let options = ["max_num_seqs": "2", "decode_base_ms": "25", "decode_per_seq_ms": "0", "prefill_overhead_ms": "5"]
        var load = ["rate: [100]", "arrival: constant", "requests: 24"]
        if let maxInFlight { load.append("max_in_flight: \(maxInFlight)") }
        return try makePlan(scenarioYAML(
            targets: simulatedTarget("slow", options: options), load: load,
            workload: ["prompt_tokens: 8", "max_tokens: 4", "ignore_eos: true"]
        ))
    }

    /// Means of the first and the last quarter of `values` (ordered by request id).
    private static func quarters(_ values: [Double]) -> (first: Double, last: Double) {
        let quarter = values.count / 4
        return (mean(values.prefix(quarter)), mean(values.suffix(quarter)))
    }

    @Test("capped in flight above capacity: TTFT from the schedule grows with the backlog while TTFT from the send stays flat")
    func coordinatedOmissionIsVisible() async throws {
        await awaitQuietScheduler()
        try await withSimulators(try Self.overloadedPlan(maxInFlight: 2)) { plan, servers, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            let ordered = byRequestID(records)
            #expect(ordered.count == 24)
            #expect(ordered.allSatisfy { $0.status == .ok })
            let fromSend = try ordered.map { try #require($0.ttftMs) }
            let fromSchedule = try ordered.map { try #require($0.ttftFromScheduledMs) }
            let scheduled = Self.quarters(fromSchedule)
            let sent = Self.quarters(fromSend)
            #expect(scheduled.last > 4 * scheduled.first, "TTFT from schedule: first quarter \(scheduled.first) ms, last \(scheduled.last) ms")
            #expect(scheduled.last > 300, "the last requests waited for the client's cap: \(scheduled.last) ms")
            #expect(sent.last < 0.25 * scheduled.last, "TTFT from send, last quarter \(sent.last) ms, hides the wait")
            #expect(sent.last < 3 * sent.first + 30, "TTFT from send: first quarter \(sent.first) ms, last \(sent.last) ms")
            #expect(try #require(summary.sendLag.percentileMs(99)) > 300, "the lag the cap caused is in the summary")
            #expect(servers[0].statistics.peakRunning <= 2)
        }
    }

    @Test("uncapped above capacity: requests go out on time and the server's queue shows in TTFT from the send")
    func serverQueueShowsUncapped() async throws {
        await awaitQuietScheduler()
        try await withSimulators(try Self.overloadedPlan(maxInFlight: nil)) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            let ordered = byRequestID(records)
            #expect(ordered.count == 24)
            #expect(ordered.allSatisfy { $0.status == .ok })
            let sent = Self.quarters(try ordered.map { try #require($0.ttftMs) })
            #expect(sent.last > 4 * sent.first, "TTFT from send: first quarter \(sent.first) ms, last \(sent.last) ms")
            #expect(sent.last > 300, "the last requests waited in the server's queue: \(sent.last) ms")
            let lagP50 = try #require(summary.sendLag.percentileMs(50))
            let lagMax = try #require(summary.sendLag.maxMs)
            #expect(lagP50 < 10, "nothing holds requests back on the client: send lag p50 \(lagP50) ms")
            #expect(lagMax < 250, "send lag max \(lagMax) ms")
        }
    }

    @Test("a closed loop of 4 with a 0.4 s ramp starts its workers about 0.1 s apart")
    func rampSpreadsStarts() async throws {
        // Each request takes about 0.45 s, so the first four requests are the four workers' first.
        let yaml = scenarioYAML(
            targets: simulatedTarget("ramped", options: ["decode_base_ms": "50"]), load: ["concurrency: [4]", "ramp: 0.4", "requests: 4"],
            workload: ["prompt_tokens: 8", "max_tokens: 10", "ignore_eos: true"]
        )
        let plan = try makePlan(yaml)
        await awaitQuietScheduler()
        try await withSimulators(plan) { plan, _, transport in
            let (_, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            let ordered = byRequestID(records)
            #expect(ordered.map(\.requestID) == [0, 1, 2, 3])
            #expect(ordered.allSatisfy { $0.status == .ok })
            for (earlier, later) in zip(ordered, ordered.dropFirst()) {
                let scheduledGap = later.scheduledS - earlier.scheduledS
                let startGap = later.startS - earlier.startS
                #expect(abs(scheduledGap - 0.1) < 0.002, "worker \(later.requestID) is due \(scheduledGap) s after the previous one")
                #expect(startGap > 0.03 && startGap < 0.25, "worker \(later.requestID) started \(startGap) s after the previous one")
            }
            let spread = ordered[3].startS - ordered[0].startS
            #expect(spread > 0.2 && spread < 0.6, "the ramp spread the starts over \(spread) s")
        }
    }

    @Test("an open level of failing requests with an error-rate guard stops long before its 200 requests")
    func openLevelAborts() async throws {
        let yaml = scenarioYAML(
            targets: simulatedTarget("broken", options: ["error_rate": "1"]),
            load: ["rate: [200]", "arrival: constant", "requests: 200", "abort_error_rate: 0.5", "abort_window: 5"]
        )
        let plan = try makePlan(yaml)
        try await withSimulators(plan) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count >= 5 && records.count < 60, "\(records.count) requests were sent")
            #expect(summary.requests == records.count)
            let reason = try #require(summary.abortReason)
            #expect(reason.contains("last 5 requests"), "\(reason)")
            #expect(reason.contains("50%"), "\(reason)")
        }
    }
}
