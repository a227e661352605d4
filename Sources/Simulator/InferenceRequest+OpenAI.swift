#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension InferenceRequest {
    /// Decodes and validates a request body for `endpoint`.
    ///
    /// Unknown fields are ignored; `model` may be anything.
    /// - Throws: ``APIError`` 400 (`invalid_request_error`) for a body that is not JSON, a missing
    ///   `messages`/`prompt`, a field of the wrong type, `max_tokens` < 1 or `min_tokens` out of range.
    static func parse(
        endpoint: GenerationEndpoint, body: [UInt8], profile: EngineProfile
    ) throws(APIError) -> InferenceRequest {
        let wire: WireRequest
        do {
            wire = try JSONDecoder().decode(WireRequest.self, from: Data(body))
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw .invalidRequest("request body is not valid JSON")
        }

        let promptTokens: Int
        switch endpoint {
        case .chatCompletions:
            guard let messages = wire.messages, !messages.isEmpty else {
                throw .invalidRequest("'messages' is required and must be a non-empty array", param: "messages")
            }
            promptTokens = messages.reduce(0) { $0 + ($1.content?.tokenCount ?? 0) }
        case .completions:
            guard let prompt = wire.prompt else {
                throw .invalidRequest("'prompt' is required", param: "prompt")
            }
            promptTokens = prompt.tokenCount
        }

        let maxField = endpoint == .chatCompletions && wire.maxTokens == nil ? "max_completion_tokens" : "max_tokens"
        let requestedMax = wire.maxTokens ?? (endpoint == .chatCompletions ? wire.maxCompletionTokens : nil)
        let maxTokens = requestedMax ?? profile.defaultMaxTokens
        guard maxTokens >= 1 else {
            throw .invalidRequest("'\(maxField)' must be at least 1, got \(maxTokens)", param: maxField)
        }
        let minTokens = wire.minTokens ?? 0
        guard minTokens >= 0, minTokens <= maxTokens else {
            throw .invalidRequest(
                "'min_tokens' must be from 0 to max_tokens (\(maxTokens)), got \(minTokens)", param: "min_tokens")
        }

        return InferenceRequest(
            endpoint: endpoint,
            model: wire.model,
            promptTokens: promptTokens,
            maxTokens: maxTokens,
            minTokens: minTokens,
            ignoreEOS: wire.ignoreEOS ?? false,
            stream: wire.stream ?? false,
            includeUsage: wire.streamOptions?.includeUsage ?? false,
            seed: wire.seed?.bits
        )
    }

    /// Turns a decoding failure into a 400 that names the field at fault.
    private static func describe(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return .invalidRequest("field '\(field)' has the wrong type", param: field.isEmpty ? nil : field)
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalidRequest("field '\(field)' is required", param: field)
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            return .invalidRequest("field '\(field)' is not valid", param: field)
        default:
            return .invalidRequest("request body is not valid JSON")
        }
    }
}

/// The request body as sent; field names are the wire's snake_case ones.
private struct WireRequest: Decodable {
    var model: String?
    var messages: [WireMessage]?
    var prompt: WirePrompt?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var minTokens: Int?
    var stream: Bool?
    var streamOptions: WireStreamOptions?
    var ignoreEOS: Bool?
    var seed: WireSeed?

    enum CodingKeys: String, CodingKey {
        case model, messages, prompt, stream, seed
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case minTokens = "min_tokens"
        case streamOptions = "stream_options"
        case ignoreEOS = "ignore_eos"
    }
}

private struct WireStreamOptions: Decodable {
    var includeUsage: Bool?

    enum CodingKeys: String, CodingKey {
        case includeUsage = "include_usage"
    }
}

private struct WireMessage: Decodable {
    var role: String?
    var content: WireContent?
}

/// A message's `content`: a string, or an array of parts of which `text` ones count.
private enum WireContent: Decodable {
    case text(String)
    case parts([WirePart])

    struct WirePart: Decodable {
        var text: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .parts(try container.decode([WirePart].self))
        }
    }

    /// Prompt tokens contributed by this content.
    var tokenCount: Int {
        switch self {
        case .text(let text): SimulatedTokenizer.countTokens(text)
        case .parts(let parts): parts.reduce(0) { $0 + SimulatedTokenizer.countTokens($1.text ?? "") }
        }
    }
}

/// A completion `prompt`: a string, an array of strings, or pre-tokenized ids (one token each).
private enum WirePrompt: Decodable {
    case texts([String])
    case tokenIDs(Int)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .texts([text])
        } else if let texts = try? container.decode([String].self) {
            self = .texts(texts)
        } else if let ids = try? container.decode([Int].self) {
            self = .tokenIDs(ids.count)
        } else {
            self = .tokenIDs(try container.decode([[Int]].self).reduce(0) { $0 + $1.count })
        }
    }

    /// Prompt length in simulated tokens.
    var tokenCount: Int {
        switch self {
        case .texts(let texts): texts.reduce(0) { $0 + SimulatedTokenizer.countTokens($1) }
        case .tokenIDs(let count): count
        }
    }
}

/// OpenAI's `seed` is a signed 64-bit integer; large unsigned values are accepted as well.
private struct WireSeed: Decodable {
    var bits: UInt64

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let signed = try? container.decode(Int64.self) {
            bits = UInt64(bitPattern: signed)
        } else {
            bits = try container.decode(UInt64.self)
        }
    }
}
