import Foundation
import RepatSupport

/// The parts of a request URL that SigV4 signs: the authority (for `Host`), the path and the query,
/// in their canonical forms.
struct AWSSigV4URL {
    /// `host[:port]` as written in the URL, without user information.
    let authority: String
    /// Each path segment of the URL as sent, URI-encoded once more; `/` for an empty path.
    let canonicalPath: String
    /// The query's parameters, percent-decoded then URI-encoded, sorted by name then value and
    /// joined with `&`; every parameter has an `=`. Empty for no query.
    let canonicalQuery: String

    /// Splits `url` (`scheme://authority/path?query#fragment`). Without `://` the whole text up to
    /// `?` is taken as the path.
    init(_ url: String) {
        var rest = Substring(url)
        if let fragment = rest.firstIndex(of: "#") {
            rest = rest[..<fragment]
        }
        var authority = Substring("")
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: "@") {
                authority = authority[authority.index(after: at)...]
            }
        }
        var path = rest
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            path = rest[..<mark]
            query = rest[rest.index(after: mark)...]
        }
        self.authority = String(authority)
        canonicalPath = path.isEmpty
            ? "/"
            : path.split(separator: "/", omittingEmptySubsequences: false)
                .map { AWSSigV4Encoding.uriEncode(Array($0.utf8)) }
                .joined(separator: "/")
        canonicalQuery = query.split(separator: "&")
            .map { parameter -> String in
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = AWSSigV4Encoding.uriEncode(PercentDecoding.decode(pair[0]))
                let value = pair.count > 1 ? AWSSigV4Encoding.uriEncode(PercentDecoding.decode(pair[1])) : ""
                return name + "=" + value
            }
            .sorted { lhs, rhs in
                let (lhsName, lhsValue) = Self.split(lhs)
                let (rhsName, rhsValue) = Self.split(rhs)
                return lhsName != rhsName ? lhsName < rhsName : lhsValue < rhsValue
            }
            .joined(separator: "&")
    }

    /// An encoded `name=value` split at its `=` (the encoding leaves no other `=`).
    private static func split(_ parameter: String) -> (Substring, Substring) {
        let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return (pair[0], pair.count > 1 ? pair[1] : "")
    }
}
