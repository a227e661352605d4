import CurlTransport
import LoadGen
import LoopbackSupport
import Metrics
import Testing
import Workload

/// Agent tasks and tool calls driven through the built-in simulator over loopback, in every
/// dialect that takes tools: the client's tool request, the simulator's call in that API's shape,
/// the client's extraction and judgement, and the next turn with the canned result.
@Suite("agent loops and tool calls over loopback", .serialized)
struct AgentLoopTests {
    static let toolDialects = ["openai-chat", "openai-responses", "azure-openai-chat", "anthropic-messages", "gemini", "bedrock-converse", "ollama-chat"]

    /// A workload offering one function, with `extra` lines (agent fields) added.
    static func workload(maxTokens: Int = 8, extra: [String] = []) -> [String] {
        [
            "prompt_tokens: 16", "max_tokens: \(maxTokens)",
            "tools:",
            "  - name: get_weather",
            "    description: Current weather in a city",
            "    parameters:",
            "      type: object",
            "      required: [city, unit]",
            "      properties:",
            "        city: {type: string}",
            "        unit: {type: string, enum: [celsius, fahrenheit]}",
        ] + extra
    }

    static func target(_ dialect: String, stream: Bool, options: [String: String] = [:]) -> String {
        var options = options
        options["eos_probability"] = options["eos_probability"] ?? "0"
        return simulatedTarget("agent", options: options, extra: stream ? "" : "    stream: false\n")
            .replacing("dialect: openai-chat", with: "dialect: \(dialect)")
    }

