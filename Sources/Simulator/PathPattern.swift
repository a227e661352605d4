/// A route's path with named parameters: `/v1beta/models/{model}:streamGenerateContent` matches
/// `/v1beta/models/gemini-pro:streamGenerateContent` with `model` = `gemini-pro`.
///
/// A segment is a literal, or `{name}` optionally followed by a literal suffix; a parameter
/// matches one whole non-empty segment (before its suffix).
struct PathPattern: Sendable, Equatable {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(name: String, suffix: String)
    }

    private let segments: [Segment]

    /// Parses `pattern`, which starts with `/`.
    init(_ pattern: String) {
        segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            guard part.hasPrefix("{"), let close = part.firstIndex(of: "}") else { return .literal(String(part)) }
            return .parameter(
                name: String(part[part.index(after: part.startIndex)..<close]),
                suffix: String(part[part.index(after: close)...]))
        }
    }

    /// The parameters when `target`'s (decoded) segments match; nil otherwise.
    func match(_ target: RequestTarget) -> [String: String]? {
        guard target.segments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, actual) in zip(segments, target.segments) {
            switch segment {
            case .literal(let literal):
                guard actual == literal else { return nil }
            case .parameter(let name, let suffix):
                guard actual.hasSuffix(suffix), actual.count > suffix.count else { return nil }
                parameters[name] = String(actual.dropLast(suffix.count))
            }
        }
        return parameters
    }
}
