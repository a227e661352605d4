import RepatSupport

/// A request line's target split into its path segments and query parameters, percent-decoded.
struct RequestTarget: Sendable, Equatable {
    /// The path as sent, without the query.
    var path: String
    /// The path's segments after the leading `/`, percent-decoded (`/a/b%3A1` is `["a", "b:1"]`).
    var segments: [String]
    /// Query parameters by name, percent-decoded (`+` is a space); the first of a repeated name.
    var query: [String: String]

    /// Splits `uri` (origin form, `/path?query`).
    init(uri: String) {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            Self.percentDecoded($0, plusIsSpace: false)
        }
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.percentDecoded(nameValue[0], plusIsSpace: true)
                if query[name] == nil {
                    query[name] = nameValue.count > 1 ? Self.percentDecoded(nameValue[1], plusIsSpace: true) : ""
                }
            }
        }
        self.query = query
    }

    /// `text` with `%XX` escapes decoded (a malformed escape is kept as is), and `+` as a space
    /// when `plusIsSpace`.
    static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String {
        String(decoding: PercentDecoding.decode(text, plusIsSpace: plusIsSpace), as: UTF8.self)
    }
}
