import Foundation

/// What `provider:` fills in for a target: dialect, default base URL, API-key variable and engine
/// extras, so a target is three lines of YAML. Every filled-in field can still be set explicitly.
///
/// Base URLs and key variables follow each provider's own documentation; where a provider serves
/// the EU from its own host, ``euBaseURL`` names it (chosen with `region: eu`).
public struct ProviderPreset: Sendable, Equatable {
    /// The `provider:` value.
    public var name: String
    /// Dialect id the target uses.
    public var dialect: String
    /// Base URL when the target gives none; `nil` when the provider has no shared host (Azure: each
    /// resource has its own) so `base_url` is required. `{region}` is replaced by the target's region.
    public var baseURL: String?
    /// Base URL for `region: eu`, when the provider runs a separate EU host.
    public var euBaseURL: String?
    /// Environment variable holding the API key when the target names none.
    public var apiKeyEnv: String?
    /// Whether the key is required (cloud APIs) or optional (local engines, OVH's free tier).
    public var keyRequired: Bool
    /// Region used when the target gives none and the base URL has a `{region}` (Bedrock).
    public var defaultRegion: String?
    /// Whether the engine honours `ignore_eos` / `min_tokens`, so the workload's exact output length
    /// can be forced; cloud APIs reject or ignore them, so they are not sent there.
    public var acceptsLengthControls: Bool

    /// Every preset, by the name used in scenarios, in the order documentation lists them.
    public static let all: [ProviderPreset] = [
        ProviderPreset(name: "openai", dialect: "openai-chat", baseURL: "https://api.openai.com/v1", euBaseURL: "https://eu.api.openai.com/v1", apiKeyEnv: "OPENAI_API_KEY", keyRequired: true),
        ProviderPreset(name: "azure", dialect: "azure-openai-chat", baseURL: nil, apiKeyEnv: "AZURE_OPENAI_API_KEY", keyRequired: true),
        ProviderPreset(name: "anthropic", dialect: "anthropic-messages", baseURL: "https://api.anthropic.com/v1", apiKeyEnv: "ANTHROPIC_API_KEY", keyRequired: true),
        ProviderPreset(name: "gemini", dialect: "gemini", baseURL: "https://generativelanguage.googleapis.com/v1beta", apiKeyEnv: "GEMINI_API_KEY", keyRequired: true),
        ProviderPreset(name: "bedrock", dialect: "bedrock-converse", baseURL: "https://bedrock-runtime.{region}.amazonaws.com", apiKeyEnv: nil, keyRequired: false, defaultRegion: "eu-central-1"),
        ProviderPreset(name: "mistral", dialect: "openai-chat", baseURL: "https://api.mistral.ai/v1", apiKeyEnv: "MISTRAL_API_KEY", keyRequired: true),
        ProviderPreset(name: "scaleway", dialect: "openai-chat", baseURL: "https://api.scaleway.ai/v1", apiKeyEnv: "SCW_SECRET_KEY", keyRequired: true),
        ProviderPreset(name: "ovh", dialect: "openai-chat", baseURL: "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1", apiKeyEnv: "OVH_AI_ENDPOINTS_ACCESS_TOKEN", keyRequired: false),
        ProviderPreset(name: "vllm", dialect: "openai-chat", baseURL: "http://127.0.0.1:8000/v1", apiKeyEnv: nil, keyRequired: false, acceptsLengthControls: true),
        ProviderPreset(name: "sglang", dialect: "openai-chat", baseURL: "http://127.0.0.1:30000/v1", apiKeyEnv: nil, keyRequired: false, acceptsLengthControls: true),
        ProviderPreset(name: "tgi", dialect: "openai-chat", baseURL: "http://127.0.0.1:8080/v1", apiKeyEnv: nil, keyRequired: false),
        ProviderPreset(name: "llamacpp", dialect: "openai-chat", baseURL: "http://127.0.0.1:8080/v1", apiKeyEnv: nil, keyRequired: false, acceptsLengthControls: true),
        ProviderPreset(name: "ollama", dialect: "ollama-chat", baseURL: "http://127.0.0.1:11434", apiKeyEnv: nil, keyRequired: false),
    ]

    /// The names of ``all``, in order.
    public static var names: [String] { all.map(\.name) }

    /// The preset named `name`, or `nil`.
    public static func named(_ name: String) -> ProviderPreset? {
        all.first { $0.name == name }
    }

    /// Creates a preset.
    public init(
        name: String, dialect: String, baseURL: String?, euBaseURL: String? = nil, apiKeyEnv: String?,
        keyRequired: Bool, defaultRegion: String? = nil, acceptsLengthControls: Bool = false
    ) {
        self.name = name
        self.dialect = dialect
        self.baseURL = baseURL
        self.euBaseURL = euBaseURL
        self.apiKeyEnv = apiKeyEnv
        self.keyRequired = keyRequired
        self.defaultRegion = defaultRegion
        self.acceptsLengthControls = acceptsLengthControls
    }

    /// The base URL for `region` (`eu` picks ``euBaseURL``; a `{region}` placeholder takes the
    /// region or ``defaultRegion``), or `nil` when the provider has none.
    public func baseURL(region: String?) -> String? {
        if region == "eu", let euBaseURL { return euBaseURL }
        guard let baseURL else { return nil }
        guard baseURL.contains("{region}") else { return baseURL }
        guard let chosen = region ?? defaultRegion else { return nil }
        return baseURL.replacingOccurrences(of: "{region}", with: chosen)
    }
}
