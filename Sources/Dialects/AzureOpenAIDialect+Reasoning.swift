import Workload

extension AzureOpenAIDialect {
    /// Chat targets can send `reasoning_effort`, in the body ``OpenAIDialect`` builds.
    public var traits: DialectTraits {
        OpenAIDialect(api: api).traits
    }
}
