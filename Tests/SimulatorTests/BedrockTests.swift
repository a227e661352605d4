import EventStream
import Foundation
import Simulator
import Testing

@Suite("Bedrock's Converse API over loopback")
struct BedrockTests {
    private static let body =
        #"{"system":[{"text":"be brief"}],"messages":[{"role":"user","content":[{"text":"one two three"}]}],"#
        + #""inferenceConfig":{"maxTokens":4,"temperature":0.5}}"#

    private static func post(
        _ port: Int, _ path: String, _ body: String = body, headers: [String] = signedHeaders
    ) async throws -> TestHTTPResponse {
        try await TestHTTPClient.send(port: port, .init(path: path, body: body, headers: headers))
    }

    @Test("converse-stream answers event-stream frames: messageStart, deltas, contentBlockStop, messageStop, metadata")
    func stream() async throws {
        try await withServer({ $0.eosProbability = 0; $0.decodeBaseMs = 5 }) { server in
            let response = try await Self.post(server.port, "/model/anthropic.claude-v2%3A1/converse-stream")
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/vnd.amazon.eventstream")
            let messages = try response.eventStreamMessages()
            #expect(messages.map(\.typeName) == [
                "messageStart", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta", "contentBlockDelta",
                "contentBlockStop", "messageStop", "metadata",
            ])
            #expect(messages.allSatisfy { $0.messageType == "event" })
            #expect(messages.allSatisfy { stringValue($0.header(":content-type")) == "application/json" })
            #expect(messages[0].json?["role"] as? String == "assistant")
            let delta = messages[1].json
            #expect(delta?["contentBlockIndex"] as? Int == 0)
            #expect(((delta?["delta"] as? [String: Any])?["text"] as? String)?.hasPrefix(" ") == true)
            #expect(messages[6].json?["stopReason"] as? String == "max_tokens")
            let metadata = try #require(messages[7].json)
            let usage = metadata["usage"] as? [String: Any]
            #expect(usage?["inputTokens"] as? Int == 5)
            #expect(usage?["outputTokens"] as? Int == 4)
            #expect(usage?["totalTokens"] as? Int == 9)
            let latency = (metadata["metrics"] as? [String: Any])?["latencyMs"] as? Int ?? -1
            #expect(latency >= 15, "three decode steps of 5 ms")
        }
    }

    @Test("converse answers one JSON body with output, stopReason, usage and metrics")
    func converse() async throws {
        try await withServer({ $0.eosProbability = 1 }) { server in
            let response = try await Self.post(server.port, "/model/m/converse")
            #expect(response.status == 200)
            let json = try #require(response.json)
            let message = (json["output"] as? [String: Any])?["message"] as? [String: Any]
            #expect(message?["role"] as? String == "assistant")
            #expect(((message?["content"] as? [[String: Any]])?.first?["text"] as? String)?.isEmpty == false)
            #expect(json["stopReason"] as? String == "end_turn")
            #expect((json["usage"] as? [String: Any])?["outputTokens"] as? Int == 1)
            #expect((json["metrics"] as? [String: Any])?["latencyMs"] is Int)
        }
    }

    @Test("an unsigned request is refused 403 as AWS does, before its body is looked at")
    func unsigned() async throws {
        try await withServer { server in
            let none = try await Self.post(server.port, "/model/m/converse-stream", headers: [])
            #expect(none.status == 403)
            #expect(none.header("x-amzn-errortype") == "MissingAuthenticationTokenException")
            #expect(none.json?["message"] as? String == "Missing Authentication Token")
            let bearer = try await Self.post(
                server.port, "/model/m/converse", "{}", headers: ["Authorization: Bearer abc", "X-Amz-Date: 20261123T101500Z"])
            #expect(bearer.status == 403)
            #expect(bearer.header("x-amzn-errortype") == "IncompleteSignatureException")
            let undated = try await Self.post(server.port, "/model/m/converse", headers: [signedHeaders[1]])
            #expect(undated.status == 403)
        }
    }

    @Test("errors are {\"message\":…} with x-amzn-ErrorType: validation 400, throttling 429, unavailable 503, internal 500")
    func errors() async throws {
        try await withServer { server in
            let response = try await Self.post(server.port, "/model/m/converse", #"{"inferenceConfig":{"maxTokens":3}}"#)
            #expect(response.status == 400)
            #expect(response.header("x-amzn-errortype") == "ValidationException")
            #expect((response.json?["message"] as? String)?.contains("messages") == true)
        }
        let cases: [((inout EngineProfile) -> Void, Int, String)] = [
            ({ $0.faults.rateLimitRate = 1 }, 429, "ThrottlingException"),
            ({ $0.faults.unavailableRate = 1 }, 503, "ServiceUnavailableException"),
            ({ $0.errorRate = 1 }, 500, "InternalServerException"),
        ]
        for (configure, status, name) in cases {
            try await withServer(configure) { server in
                let response = try await Self.post(server.port, "/model/m/converse-stream")
                #expect(response.status == status)
                #expect(response.header("x-amzn-errortype") == name)
                #expect(response.json?["message"] is String)
            }
        }
    }

    @Test("stream faults as frames: an exception message after N deltas; a delta frame whose JSON is cut")
    func streamFaults() async throws {
        try await withServer({ $0.eosProbability = 0; $0.faults.streamErrorRate = 1; $0.faults.streamErrorAfterTokens = 2 }) {
            server in
            let messages = try await Self.post(server.port, "/model/m/converse-stream").eventStreamMessages()
            #expect(messages.map(\.typeName) == ["messageStart", "contentBlockDelta", "contentBlockDelta", "modelStreamErrorException"])
            #expect(messages.last?.messageType == "exception")
            #expect(messages.last?.json?["message"] is String)
        }
        try await withServer({ $0.eosProbability = 0; $0.faults.malformedRate = 1 }) { server in
            let messages = try await Self.post(server.port, "/model/m/converse-stream").eventStreamMessages()
            #expect(messages.count == 8)
            #expect(messages[2].typeName == "contentBlockDelta")
            #expect(messages[2].json == nil)  // framed and checksummed, but the JSON stops short
            #expect(String(decoding: messages[2].payload, as: UTF8.self).hasSuffix(#""delta":{"text":"#))
        }
    }
}
