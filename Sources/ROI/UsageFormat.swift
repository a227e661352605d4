/// The usage files `repat usage import` reads.
public enum UsageFormat: String, Sendable, CaseIterable {
    /// The OpenAI Usage API's completions export: pages of `{data: [{start_time, end_time,
    /// results: [{model, input_tokens, input_cached_tokens, output_tokens, num_model_requests}]}]}`.
    case openAIUsage = "openai-usage"
    /// repat's generic CSV: `time,model,input_tokens,output_tokens,cached_tokens,requests`
    /// (docs/usage.md).
    case csv

    /// The format a file's name and first bytes suggest: JSON for `.json`/`.jsonl` or a leading `{`
    /// or `[`, else CSV.
    public static func guess(file: String, firstByte: UInt8?) -> UsageFormat {
        if file.hasSuffix(".json") || file.hasSuffix(".jsonl") || firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            return .openAIUsage
        }
        return .csv
    }
}
