/// Removes known secret values (API keys, auth header values) from text before it is stored,
/// logged or shown — a server may echo a key back in its error message.
public struct SecretRedactor: Sendable {
    private let secrets: [String]

    /// A redactor for these values; values shorter than 4 characters are ignored (they would
    /// mangle ordinary text and are not credentials).
    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `[REDACTED]`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "[REDACTED]")
        }
        return result
    }
}
