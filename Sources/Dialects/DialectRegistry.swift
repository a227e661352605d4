import Workload

/// The dialects repat knows, by ``Dialect/id``, and the provider presets that use them.
///
/// Named `DialectRegistry` rather than `Dialects` so that the type does not shadow the module name
/// (which would break module-qualified names such as `Dialects.Endpoint`).
public enum DialectRegistry {
    /// Every known dialect, in the order help text lists them.
    public static let all: [any Dialect] = [
        OpenAIDialect.chat,
        OpenAIDialect.completions,
        ResponsesDialect.responses,
        OllamaDialect.chat,
        OllamaDialect.generate,
        AnthropicDialect.messages,
        GeminiDialect.gemini,
        AzureOpenAIDialect.chat,
        AzureOpenAIDialect.completions,
        BedrockDialect.converse,
        EmbeddingDialect.openAI,
        EmbeddingDialect.ollama,
        EmbeddingDialect.tei,
        RerankDialect.documents,
        RerankDialect.tei,
    ]

    /// The identifiers of ``all``, in the same order.
    public static var ids: [String] { all.map(\.id) }

    /// The dialect whose ``Dialect/id`` is `id` (exact match), or `nil`.
    public static func named(_ id: String) -> (any Dialect)? {
        all.first { $0.id == id }
    }

    /// What a scenario loader checks targets against: every preset and every dialect's traits.
    /// Pass it to `ScenarioLoader(environment:catalog:)` wherever a scenario is loaded to be run.
    public static let catalog = TargetCatalog(
        presets: presets,
        dialectTraits: Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.traits) })
    )
}
