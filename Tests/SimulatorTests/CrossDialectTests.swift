import Foundation
import Simulator
import Testing

@Suite("one engine behind every dialect")
struct CrossDialectTests {
    @Test("requests in different dialects share the engine's slots: with one slot, the second waits")
    func sharedSlots() async throws {
        try await withServer({ $0.maxNumSeqs = 1; $0.eosProbability = 0; $0.decodeBaseMs = 10 }) { server in
            let ollama = Task {
                try await TestHTTPClient.post(
                    port: server.port, "/api/generate", #"{"model":"m","prompt":"a","options":{"num_predict":30}}"#)
            }
            while server.statistics.running == 0 { try await Task.sleep(for: .milliseconds(2)) }
            let openAI = try await TestHTTPClient.post(
                port: server.port, "/v1/completions", #"{"prompt":"a","max_tokens":2,"stream":true}"#)
            #expect(openAI.tokenEvents.count == 2)
            #expect(try await ollama.value.jsonLines.count == 31)
            #expect(server.statistics.peakWaiting == 1)
            #expect(server.statistics.requestsServed == 2)
        }
    }

    @Test("the same seed draws the same words whichever dialect asks")
    func sameSeedSameText() async throws {
        try await withServer({ $0.eosProbability = 0 }) { server in
            let openAI = try await TestHTTPClient.post(
                port: server.port, "/v1/chat/completions",
                #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":8,"seed":99}"#)
            let ollama = try await TestHTTPClient.post(
                port: server.port, "/api/chat",
                #"{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":false,"options":{"num_predict":8,"seed":99}}"#)
            let gemini = try await TestHTTPClient.post(
                port: server.port, "/v1beta/models/g:generateContent",
                #"{"contents":[{"parts":[{"text":"hi"}]}],"generationConfig":{"maxOutputTokens":8,"seed":99}}"#)
            let texts = [
                (firstChoice(openAI.json)?["message"] as? [String: Any])?["content"] as? String,
                (ollama.json?["message"] as? [String: Any])?["content"] as? String,
                (((gemini.json?["candidates"] as? [[String: Any]])?.first?["content"] as? [String: Any])?["parts"]
                    as? [[String: Any]])?.first?["text"] as? String,
            ]
            #expect(texts[0]?.split(separator: " ").count == 8)
            #expect(Set(texts).count == 1, "\(texts)")
        }
    }
}
