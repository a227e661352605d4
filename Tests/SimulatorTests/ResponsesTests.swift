import Foundation
import NIOCore
import Testing

@testable import Simulator

@Suite("the Responses API over loopback")
struct ResponsesTests {
    private static func body(maxTokens: Int = 5, stream: Bool = true, extra: String = "") -> String {
        #"{"model":"gpt-x","instructions":"be brief","input":[{"role":"user","content":"one two three"}],"#
            + #""max_output_tokens":\#(maxTokens),"stream":\#(stream)\#(extra)}"#
    }

    private static func post(_ port: Int, _ body: String) async throws -> TestHTTPResponse {
        try await TestHTTPClient.send(port: port, .init(path: "/v1/responses", body: body))
    }

    @Test("a stream: created, in_progress, the message item's events, one output_text.delta per token, then response.incomplete at the limit")
    func streamOrder() async throws {
        try await withServer({ $0.eosProbability = 0 }) { server in
            let response = try await Self.post(server.port, Self.body())
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/event-stream")
            let events = response.serverSentEvents
            #expect(events.map(\.name) == [
                "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.incomplete",
            ])
            let objects = events.compactMap { jsonObject($0.data) }
            #expect(objects.count == events.count)
            #expect(zip(objects, events).allSatisfy { $0["type"] as? String == $1.name })
            #expect(objects.map { $0["sequence_number"] as? Int } == Array(0..<events.count))
            let deltas = objects.filter { $0["type"] as? String == "response.output_text.delta" }.compactMap { $0["delta"] as? String }
            let done = try #require(objects.first { $0["type"] as? String == "response.output_text.done" })
            #expect(done["text"] as? String == deltas.joined())
            let last = try #require(objects.last?["response"] as? [String: Any])
            #expect(last["status"] as? String == "incomplete")
            #expect((last["incomplete_details"] as? [String: Any])?["reason"] as? String == "max_output_tokens")
            let usage = try #require(last["usage"] as? [String: Any])
            #expect(usage["input_tokens"] as? Int == 5)
            #expect(usage["output_tokens"] as? Int == 5)
            #expect((usage["output_tokens_details"] as? [String: Any])?["reasoning_tokens"] as? Int == 0)
            #expect((last["id"] as? String)?.hasPrefix("resp_") == true)
        }
    }

    @Test("an end of sequence completes; without stream the answer is one response object")
    func wholeResponse() async throws {
        try await withServer({ $0.eosProbability = 1 }) { server in
            let streamed = try await Self.post(server.port, Self.body(maxTokens: 50))
            #expect(streamed.serverSentEvents.last?.name == "response.completed")
            let response = try await Self.post(server.port, Self.body(maxTokens: 50, stream: false))
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(json["object"] as? String == "response")
            #expect(json["status"] as? String == "completed")
            let item = try #require((json["output"] as? [[String: Any]])?.first)
            #expect(item["type"] as? String == "message")
            let part = (item["content"] as? [[String: Any]])?.first
            #expect(part?["type"] as? String == "output_text")
            #expect((part?["text"] as? String)?.split(separator: " ").count == 1)
            #expect((json["usage"] as? [String: Any])?["output_tokens"] as? Int == 1)
        }
    }

    @Test("a missing input or a bad max_output_tokens is refused 400 in OpenAI's error shape; a mid-stream failure is response.failed")
    func errors() async throws {
        try await withServer({ $0.faults.streamErrorRate = 1; $0.faults.streamErrorAfterTokens = 1 }) { server in
            let missing = try await Self.post(server.port, #"{"model":"m"}"#)
            #expect(missing.status == 400)
            #expect(missing.errorObject?["param"] as? String == "input")
            let zero = try await Self.post(server.port, Self.body(maxTokens: 0))
            #expect(zero.status == 400)
            #expect(zero.errorObject?["param"] as? String == "max_output_tokens")
            let failed = try await Self.post(server.port, Self.body())
            let last = try #require(failed.serverSentEvents.last)
            #expect(last.name == "response.failed")
            let response = jsonObject(last.data)?["response"] as? [String: Any]
            #expect(response?["status"] as? String == "failed")
            #expect(((response?["error"] as? [String: Any])?["message"] as? String)?.isEmpty == false)
        }
    }

    @Test("a request answered with a tool call: a function_call item whose argument deltas join to the call's arguments")
    func functionCall() async throws {
        try await withServer { server in
            let tools = #","tools":[{"type":"function","name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],"tool_choice":"required""#
            let response = try await Self.post(server.port, Self.body(maxTokens: 50, extra: tools))
            let events = response.serverSentEvents
            let objects = events.compactMap { jsonObject($0.data) }
            #expect(events.first { $0.name == "response.output_item.added" }.flatMap { jsonObject($0.data)?["item"] as? [String: Any] }?["type"] as? String == "function_call")
            #expect(!events.contains { $0.name == "response.output_text.delta" })
            let deltas = objects.filter { $0["type"] as? String == "response.function_call_arguments.delta" }.compactMap { $0["delta"] as? String }
            #expect(deltas.count > 1)
            #expect(deltas.joined() == #"{"city":""}"#)
            let done = objects.first { $0["type"] as? String == "response.function_call_arguments.done" }
            #expect(done?["arguments"] as? String == deltas.joined())
            let output = ((objects.last?["response"] as? [String: Any])?["output"] as? [[String: Any]])?.first
            #expect(output?["name"] as? String == "get_weather")
            #expect((output?["call_id"] as? String)?.hasPrefix("call_") == true)
            #expect(events.last?.name == "response.completed")
            let answered = try await Self.post(
                server.port,
                #"{"model":"m","input":[{"role":"user","content":"x"},{"type":"function_call_output","call_id":"call_1","output":"sunny"}],"max_output_tokens":3,"stream":true"# + tools + "}")
            #expect(answered.serverSentEvents.contains { $0.name == "response.output_text.delta" }, "a tool result is answered with text")
        }
    }

    @Test("reasoning tokens go out as a reasoning item's summary deltas before the message item, and count in the usage")
    func reasoningItem() throws {
        let request = InferenceRequest(kind: .chat, model: "m", promptTokens: 3, maxTokens: 4, stream: true)
        let encoder = ResponsesEncoder(request: request, context: EncoderContext(defaultModel: "m", receivedAt: 1, idSeed: 7))
        let tokens = [
            SampledToken(text: "Let", isReasoning: true), SampledToken(text: " me", isReasoning: true),
            SampledToken(text: "Hi"), SampledToken(text: " there", finishReason: .stop),
        ]
        var events = encoder.openingEvents()
        for (index, token) in tokens.enumerated() {
            events += encoder.eventsBefore(token, index: index)
            events.append(encoder.tokenEvent(token, index: index))
        }
        let now = NIODeadline.now()
        events += encoder.closingEvents(GenerationOutcome(
            finishReason: .stop, promptTokens: 3, completionTokens: 4,
            timeline: GenerationTimeline(startedAt: now, admittedAt: now, firstTokenAt: now, lastTokenAt: now)))
        #expect(events.map(\.name) == [
            "response.created", "response.in_progress",
            "response.output_item.added", "response.reasoning_summary_part.added",
            "response.reasoning_summary_text.delta", "response.reasoning_summary_text.delta",
            "response.reasoning_summary_text.done", "response.reasoning_summary_part.done", "response.output_item.done",
            "response.output_item.added", "response.content_part.added",
            "response.output_text.delta", "response.output_text.delta",
            "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed",
        ])
        let objects = events.compactMap { jsonObject($0.payload) }
        #expect(objects.count == events.count)
        #expect(objects[6]["text"] as? String == "Let me")
        #expect(objects[9]["output_index"] as? Int == 1)
        #expect(objects[13]["text"] as? String == "Hi there")
        let response = try #require(objects.last?["response"] as? [String: Any])
        let output = try #require(response["output"] as? [[String: Any]])
        #expect(output.map { $0["type"] as? String } == ["reasoning", "message"])
        let usage = response["usage"] as? [String: Any]
        #expect((usage?["output_tokens_details"] as? [String: Any])?["reasoning_tokens"] as? Int == 2)
    }
}
