extension AzureOpenAIDialect {
    /// As OpenAI's: Azure sends the same bodies and chunks.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        OpenAIDialect(api: api).responseText(of: body, streaming: streaming)
    }
}
