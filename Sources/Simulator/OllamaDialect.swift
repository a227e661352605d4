import RepatSupport

/// Ollama's native API: `/api/chat` and `/api/generate` (NDJSON streams), `/api/tags`,
/// `/api/version` and `/api/ps`. Errors are `{"error":"…"}` with the status. Any model name is
/// served by the one simulated model.
enum OllamaDialect: WireDialect {
    /// What `/api/version` reports: no Ollama release, so a pre-release tag says what it is.
    static let version = "0.0.0-repat-simulator"

    /// The body of `GET /api/version`.
    static var versionBody: String { #"{"version":"\#(version)"}"# }

    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseOllama(kind: route.kind, body: body, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        OllamaEncoder(request: request, context: context)
    }

    /// `{"error":"…"}` with the usual status; a 429 carries `Retry-After`.
    static func errorResponse(_ error: APIError) -> ErrorResponse {
        var headers: [(String, String)] = []
        if let retryAfter = error.retryAfter { headers.append(("retry-after", retryAfter.headerValue)) }
        return ErrorResponse(status: error.status, body: errorBody(error.message), headers: headers)
    }

    /// `{"error":message}`.
    static func errorBody(_ message: String) -> String {
        var out = JSONWriter()
        out.raw(#"{"error":"#)
        out.string(message)
        out.raw("}")
        return out.text
    }

    /// `GET /api/tags`: the served model, with its size and a digest derived from its name.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        var out = JSONWriter()
        out.raw(#"{"models":["#)
        modelEntry(profile, into: &out)
        out.raw(#","modified_at":"#)
        out.string(WallClock.rfc3339(wholeSeconds: Int(now)))
        out.raw("}]}")
        return out.text
    }

    /// `GET /api/ps`: the model with `expires_at` (Unix seconds; nil: never) and `size_vram` when
    /// `loaded`, else an empty list.
    static func runningModels(profile: EngineProfile, loaded: Bool, expiresAt: Double?) -> String {
        guard loaded else { return #"{"models":[]}"# }
        var out = JSONWriter()
        out.raw(#"{"models":["#)
        modelEntry(profile, into: &out)
        out.raw(#","expires_at":"#)
        out.string(WallClock.rfc3339(expiresAt ?? neverExpires))
        out.raw(#","size_vram":\#(profile.modelBytes)}]}"#)
        return out.text
    }

    /// Where Ollama puts a model kept forever: the longest Go duration (about 292 years) from now.
    private static var neverExpires: Double { WallClock.now() + Double(Int64.max) / 1e9 }

    /// `{"name":…,"model":…,"size":…,"digest":…,"details":{…}` (left open).
    private static func modelEntry(_ profile: EngineProfile, into out: inout JSONWriter) {
        out.raw(#"{"name":"#)
        out.string(profile.modelName)
        out.raw(#","model":"#)
        out.string(profile.modelName)
        out.raw(#","size":\#(profile.modelBytes),"digest":"#)
        out.string(digest(of: profile.modelName))
        out.raw(#","details":"#)
        out.raw(details)
    }

    /// The `details` object of a model entry: a simulated model has no family, size or quantisation.
    private static let details =
        #"{"parent_model":"","format":"simulated","family":"simulated","families":["simulated"],"parameter_size":"","quantization_level":""}"#

    /// The body of `POST /api/show`: `{"model": NAME}` (older clients send `name`, which this
    /// simulator does not accept).
    struct ShowRequest: Decodable {
        /// The model asked about.
        var model: String
    }

    /// `POST /api/show`: the served model's details, its Modelfile and `model_info`, as Ollama
    /// answers for a loaded model.
    static func showBody(profile: EngineProfile, now: Double) -> String {
        var out = JSONWriter()
        out.raw(#"{"modelfile":"#)
        out.string("FROM \(profile.modelName)\n")
        out.raw(#","parameters":"","template":"{{ .Prompt }}","details":"#)
        out.raw(details)
        out.raw(#","model_info":{"general.basename":"#)
        out.string(profile.modelName)
        out.raw(#"},"modified_at":"#)
        out.string(WallClock.rfc3339(wholeSeconds: Int(now)))
        out.raw("}")
        return out.text
    }

    /// 64 hex digits derived from `name` (FNV-1a, then SeededGenerator), standing for a blob digest.
    private static func digest(of name: String) -> String {
        SeededGenerator.hexDigits(64, seed: StableHash(name).value)
    }
}
