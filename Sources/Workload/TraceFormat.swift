/// The trace files `workload.trace` replays.
public enum TraceFormat: String, Sendable, CaseIterable {
    /// repat's JSONL: `{"timestamp": seconds, "input_tokens": N | "prompt": "…", "output_tokens": N,
    /// "session_id": "…"}` per line (docs/trace-replay.md).
    case jsonl
    /// Mooncake's public trace: `{"timestamp": ms, "input_length": N, "output_length": N,
    /// "hash_ids": [block hashes]}` per line.
    case mooncake
    /// The Azure LLM inference trace CSV: `TIMESTAMP,ContextTokens,GeneratedTokens`.
    case azure

    /// Prompt tokens a Mooncake block hash stands for.
    public static let blockTokens = 512
}
