/// Why a dialect could not build a request. The description is short and stable, fit for a CSV
/// `error` column.
public struct DialectError: Error, CustomStringConvertible, Equatable {
    private enum Reason: Equatable {
        case invalidBaseURL(String)
        case invalidParameter(name: String, value: String)
        case missingInputs(dialect: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The base URL is not an absolute `http://` or `https://` URL with a host.
    public static func invalidBaseURL(_ url: String) -> DialectError {
        DialectError(.invalidBaseURL(url))
    }

    /// A generation parameter has a value that cannot be sent (for example a non-finite temperature).
    public static func invalidParameter(_ name: String, value: String) -> DialectError {
        DialectError(.invalidParameter(name: name, value: value))
    }

    /// The prompt item has no query and documents (``PromptItem/retrieval``), which every
    /// request of an embedding or rerank dialect needs.
    public static func missingInputs(dialect: String) -> DialectError {
        DialectError(.missingInputs(dialect: dialect))
    }

    /// One line saying what is wrong.
    public var description: String {
        switch reason {
        case .invalidBaseURL(let url):
            "invalid base URL '\(url)': expected http://host[:port][/path] or https://…"
        case .invalidParameter(let name, let value):
            "invalid \(name) '\(value)'"
        case .missingInputs(let dialect):
            "\(dialect) needs a query and documents (workload.embeddings); this item has none"
        }
    }
}
