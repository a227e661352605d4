import NIOHTTP1

/// The simulator's routes: every path of every dialect, with its method and what it maps to.
enum RouteTable {
    /// What an entry's route may depend on besides the path matching.
    private struct Match: Sendable {
        /// The path's parameters, percent-decoded.
        var parameters: [String: String]
        /// The query parameters, percent-decoded.
        var query: [String: String]
        /// The request's headers.
        var headers: HTTPHeaders
    }

    private struct Entry: Sendable {
        var method: HTTPMethod
        var pattern: PathPattern
        var route: @Sendable (Match) -> Route
    }

    private static func entry(_ method: HTTPMethod, _ pattern: String, _ route: @escaping @Sendable (Match) -> Route)
        -> Entry
    {
        Entry(method: method, pattern: PathPattern(pattern), route: route)
    }

    private static func generate(
        _ dialect: APIDialect, _ kind: GenerationKind, stream: Bool? = nil, model: String? = nil
    ) -> Route {
        .generate(GenerationRoute(dialect: dialect, kind: kind, streamByPath: stream, model: model))
    }

    private static let entries: [Entry] = [
        // OpenAI-compatible (vLLM).
        entry(.POST, "/v1/chat/completions") { _ in generate(.openAI, .chat) },
        entry(.POST, "/v1/completions") { _ in generate(.openAI, .completion) },
        entry(.POST, "/v1/responses") { _ in generate(.responses, .chat) },
        // Anthropic lists its models at the same path; its clients send `anthropic-version`.
        entry(.GET, "/v1/models") { match in
            match.headers.contains(name: "anthropic-version") ? .models(.anthropic) : .models(.openAI)
        },
        entry(.GET, "/health") { _ in .health },
        // Embeddings and rerank: OpenAI-compatible, Ollama's, TEI's; vLLM and TEI both serve /rerank.
        entry(.POST, "/v1/embeddings") { _ in .retrieval(.openAIEmbeddings) },
        entry(.POST, "/api/embed") { _ in .retrieval(.ollamaEmbed) },
        entry(.POST, "/embed") { _ in .retrieval(.teiEmbed) },
        entry(.POST, "/rerank") { _ in .retrieval(.rerank) },
        entry(.POST, "/v1/rerank") { _ in .retrieval(.rerank) },
        entry(.GET, "/metrics") { _ in .metrics },
        // Azure OpenAI: the deployment is the model; every call needs api-version.
        entry(.POST, "/openai/deployments/{deployment}/chat/completions") { match in
            azure(match) { generate(.azure, .chat, model: match.parameters["deployment"]) }
        },
        entry(.POST, "/openai/deployments/{deployment}/completions") { match in
            azure(match) { generate(.azure, .completion, model: match.parameters["deployment"]) }
        },
        entry(.GET, "/openai/models") { match in azure(match) { .models(.azure) } },
        // Ollama.
        entry(.POST, "/api/chat") { _ in generate(.ollama, .chat) },
        entry(.POST, "/api/generate") { _ in generate(.ollama, .completion) },
        entry(.GET, "/api/tags") { _ in .models(.ollama) },
        entry(.GET, "/api/version") { _ in .ollamaVersion },
        entry(.GET, "/api/ps") { _ in .ollamaRunningModels },
        entry(.POST, "/api/show") { _ in .ollamaShow },
        // llama.cpp's server properties.
        entry(.GET, "/props") { _ in .llamaCppProps },
        // Anthropic.
        entry(.POST, "/v1/messages") { _ in generate(.anthropic, .chat) },
        // Gemini: streaming is chosen by the method name, and only the SSE form is served.
        entry(.POST, "/v1beta/models/{model}:generateContent") { match in
            generate(.gemini, .chat, stream: false, model: match.parameters["model"])
        },
        entry(.POST, "/v1beta/models/{model}:streamGenerateContent") { match in
            guard match.query["alt"] == "sse" else {
                return .refused(
                    .invalidRequest("this simulator streams Gemini responses only as server-sent events; add ?alt=sse"),
                    dialect: .gemini)
            }
            return generate(.gemini, .chat, stream: true, model: match.parameters["model"])
        },
        entry(.GET, "/v1beta/models") { _ in .models(.gemini) },
        // Bedrock runtime.
        entry(.POST, "/model/{modelId}/converse") { match in
            generate(.bedrock, .chat, stream: false, model: match.parameters["modelId"])
        },
        entry(.POST, "/model/{modelId}/converse-stream") { match in
            generate(.bedrock, .chat, stream: true, model: match.parameters["modelId"])
        },
    ]

    /// Azure answers a call without `api-version` 404, as for an unknown resource.
    private static func azure(_ match: Match, _ route: () -> Route) -> Route {
        guard let version = match.query["api-version"], !version.isEmpty else { return .notFound(.azure) }
        return route()
    }

    /// The route for `method`, `target` and `headers`: the matching entry, else 405 when the path
    /// exists for other methods, else 404 in the shape of the dialect the path's prefix belongs to.
    static func route(method: HTTPMethod, target: RequestTarget, headers: HTTPHeaders) -> Route {
        var allowed: [HTTPMethod] = []
        for entry in entries {
            guard let parameters = entry.pattern.match(target) else { continue }
            if entry.method == method {
                return entry.route(Match(parameters: parameters, query: target.query, headers: headers))
            }
            allowed.append(entry.method)
        }
        let dialect = dialect(ofPath: target.path)
        if let first = allowed.first {
            return .methodNotAllowed(allowed: first.rawValue, dialect: dialect)
        }
        return .notFound(dialect)
    }

    /// The dialect a path's prefix belongs to, for the shape of its errors.
    static func dialect(ofPath path: String) -> APIDialect {
        if path.hasPrefix("/api/") { return .ollama }
        if path.hasPrefix("/openai/") { return .azure }
        if path.hasPrefix("/v1/messages") { return .anthropic }
        if path.hasPrefix("/v1beta/") { return .gemini }
        if path.hasPrefix("/model/") { return .bedrock }
        return .openAI
    }
}