    @Test("a task: the call turn then the answer turn, one row each, task_ms on the last covering both", arguments: toolDialects, [true, false])
    func agentTask(dialect: String, stream: Bool) async throws {
        let yaml = scenarioYAML(
            targets: Self.target(dialect, stream: stream), load: ["concurrency: 2", "requests: 4"],
            workload: Self.workload(extra: ["max_turns: 3", "tool_results:", "  get_weather: {temp_c: 21}"]))
        let plan = try makePlan(yaml)
        try await withSimulators(plan) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 8, "\(dialect): \(records.map { "\($0.requestID)/\($0.step) \($0.status) \($0.error)" })")
            for task in 0..<4 {
                let turns = records.filter { $0.requestID == task }.sorted { $0.step < $1.step }
                #expect(turns.map(\.step) == [0, 1], "\(dialect) task \(task)")
                guard turns.count == 2 else { continue }
                #expect(turns.allSatisfy { $0.status == .ok }, "\(dialect): \(turns.map(\.error))")
                #expect(turns[0].toolCalls == 1 && turns[0].toolArgsValid == true, "\(dialect)")
                #expect(turns[1].toolCalls == 0 && turns[1].toolArgsValid == nil, "\(dialect): the tool result is answered with text")
                #expect(turns[0].taskMs == nil)
                let taskMs = try #require(turns[1].taskMs)
                #expect(taskMs >= turns[0].durationMs + turns[1].durationMs, "\(dialect): task \(taskMs) ms")
                #expect(turns[1].startS >= turns[0].startS + turns[0].durationMs / 1000 - 1e-6)
            }
            #expect(summary.task.count == 4)
            #expect(summary.toolCalls.checked == 4 && summary.toolCalls.validRate == 1)
        }
    }

    @Test("invalid arguments at tool_args_invalid_rate are judged invalid: measured share within 0.1 of 0.3", arguments: toolDialects, [true, false])
    func invalidShare(dialect: String, stream: Bool) async throws {
        let yaml = scenarioYAML(
            targets: Self.target(dialect, stream: stream, options: ["tool_args_invalid_rate": "0.3", "decode_base_ms": "0"]),
            load: ["concurrency: 8", "requests: 200"], workload: Self.workload(maxTokens: 16))
        let plan = try makePlan(yaml)
        try await withSimulators(plan) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 200)
            #expect(records.allSatisfy { $0.status == .ok && $0.toolCalls == 1 && $0.step == 0 && $0.taskMs == nil }, "\(dialect)")
            let rate = try #require(summary.toolCalls.validRate)
            #expect(abs((1 - rate) - 0.3) < 0.1, "\(dialect): invalid share \(1 - rate)")
            #expect(records.filter { $0.toolArgsValid == false }.count == summary.toolCalls.checked - summary.toolCalls.valid)
        }
    }

    @Test("tool_call_rate 0: no call, tool_calls 0, a single turn that ends the task")
    func noCall() async throws {
        let yaml = scenarioYAML(
            targets: Self.target("anthropic-messages", stream: true, options: ["tool_call_rate": "0"]), load: ["concurrency: 1", "requests: 3"],
            workload: Self.workload(extra: ["max_turns: 4"]))
        let plan = try makePlan(yaml)
        try await withSimulators(plan) { plan, _, transport in
            let (_, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 3)
            #expect(records.allSatisfy { $0.toolCalls == 0 && $0.toolArgsValid == nil && $0.step == 0 && $0.taskMs != nil })
        }
    }

    @Test("a failed turn ends its task: no later turn, no task_ms on it; finished tasks carry task_ms")
    func failureMidTask() async throws {
        let yaml = scenarioYAML(
            targets: Self.target("openai-chat", stream: true, options: ["error_rate": "0.4"]), load: ["concurrency: 2", "requests: 30"],
            workload: Self.workload(extra: ["max_turns: 3", "tool_results:", "  get_weather: sunny"]))
        let plan = try makePlan(yaml)
        try await withSimulators(plan) { plan, _, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            var failedSecondTurns = 0
            for task in 0..<30 {
                let turns = records.filter { $0.requestID == task }.sorted { $0.step < $1.step }
                #expect(turns.map(\.step) == Array(0..<turns.count))
                guard let last = turns.last else { continue }
                #expect(turns.dropLast().allSatisfy { $0.status == .ok && $0.taskMs == nil })
                if last.status == .ok {
                    #expect(last.taskMs != nil && turns.count == 2)
                } else {
                    #expect(last.taskMs == nil)
                    if last.step == 1 { failedSecondTurns += 1 }
                }
            }
            #expect(failedSecondTurns > 0, "some task should fail on its second turn at error_rate 0.4")
            #expect(summary.task.count == records.filter { $0.taskMs != nil }.count)
        }
    }

    @Test("a completion-style target offered tools is refused at load, one line naming the target and its dialect")
    func completionRefused() throws {
        let yaml = scenarioYAML(
            targets: Self.target("openai-completions", stream: true) + "\n" + Self.target("ollama-generate", stream: true).replacing("sim://agent", with: "sim://other").replacing("name: agent", with: "name: other"),
            load: ["concurrency: 1", "requests: 1"], workload: Self.workload())
        do {
            _ = try makePlan(yaml)
            Issue.record("expected the tools to be refused")
        } catch let error as ScenarioProblems {
            #expect(error.problems.map(\.message) == [
                "target 'agent' speaks openai-completions, which cannot offer tools; use a chat dialect for it",
                "target 'other' speaks ollama-generate, which cannot offer tools; use a chat dialect for it",
            ])
            #expect(error.problems.allSatisfy { $0.file == "test.yaml" && $0.line != nil })
        }
    }

    @Test("targets that take different numbers of turns were given the same work: one workload digest")
    func sameDigest() async throws {
        let targets = Self.target("openai-chat", stream: true) + "\n"
            + Self.target("gemini", stream: false, options: ["tool_call_rate": "0"]).replacing("sim://agent", with: "sim://other").replacing("name: agent", with: "name: other")
        let yaml = scenarioYAML(targets: targets, load: ["concurrency: 2", "requests: 6"], workload: Self.workload(extra: ["max_turns: 3"]))
        let plan = try makePlan(yaml)
        try await withSimulators(plan) { plan, _, transport in
            let (calling, callingRecords) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            let (answering, answeringRecords) = await runLevel(plan.targets[1], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(callingRecords.count == 12 && answeringRecords.count == 6)
            #expect(calling.items == 6 && answering.items == 6)
            #expect(calling.workloadDigest != nil && calling.workloadDigest == answering.workloadDigest)
        }
    }
}
