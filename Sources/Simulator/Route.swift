import NIOHTTP1

/// What a request line asks for, decided by ``RouteTable`` from its path, query and method.
enum Route: Equatable {
    /// A generation request in one of the dialects.
    case generate(GenerationRoute)
    /// An embedding or rerank request.
    case retrieval(RetrievalAPI)
    /// A dialect's model listing (`GET /v1/models`, `/api/tags`, `/v1beta/models`, …).
    case models(APIDialect)
    /// `GET /health`.
    case health
    /// `GET /metrics`: the engine's state in Prometheus's text format, with vLLM's names.
    case metrics
    /// Ollama's `GET /api/version`.
    case ollamaVersion
    /// Ollama's `GET /api/ps`: the models loaded now.
    case ollamaRunningModels
    /// Ollama's `POST /api/show`: one model's details (family, parameter size, quantisation).
    case ollamaShow
    /// llama.cpp's `GET /props`: the server's properties, with the model file it serves.
    case llamaCppProps
    /// A known path with the wrong method; `allowed` goes in the `Allow` header.
    case methodNotAllowed(allowed: String, dialect: APIDialect)
    /// A known path the request cannot use as sent (Azure without `api-version`, Gemini streaming
    /// without `alt=sse`): answered with `error` in the dialect's shape.
    case refused(APIError, dialect: APIDialect)
    /// No such path; the error is shaped like the dialect its prefix belongs to.
    case notFound(APIDialect)

    /// The dialect whose shape errors on this route take.
    var dialect: APIDialect {
        switch self {
        case .generate(let route): route.dialect
        case .retrieval(let api): api.errorDialect
        case .models(let dialect), .methodNotAllowed(_, let dialect), .refused(_, let dialect),
            .notFound(let dialect):
            dialect
        case .ollamaVersion, .ollamaRunningModels, .ollamaShow: .ollama
        case .health, .metrics, .llamaCppProps: .openAI
        }
    }

    /// The route of the request with `head`.
    init(head: HTTPRequestHead) {
        self = RouteTable.route(method: head.method, target: RequestTarget(uri: head.uri), headers: head.headers)
    }
}

/// A generation request's route: dialect, input shape, and what the path says.
struct GenerationRoute: Sendable, Equatable {
    /// The dialect of the request and response.
    var dialect: APIDialect
    /// Conversation or bare prompt.
    var kind: GenerationKind
    /// Streaming as the path decides it (Gemini's and Bedrock's stream variants); nil when the
    /// body decides.
    var streamByPath: Bool?
    /// The model (Azure: the deployment) named in the path, percent-decoded.
    var model: String?
}
