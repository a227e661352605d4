import Foundation

/// What `provider:` fills in for a target: dialect, default base URL, API-key variable and engine
/// extras, so a target is three lines of YAML. Every filled-in field can still be set explicitly.
/// The presets themselves are listed beside the dialects (`DialectRegistry.presets`) and reach
/// the loader in a ``TargetCatalog``.
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
