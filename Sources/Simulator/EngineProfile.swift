/// The knobs of the simulated inference engine: how fast it prefills and decodes, how many
/// sequences it runs at once, how often it stops early or fails, and which faults it injects.
///
/// The defaults resemble a small model on one GPU. A scenario sets options by name with
/// ``set(_:to:)``; ``SimulatorServer`` reads the profile once at start and never mutates it.
public struct EngineProfile: Sendable, Equatable {
    /// The model name served by `GET /v1/models` and echoed when a request names none.
    public var modelName: String
    /// The most sequences running (prefilling or decoding) at once; later arrivals wait in a FIFO
    /// queue until a running sequence finishes.
    public var maxNumSeqs: Int
    /// Prompt processing rate of the shared prefill unit, in tokens per second. Prefills are
    /// serialized: each admitted request's prefill starts when the previous one ends.
    public var prefillTokensPerSecond: Double
    /// Fixed per-request scheduling cost added to every prefill, in milliseconds.
    public var prefillOverheadMs: Double
    /// Inter-token latency with one running sequence, in milliseconds. At 0 (with
    /// ``decodePerSeqMs`` 0) a stream's tokens are written back to back, up to 64 per flush.
    public var decodeBaseMs: Double
    /// Added to every decode step per additional running sequence, in milliseconds:
    /// ITL = `decodeBaseMs + decodePerSeqMs × (running − 1)`, evaluated at each step.
    public var decodePerSeqMs: Double
    /// Per-token chance (0…1) of stopping early, drawn from the request's seeded generator;
    /// ignored when the request sets `ignore_eos`.
    public var eosProbability: Double
    /// Output tokens allowed when the request gives no `max_tokens`.
    public var defaultMaxTokens: Int
    /// KV-cache capacity, in tokens: the prompt and generated tokens that running sequences may
    /// hold at once. A queued request is admitted only when its tokens fit; when a decode step
    /// would overflow the cache, the most recently admitted sequence is preempted (vLLM's
    /// recompute policy) and re-prefilled later. `/metrics` reports usage against it.
    public var kvCacheTokens: Int
    /// Prompt blocks (of ``PrefixCache/blockTokens`` words) kept for automatic prefix caching
    /// (option `prefix_cache_blocks`); 0, the default, caches nothing, so reruns against one
    /// simulator stay alike. A request's leading blocks seen before are not prefilled again.
    public var prefixCacheBlocks = 0
    /// Size of the model's weights, in bytes, reported by Ollama's `/api/tags` and `/api/ps`.
    public var modelBytes: Int
    /// Fraction (0…1) of requests answered with HTTP 500, decided (seeded) at arrival.
    public var errorRate: Double
    /// The faults injected into responses (all off by default); see ``FaultOptions``.
    public var faults: FaultOptions
    /// How embedding and rerank requests are answered; see ``RetrievalOptions``.
    public var retrieval = RetrievalOptions()
    /// Token texts carrying their write times, for measuring clients (off by default); see
    /// ``GroundTruthOptions``.
    public var groundTruth: GroundTruthOptions
    /// The reasoning phase before each answer (off by default); see ``ReasoningOptions``.
    public var reasoning = ReasoningOptions()
    /// Root seed of every random decision the simulator makes.
    public var seed: UInt64
    /// Share of known prompts (those in ``knownAnswers``) answered correctly, 0…1 (option
    /// `correct_share`); nil to generate the usual words for every prompt. Each request draws
    /// from its own output seed, so which requests are right is deterministic for a seed.
    public var correctShare: Double?
    /// The answer key: a known prompt's last user message (a completion's whole prompt) → its
    /// correct and wrong answers. Filled in-process by the run from the dataset, never from the
    /// request.
    public var knownAnswers: [String: KnownAnswer] = [:]
    /// Share of structured-output answers that are not valid JSON, 0…1 (option
    /// `schema_invalid_rate`, default 0): drawn per request from its output seed.
    public var schemaInvalidRate: Double = 0
    /// How requests that offer tools are answered (all call, valid arguments, by default); see
    /// ``ToolCallOptions``.
    public var toolCalls = ToolCallOptions()

    /// A profile with the defaults, resembling a small model on one GPU: an 8-billion-parameter
    /// model quantized to 4 bits (4.9 GB of weights) with room for about half a million tokens of
    /// KV cache, as on one 80 GB accelerator.
    public init() {
        modelName = "sim-model"
        maxNumSeqs = 256
        prefillTokensPerSecond = 8000
        prefillOverheadMs = 10
        decodeBaseMs = 12
        decodePerSeqMs = 0.1
        eosProbability = 0.005
        defaultMaxTokens = 256
        kvCacheTokens = 524_288
        modelBytes = 4_900_000_000
        errorRate = 0
        faults = FaultOptions()
        groundTruth = GroundTruthOptions()
        seed = 0
    }
}
