import NIOHTTP1

/// One API dialect as the simulator serves it: how its requests are parsed, its responses and
/// errors rendered, and its models listed. Each dialect is a caseless enum conforming to this;
/// ``APIDialect`` maps the routed dialect to it.
protocol WireDialect {
    /// Decodes and validates a generation request for `route`.
    ///
    /// - Throws: ``APIError`` (400) for a body the API would refuse.
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    /// The encoder of one accepted request's response.
    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding
    /// `error` as this API answers it.
    static func errorResponse(_ error: APIError) -> ErrorResponse
    /// The model-listing body, or nil when the API has no listing here.
    static func modelList(profile: EngineProfile, now: Double) -> String?
    /// The refusal a request gets before anything else when it lacks what the API demands of
    /// every request (AWS's signature); nil when it may proceed.
    static func authorizationFailure(_ headers: HTTPHeaders) -> APIError?
    /// Reads the request's offered tools, its tool choice and whether its last message carries
    /// tool results, from the body parsed as a JSON object.
    ///
    /// - Throws: ``APIError`` (400) for a tool without a name.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError)
    /// Whether the API streams a call's arguments in pieces (OpenAI, Anthropic, Bedrock); an API
    /// that sends each call whole (Gemini, Ollama) gets the arguments as one token.
    static var streamsToolArguments: Bool { get }
    /// Whether responses of `kind` can carry reasoning apart from the answer (OpenAI's legacy
    /// completions cannot); the simulator's reasoning phase applies only where they can.
    static func carriesReasoning(_ kind: GenerationKind) -> Bool
}

extension WireDialect {
    /// No model listing.
    static func modelList(profile: EngineProfile, now: Double) -> String? { nil }
    /// Every request may proceed.
    static func authorizationFailure(_ headers: HTTPHeaders) -> APIError? { nil }
    /// Arguments in pieces.
    static var streamsToolArguments: Bool { true }
    /// No tools.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {}
    /// Every kind carries reasoning.
    static func carriesReasoning(_ kind: GenerationKind) -> Bool { true }
}

/// The dialects the simulator speaks; a route says which one a request used.
enum APIDialect: Sendable, Equatable, CaseIterable {
    /// OpenAI-compatible (`/v1/…`), as vLLM serves it.
    case openAI
    /// OpenAI's Responses API (`/v1/responses`).
    case responses
    /// Azure OpenAI (`/openai/deployments/{deployment}/…?api-version=…`).
    case azure
    /// Ollama's native API (`/api/…`).
    case ollama
    /// Anthropic's Messages API (`/v1/messages`).
    case anthropic
    /// Google's Gemini API (`/v1beta/models/{model}:…`).
    case gemini
    /// AWS Bedrock's Converse API (`/model/{modelId}/converse[-stream]`).
    case bedrock

    /// The implementation.
    var wire: any WireDialect.Type {
        switch self {
        case .openAI: OpenAIDialect.self
        case .responses: ResponsesDialect.self
        case .azure: AzureDialect.self
        case .ollama: OllamaDialect.self
        case .anthropic: AnthropicDialect.self
        case .gemini: GeminiDialect.self
        case .bedrock: BedrockDialect.self
        }
    }
}
