import NIOHTTP1
import Testing

@testable import Simulator

@Suite("routing every dialect's paths")
struct RouteTableTests {
    private func route(_ method: HTTPMethod, _ uri: String, headers: [(String, String)] = []) -> Route {
        Route(head: HTTPRequestHead(version: .http1_1, method: method, uri: uri, headers: HTTPHeaders(headers)))
    }

    @Test("each generation path maps to its dialect, input shape and path-decided stream and model")
    func generation() {
        #expect(route(.POST, "/v1/chat/completions") == .generate(.init(dialect: .openAI, kind: .chat)))
        #expect(route(.POST, "/v1/completions?x=1") == .generate(.init(dialect: .openAI, kind: .completion)))
        #expect(route(.POST, "/api/chat") == .generate(.init(dialect: .ollama, kind: .chat)))
        #expect(route(.POST, "/api/generate") == .generate(.init(dialect: .ollama, kind: .completion)))
        #expect(route(.POST, "/v1/messages") == .generate(.init(dialect: .anthropic, kind: .chat)))
        #expect(
            route(.POST, "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse")
                == .generate(.init(dialect: .gemini, kind: .chat, streamByPath: true, model: "gemini-2.0-flash")))
        #expect(
            route(.POST, "/v1beta/models/g:generateContent")
                == .generate(.init(dialect: .gemini, kind: .chat, streamByPath: false, model: "g")))
        #expect(
            route(.POST, "/openai/deployments/my%20dep/completions?api-version=2024-10-21")
                == .generate(.init(dialect: .azure, kind: .completion, model: "my dep")))
        #expect(
            route(.POST, "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream")
                == .generate(
                    .init(dialect: .bedrock, kind: .chat, streamByPath: true, model: "anthropic.claude-3-haiku-20240307-v1:0")))
        #expect(
            route(.POST, "/model/m/converse") == .generate(.init(dialect: .bedrock, kind: .chat, streamByPath: false, model: "m")))
    }

    @Test("information routes, and /v1/models answering Anthropic's clients in their shape")
    func information() {
        #expect(route(.GET, "/metrics") == .metrics)
        #expect(route(.GET, "/health") == .health)
        #expect(route(.GET, "/api/ps") == .ollamaRunningModels)
        #expect(route(.POST, "/api/show") == .ollamaShow)
        #expect(route(.GET, "/props") == .llamaCppProps)
        #expect(route(.GET, "/api/version") == .ollamaVersion)
        #expect(route(.GET, "/api/tags") == .models(.ollama))
        #expect(route(.GET, "/v1beta/models") == .models(.gemini))
        #expect(route(.GET, "/v1/models") == .models(.openAI))
        #expect(route(.GET, "/v1/models", headers: [("anthropic-version", "2023-06-01")]) == .models(.anthropic))
        #expect(route(.GET, "/openai/models?api-version=2024-10-21") == .models(.azure))
    }

    @Test("refusals: Azure without api-version is its 404, Gemini streaming without alt=sse a 400")
    func refusals() {
        #expect(route(.POST, "/openai/deployments/d/chat/completions") == .notFound(.azure))
        #expect(route(.POST, "/openai/deployments/d/chat/completions?api-version=") == .notFound(.azure))
        guard case .refused(let error, let dialect) = route(.POST, "/v1beta/models/g:streamGenerateContent") else {
            Issue.record("expected a refusal")
            return
        }
        #expect(dialect == .gemini)
        #expect(error.kind == .invalidRequest)
    }

    @Test("wrong methods are 405 and unknown paths 404, shaped like the dialect of their prefix")
    func misses() {
        #expect(route(.GET, "/api/chat") == .methodNotAllowed(allowed: "POST", dialect: .ollama))
        #expect(route(.POST, "/metrics") == .methodNotAllowed(allowed: "GET", dialect: .openAI))
        #expect(route(.GET, "/api/pull") == .notFound(.ollama))
        #expect(route(.GET, "/v1beta/files") == .notFound(.gemini))
        #expect(route(.POST, "/model/m/invoke") == .notFound(.bedrock))
        #expect(route(.POST, "/v1/messages/batches") == .notFound(.anthropic))
        #expect(route(.GET, "/v1/nope") == .notFound(.openAI))
        #expect(route(.POST, "/v1beta/models/:generateContent") == .notFound(.gemini))
    }
}
