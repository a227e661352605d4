import NIOHTTP1

/// What a request line asks for, decided from its path (query ignored) and method.
enum Route: Equatable {
    /// `POST /v1/chat/completions` or `POST /v1/completions`.
    case generate(GenerationEndpoint)
    /// `GET /v1/models`.
    case models
    /// `GET /health`.
    case health
    /// A known path with the wrong method; `allowed` goes in the `Allow` header.
    case methodNotAllowed(allowed: String)
    /// No such path.
    case notFound

    /// The route for `method` and `uri`.
    init(method: HTTPMethod, uri: String) {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch path {
        case "/v1/chat/completions":
            self = method == .POST ? .generate(.chatCompletions) : .methodNotAllowed(allowed: "POST")
        case "/v1/completions":
            self = method == .POST ? .generate(.completions) : .methodNotAllowed(allowed: "POST")
        case "/v1/models":
            self = method == .GET ? .models : .methodNotAllowed(allowed: "GET")
        case "/health":
            self = method == .GET ? .health : .methodNotAllowed(allowed: "GET")
        default:
            self = .notFound
        }
    }
}
