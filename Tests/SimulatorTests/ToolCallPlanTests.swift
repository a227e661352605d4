import Foundation
import Testing
import Workload

@testable import Simulator

@Suite("ToolCallPlan: which function, its arguments, valid or not")
struct ToolCallPlanTests {
    private static let weather = OfferedTool(
        name: "get_weather",
        schema: [
            "type": "object", "required": ["city", "unit"],
            "properties": ["city": ["type": "string"], "unit": ["type": "string", "enum": ["celsius", "fahrenheit"]]],
        ] as [String: Any])
    private static let time = OfferedTool(name: "get_time", schema: ["type": "object"] as [String: Any])

    private func request(tools: [OfferedTool] = [weather, time], choice: ToolChoice? = nil, answersResult: Bool = false) -> InferenceRequest {
        var request = InferenceRequest(kind: .chat, model: nil, promptTokens: 3, maxTokens: 64, stream: true)
        request.tools = tools
        request.toolChoice = choice
        request.answersToolResult = answersResult
        return request
    }

    @Test("a valid call's arguments are a JSON instance of the schema, streamed in pieces that join back")
    func validArguments() throws {
        let plan = try #require(ToolCallPlan.decide(for: request(choice: .function("get_weather")), options: .init(), seed: 7))
        #expect(plan.name == "get_weather")
        #expect(plan.isValid)
        #expect(plan.argumentsJSON == #"{"city":"","unit":"celsius"}"#)
        #expect(plan.argumentPieces.joined() == plan.argumentsJSON)
        #expect(plan.argumentPieces.count == 7)
        #expect(plan.id(prefix: "call_").count == 29)
    }

    @Test("no call without tools, after a tool result, or with tool_choice none")
    func noCall() {
        #expect(ToolCallPlan.decide(for: request(tools: []), options: .init(), seed: 1) == nil)
        #expect(ToolCallPlan.decide(for: request(answersResult: true), options: .init(), seed: 1) == nil)
        #expect(ToolCallPlan.decide(for: request(choice: ToolChoice.none), options: .init(), seed: 1) == nil)
    }

    @Test("call and invalid-argument shares follow tool_call_rate and tool_args_invalid_rate")
    func rates() throws {
        var options = EngineProfile.ToolCallOptions()
        options.callRate = 0.5
        options.invalidArgumentsRate = 0.25
        var calls = 0
        var invalid = 0
        for seed in 0..<4000 as Range<UInt64> {
            guard let plan = ToolCallPlan.decide(for: request(), options: options, seed: seed) else { continue }
            calls += 1
            let parsed = try? JSONSerialization.jsonObject(with: Data(plan.argumentsJSON.utf8))
            #expect((parsed != nil) == plan.isValid)
            if !plan.isValid { invalid += 1 }
        }
        #expect(abs(Double(calls) / 4000 - 0.5) < 0.03)
        #expect(abs(Double(invalid) / Double(calls) - 0.25) < 0.03)
        // tool_choice required calls whatever the rate.
        options.callRate = 0
        #expect(ToolCallPlan.decide(for: request(choice: .required), options: options, seed: 3) != nil)
        #expect(ToolCallPlan.decide(for: request(choice: .auto), options: options, seed: 3) == nil)
    }

    @Test("the options are set by name and checked as probabilities")
    func options() throws {
        var profile = EngineProfile()
        try profile.set("tool_call_rate", to: "0.3")
        try profile.set("tool_args_invalid_rate", to: "0.1")
        #expect(profile.toolCalls.callRate == 0.3)
        #expect(profile.toolCalls.invalidArgumentsRate == 0.1)
        #expect(throws: EngineProfile.OptionError.self) { try profile.set("tool_call_rate", to: "2") }
    }
}
