#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes request bodies, turning decoding failures into 400s that name the field at fault.
enum JSONBody {
    /// `body` decoded as `type`.
    ///
    /// - Throws: ``APIError`` 400 when the body is not JSON, or a field is missing or of the
    ///   wrong type (its dotted path in the message and in `param`).
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw .invalidRequest("request body is not valid JSON")
        }
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

/// A request `seed`: a signed 64-bit integer, or a large unsigned one; kept as its bit pattern.
struct WireSeed: Decodable, Sendable {
    /// The seed's 64 bits.
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

/// Text that is either a string or a list of parts of which the `text` ones count: OpenAI's and
/// Ollama's message `content`, Anthropic's `content` and `system`.
enum WireText: Decodable, Sendable {
    /// A plain string.
    case text(String)
    /// Content parts; non-text parts count as no tokens.
    case parts([Part])

    /// One content part.
    struct Part: Decodable, Sendable {
        /// The part's text, when it is a text part.
        var text: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .parts(try container.decode([Part].self))
        }
    }

    /// The text: the string, or the text parts joined.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .parts(let parts): parts.compactMap(\.text).joined()
        }
    }

    /// Tokens contributed by this text.
    var tokenCount: Int {
        switch self {
        case .text(let text): SimulatedTokenizer.countTokens(text)
        case .parts(let parts): parts.reduce(0) { $0 + SimulatedTokenizer.countTokens($1.text ?? "") }
        }
    }
}
