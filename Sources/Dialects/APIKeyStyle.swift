/// How an API key is sent.
public enum APIKeyStyle: Sendable, Equatable {
    /// `Authorization: Bearer <key>` (OpenAI and most compatible servers, Azure with Entra ID tokens).
    case bearer
    /// The key as the whole value of this header (`api-key` for Azure, `x-api-key` for Anthropic,
    /// `x-goog-api-key` for Gemini).
    case header(String)
}

extension APIKeyStyle {
    /// The style a scenario's `auth` field names: `bearer` (any case), else the header name.
    public init(auth: String) {
        self = auth.lowercased() == "bearer" ? .bearer : .header(auth)
    }
}
