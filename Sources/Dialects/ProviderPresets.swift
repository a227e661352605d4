import Workload

extension DialectRegistry {
    /// Every `provider:` preset, by the name used in scenarios, in the order documentation lists
    /// them; each names its dialect by that dialect's ``Dialect/id``. A target may name another
    /// dialect of the same server (`provider: mistral` with `dialect: openai-embeddings`).
    public static let presets: [ProviderPreset] = [
        ProviderPreset(name: "openai", dialect: OpenAIDialect.chat.id, baseURL: "https://api.openai.com/v1", euBaseURL: "https://eu.api.openai.com/v1", apiKeyEnv: "OPENAI_API_KEY", keyRequired: true),
        ProviderPreset(name: "azure", dialect: AzureOpenAIDialect.chat.id, baseURL: nil, apiKeyEnv: "AZURE_OPENAI_API_KEY", keyRequired: true),
        ProviderPreset(name: "anthropic", dialect: AnthropicDialect.messages.id, baseURL: "https://api.anthropic.com/v1", apiKeyEnv: "ANTHROPIC_API_KEY", keyRequired: true),
        ProviderPreset(name: "gemini", dialect: GeminiDialect.gemini.id, baseURL: "https://generativelanguage.googleapis.com/v1beta", apiKeyEnv: "GEMINI_API_KEY", keyRequired: true),
        ProviderPreset(name: "bedrock", dialect: BedrockDialect.converse.id, baseURL: "https://bedrock-runtime.{region}.amazonaws.com", apiKeyEnv: nil, keyRequired: false, defaultRegion: "eu-central-1"),
        ProviderPreset(name: "mistral", dialect: OpenAIDialect.chat.id, baseURL: "https://api.mistral.ai/v1", apiKeyEnv: "MISTRAL_API_KEY", keyRequired: true),
        ProviderPreset(name: "scaleway", dialect: OpenAIDialect.chat.id, baseURL: "https://api.scaleway.ai/v1", apiKeyEnv: "SCW_SECRET_KEY", keyRequired: true),
        ProviderPreset(name: "ovh", dialect: OpenAIDialect.chat.id, baseURL: "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1", apiKeyEnv: "OVH_AI_ENDPOINTS_ACCESS_TOKEN", keyRequired: false),
        ProviderPreset(name: "vllm", dialect: OpenAIDialect.chat.id, baseURL: "http://127.0.0.1:8000/v1", apiKeyEnv: nil, keyRequired: false, acceptsLengthControls: true),
        ProviderPreset(name: "sglang", dialect: OpenAIDialect.chat.id, baseURL: "http://127.0.0.1:30000/v1", apiKeyEnv: nil, keyRequired: false, acceptsLengthControls: true),
        ProviderPreset(name: "tgi", dialect: OpenAIDialect.chat.id, baseURL: "http://127.0.0.1:8080/v1", apiKeyEnv: nil, keyRequired: false),
        ProviderPreset(name: "llamacpp", dialect: OpenAIDialect.chat.id, baseURL: "http://127.0.0.1:8080/v1", apiKeyEnv: nil, keyRequired: false, acceptsLengthControls: true),
        ProviderPreset(name: "ollama", dialect: OllamaDialect.chat.id, baseURL: "http://127.0.0.1:11434", apiKeyEnv: nil, keyRequired: false),
        ProviderPreset(name: "tei", dialect: EmbeddingDialect.tei.id, baseURL: "http://127.0.0.1:8080", apiKeyEnv: nil, keyRequired: false),
    ]
}
