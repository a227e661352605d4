import Foundation
import Testing

@testable import Simulator

@Suite("The simulator's reasoning phase")
struct ReasoningPhaseTests {
    private func draw(_ sampler: OutputSampler) -> [SampledToken] {
        var sampler = sampler
        var tokens: [SampledToken] = []
        while !sampler.isFinished { tokens.append(sampler.nextToken()) }
        return tokens
    }

    @Test("the first reasoning tokens are marked, never end early, and count against max_tokens")
    func sampler() {
        let tokens = draw(OutputSampler(maxTokens: 10, minTokens: 0, ignoreEOS: false, eosProbability: 1, seed: 3, reasoningTokens: 4))
        #expect(tokens.prefix(4).allSatisfy { $0.isReasoning && $0.finishReason == nil })
        // An end-of-sequence is certain once the answer starts: one answer token.
        #expect(tokens.count == 5)
        #expect(!tokens[4].isReasoning && tokens[4].finishReason == .stop)
        let cut = draw(OutputSampler(maxTokens: 3, minTokens: 0, ignoreEOS: true, eosProbability: 0, seed: 3, reasoningTokens: 4))
        #expect(cut.count == 3 && cut.allSatisfy(\.isReasoning) && cut.last?.finishReason == .length)
        let scripted = draw(OutputSampler(maxTokens: 10, minTokens: 0, ignoreEOS: false, eosProbability: 0, seed: 3, script: [" Paris"], reasoningTokens: 2))
        #expect(scripted.map(\.isReasoning) == [true, true, false])
        #expect(scripted.last?.text == " Paris" && scripted.last?.finishReason == .stop)
    }

    @Test("options: reasoning_tokens and reasoning_tpot_ms are set by name and checked")
    func options() throws {
        var profile = EngineProfile()
        try profile.set("reasoning_tokens", to: "40")
        try profile.set("reasoning_tpot_ms", to: "2.5")
        #expect(profile.reasoning == EngineProfile.ReasoningOptions(tokens: 40, interTokenMs: 2.5))
        #expect(throws: EngineProfile.OptionError.self) { try profile.set("reasoning_tokens", to: "-1") }
        #expect(throws: EngineProfile.OptionError.self) { try profile.set("reasoning_tpot_ms", to: "fast") }
    }

