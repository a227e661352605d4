import CurlTransport
import Dialects
import LoadGen
import LoopbackSupport
import Metrics
import Simulator
import Testing
import Workload

/// The closed-loop runner driving the built-in simulator over loopback.
@Suite("closed-loop runner against the simulator")
struct ClosedLoopRunnerTests {
    @Test("20 requests at concurrency 4: one ok record per request id, full token counts, at most 4 in flight")
    func closedLoopRun() async throws {
        let plan = try makePlan(scenarioYAML(targets: simulatedTarget("sim"), concurrency: [4], requests: 20, maxTokens: 6))
        try await withSimulators(plan) { plan, servers, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 20)
            #expect(records.map(\.requestID).sorted() == Array(0..<20))
            for record in records {
                #expect(record.status == .ok, "request \(record.requestID): \(record.error)")
                #expect(record.httpStatus == 200)
                #expect(record.error.isEmpty)
                #expect(record.target == "sim")
                #expect(record.loadLevel == "c4")
                #expect(record.outputTokens == 6, "ignore_eos: every request generates max_tokens")
                #expect(record.tokenSource == "usage")
                let ttft = try #require(record.ttftMs)
                let e2e = try #require(record.e2eMs)
                #expect(ttft < e2e)
                #expect(try #require(record.tpotMs) > 0)
                #expect(record.durationMs >= e2e)
                #expect(record.httpVersion == "1.1")
            }
            #expect(summary.requests == 20)
            #expect(summary.succeeded == 20)
            #expect(summary.outputTokens == 120)
            let statistics = servers[0].statistics
            #expect(statistics.requestsServed == 20)
            #expect(statistics.peakRunning <= 4, "the runner must keep at most 4 requests in flight")
            #expect(statistics.peakRunning >= 2, "the runner should run its workers concurrently")
        }
    }

    @Test("with error_rate 1 every request is recorded as http_5xx with status 500 and a message, and the level runs on")
    func injectedErrors() async throws {
        let target = simulatedTarget("failing", options: ["error_rate": "1"])
        let plan = try makePlan(scenarioYAML(targets: target, concurrency: [2], requests: 8))
        try await withSimulators(plan) { plan, servers, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 8)
            for record in records {
                #expect(record.status == .http5xx)
                #expect(record.httpStatus == 500)
                #expect(!record.error.isEmpty)
                #expect(record.ttftMs == nil)
            }
            #expect(summary.failed == 8)
            #expect(summary.outcomes[.http5xx] == 8)
            #expect(servers[0].statistics.errorsInjected == 8)
        }
    }

    @Test("a base URL whose path does not exist gives http_4xx records")
    func notFoundPath() async throws {
        let plan = try makePlan(scenarioYAML(targets: simulatedTarget("lost"), concurrency: [2], requests: 4))
        try await withSimulators(plan) { plan, _, transport in
            var target = plan.targets[0]
            target.endpoint.baseURL = target.baseURL.replacing("/v1", with: "/no-such-api")
            let (_, records) = await runLevel(target, level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 4)
            for record in records {
                #expect(record.status == .http4xx)
                #expect(record.httpStatus == 404)
                #expect(!record.error.isEmpty)
            }
        }
    }

    @Test("a target at a port with no listener gives connect_error records, one per request")
    func refusedConnections() async throws {
        let closed = try #require(RefusingPort())
        defer { closed.release() }
        let target = """
          - name: nowhere
            dialect: openai-chat
            base_url: http://127.0.0.1:\(closed.port)/v1
            model: m
            connect_timeout: 2
        """
        let plan = try makePlan(scenarioYAML(targets: target, concurrency: [2], requests: 5))
        try await withSimulators(plan) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 5)
            #expect(records.map(\.requestID).sorted() == Array(0..<5))
            for record in records {
                #expect(record.status == .connectError)
                #expect(record.httpStatus == 0)
                #expect(record.error.hasPrefix("connect:"), "\(record.error)")
            }
            #expect(summary.failed == 5)
        }
    }

    @Test("two targets of one scenario get byte-identical request bodies and equal prompt sizes")
    func identicalWork() async throws {
        let targets = simulatedTarget("first", options: ["seed": "1"]) + "\n" + simulatedTarget("second", options: ["seed": "2"])
        let plan = try makePlan(scenarioYAML(targets: targets, concurrency: [3], requests: 10, promptTokens: 40))
        try await withSimulators(plan) { plan, _, transport in
            let first = plan.targets[0]
            let second = plan.targets[1]
            var bodies: [[UInt8]] = []
            for index in 0..<10 {
                let item = plan.workload().item(at: index)
                var endpoint = second.endpoint
                endpoint.baseURL = first.endpoint.baseURL  // only the server differs between targets
                let a = try first.dialect.makeRequest(for: item, endpoint: first.endpoint, parameters: first.parameters)
                let b = try second.dialect.makeRequest(for: item, endpoint: endpoint, parameters: second.parameters)
                #expect(a.body != nil)
                #expect(a.body == b.body, "item \(index)")
                #expect(a.headers == b.headers)
                bodies.append(a.body ?? [])
            }
            #expect(Set(bodies).count == 10, "each item is a different prompt")

            let (_, firstRecords) = await runLevel(first, level: plan.levels[0], workload: plan.workload(), transport: transport)
            let (_, secondRecords) = await runLevel(second, level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(firstRecords.allSatisfy { $0.status == .ok })
            #expect(secondRecords.allSatisfy { $0.status == .ok })
            let firstPrompts = Dictionary(uniqueKeysWithValues: firstRecords.map { ($0.requestID, $0.promptTokens) })
            let secondPrompts = Dictionary(uniqueKeysWithValues: secondRecords.map { ($0.requestID, $0.promptTokens) })
            #expect(firstPrompts.count == 10)
            #expect(firstPrompts == secondPrompts, "both servers counted the same prompt for each request id")
        }
    }
}