    @Test(
        "each dialect's reasoning parameters are read from the body and scale the phase",
        arguments: [
            (#"{"model":"m"}"#, 40),
            (#"{"reasoning_effort":"low"}"#, 20),
            (#"{"reasoning_effort":"high"}"#, 80),
            (#"{"think":false}"#, 0),
            (#"{"think":true}"#, 40),
            (#"{"think":"high"}"#, 80),
            (#"{"thinking":{"type":"enabled","budget_tokens":16}}"#, 16),
            (#"{"thinking":{"type":"disabled"}}"#, 0),
            (#"{"generationConfig":{"thinkingConfig":{"thinkingBudget":0}}}"#, 0),
            (#"{"generationConfig":{"thinkingConfig":{"thinkingBudget":1024}}}"#, 40),
            (#"{"generationConfig":{"thinkingConfig":{"thinkingBudget":-1}}}"#, 40),
            (#"{"additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":8}}}"#, 8),
            (#"{"reasoning_effort":5,"think":[1]}"#, 40),
            ("not json", 40),
        ]
    )
    func requested(body: String, tokens: Int) {
        let options = EngineProfile.ReasoningOptions(tokens: 40)
        #expect(options.tokens(for: RequestedReasoning(body: Array(body.utf8))) == tokens)
    }

    @Test("Anthropic: a thinking block at index 0 (thinking deltas, signature, stop), then the text block at index 1")
    func anthropicStream() async throws {
        try await withServer({ $0.eosProbability = 0; $0.reasoning.tokens = 2 }) { server in
            let body = #"{"model":"claude-x","max_tokens":4,"stream":true,"messages":[{"role":"user","content":"hi"}]}"#
            let response = try await TestHTTPClient.send(
                port: server.port, .init(path: "/v1/messages", body: body, headers: ["anthropic-version: 2023-06-01"]))
            let events = response.serverSentEvents
            let shapes = events.map { event -> String in
                let json = jsonObject(event.data)
                let kind = ((json?["delta"] as? [String: Any])?["type"] ?? (json?["content_block"] as? [String: Any])?["type"]) as? String
                return [event.name, (json?["index"] as? Int).map(String.init), kind].compactMap { $0 }.joined(separator: " ")
            }
            #expect(shapes == [
                "message_start", "content_block_start 0 thinking", "ping",
                "content_block_delta 0 thinking_delta", "content_block_delta 0 thinking_delta",
                "content_block_delta 0 signature_delta", "content_block_stop 0", "content_block_start 1 text",
                "content_block_delta 1 text_delta", "content_block_delta 1 text_delta",
                "content_block_stop 1", "message_delta", "message_stop",
            ])
        }
    }

    @Test("OpenAI: reasoning_content deltas, then content; usage counts the reasoning tokens")
    func openAIStream() async throws {
        try await withServer({ $0.eosProbability = 0; $0.reasoning.tokens = 3 }) { server in
            let body = #"{"model":"m","max_tokens":5,"stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}"#
            let response = try await TestHTTPClient.send(port: server.port, .init(path: "/v1/chat/completions", body: body))
            let deltas = response.events.compactMap { firstChoice($0.json)?["delta"] as? [String: Any] }
            #expect(deltas.filter { $0["reasoning_content"] != nil }.count == 3)
            #expect(deltas.filter { !(($0["content"] as? String) ?? "").isEmpty }.count == 2)
            let usage = response.events.compactMap { $0.json?["usage"] as? [String: Any] }.last
            #expect(usage?["completion_tokens"] as? Int == 5)
            #expect((usage?["completion_tokens_details"] as? [String: Any])?["reasoning_tokens"] as? Int == 3)
        }
    }

    @Test("Gemini, not streamed: a thought part before the answer part; thoughtsTokenCount apart from candidatesTokenCount")
    func geminiBody() async throws {
        try await withServer({ $0.eosProbability = 0; $0.reasoning.tokens = 3 }) { server in
            let body = #"{"contents":[{"role":"user","parts":[{"text":"hi"}]}],"generationConfig":{"maxOutputTokens":5}}"#
            let response = try await TestHTTPClient.send(port: server.port, .init(path: "/v1beta/models/m:generateContent", body: body))
            let json = try #require(response.json)
            let candidate = (json["candidates"] as? [[String: Any]])?.first
            let parts = (candidate?["content"] as? [String: Any])?["parts"] as? [[String: Any]]
            #expect(parts?.map { $0["thought"] as? Bool ?? false } == [true, false])
            #expect((parts?.first?["text"] as? String)?.split(separator: " ").count == 3)
            let usage = json["usageMetadata"] as? [String: Any]
            #expect(usage?["thoughtsTokenCount"] as? Int == 3)
            #expect(usage?["candidatesTokenCount"] as? Int == 2)
        }
    }

    @Test("the reasoning phase keeps its own pace: the engine's decode time is the reasoning gaps plus the answer's")
    func pace() async throws {
        try await withServer({ $0.eosProbability = 0; $0.decodeBaseMs = 1; $0.reasoning = .init(tokens: 4, interTokenMs: 25) }) { server in
            // Ollama reports the engine's own timeline (due times, free of write jitter):
            // eval_duration runs from the first token to the last, 4 reasoning gaps then 3 answer gaps.
            let body = #"{"model":"m","stream":false,"options":{"num_predict":8},"messages":[{"role":"user","content":"hi"}]}"#
            let response = try await TestHTTPClient.send(port: server.port, .init(path: "/api/chat", body: body))
            let json = try #require(response.json)
            let message = json["message"] as? [String: Any]
            #expect((message?["thinking"] as? String)?.split(separator: " ").count == 4)
            #expect((message?["content"] as? String)?.split(separator: " ").count == 4)
            let evalMs = Double(json["eval_duration"] as? Int ?? 0) / 1e6
            #expect(abs(evalMs - (4 * 25 + 3 * 1)) < 0.5, "eval_duration \(evalMs) ms")
        }
    }
}
