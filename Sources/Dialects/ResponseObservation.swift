import Metrics

/// What one response body showed: token arrival times, counts, usage and how it ended.
public struct ResponseObservation: Sendable, Equatable {
    /// Monotonic times (ns) of the token-bearing events: an OpenAI chunk with a non-empty `content`,
    /// `text`, `reasoning_content`, `reasoning` or tool-call arguments; an Ollama line with a
    /// non-empty `message.content`, `message.thinking`, `message.tool_calls`, `response` or
    /// `thinking`; an Anthropic `text_delta`, `thinking_delta` or `input_json_delta`; a Gemini
    /// chunk with a part of non-empty `text` (thoughts included) or a `functionCall`; a Bedrock
    /// text, reasoning or tool-input delta. Role-only, empty, finish-only and usage-only events
    /// are not tokens. Non-streaming: one entry, the time of the
    /// last body bytes, when the body has content. Bounded however many events arrive (see
    /// ``TokenStamps``).
    public var tokens: TokenStamps
    /// Number of non-empty token-bearing deltas (one per choice per event); the fallback token count
    /// when the server reports no usage. Non-streaming: 1 when the body has content.
    public var deltaCount: Int
    /// Token usage reported by the server (final stream chunk or body); `nil` when absent or `null`.
    public var usage: TokenUsage?
    /// The last non-null finish reason seen, as the API words it: `finish_reason` (`stop`,
    /// `length`, …), Ollama's `done_reason`, Anthropic's `stop_reason` (`end_turn`, `max_tokens`, …),
    /// Gemini's `finishReason` (`STOP`, `MAX_TOKENS`, …) or prompt `blockReason`.
    public var finishReason: String?
    /// Streaming: the dialect's end marker was seen (`data: [DONE]`, Ollama's `done: true`,
    /// Anthropic's `message_stop`, Gemini's chunk with a `finishReason`). Non-streaming: the body was
    /// a complete, valid completion.
    public var sawEndMarker: Bool
    /// Message of an `{"error":…}` object (or an Anthropic `error` event) found inside a 2xx stream
    /// or body (one line, truncated).
    public var streamError: String?
    /// Events (or the body) whose data was not valid JSON of the expected shape.
    public var parseErrors: Int
    /// Server-side timings, as llama.cpp server reports them in `timings` or Ollama in the durations
    /// of its final message.
    public var serverTimings: ServerTimings?
    /// Monotonic time (ns) of the first token-bearing event that carried answer text or tool-call
    /// arguments (not reasoning only); `nil` when none arrived.
    public var firstAnswerAt: UInt64?
    /// Of ``deltaCount``, the deltas that carried reasoning.
    public var reasoningDeltaCount: Int
    /// Why a complete 2xx body of the API's shape does not answer the request (an embedding
    /// request's body without one embedding per input of one dimension, a rerank's without one
    /// score per document): one line; nil when it does, or when the dialect does not check.
    public var invalidBody: String?
    /// A rerank's documents, best first (their positions in the request); empty for any other
    /// response, or one that did not answer.
    public var ranking: [Int] = []

    /// Creates an observation; the defaults describe an empty body.
    public init(
        tokens: TokenStamps = TokenStamps(),
        deltaCount: Int = 0,
        usage: TokenUsage? = nil,
        finishReason: String? = nil,
        sawEndMarker: Bool = false,
        streamError: String? = nil,
        parseErrors: Int = 0,
        serverTimings: ServerTimings? = nil,
        firstAnswerAt: UInt64? = nil,
        reasoningDeltaCount: Int = 0
    ) {
        self.tokens = tokens
        self.deltaCount = deltaCount
        self.usage = usage
        self.finishReason = finishReason
        self.sawEndMarker = sawEndMarker
        self.streamError = streamError
        self.parseErrors = parseErrors
        self.serverTimings = serverTimings
        self.firstAnswerAt = firstAnswerAt
        self.reasoningDeltaCount = reasoningDeltaCount
    }

    /// Records one token-bearing event received at `time` (monotonic ns) holding `deltas`
    /// non-empty deltas (one per choice) of `kind`: one token stamp, the delta counts and, for an
    /// answer or tool-call delta, the first answer time.
    public mutating func recordToken(_ kind: DeltaKind, deltas: Int = 1, at time: UInt64) {
        deltaCount += deltas
        tokens.append(time)
        if kind == .reasoning {
            reasoningDeltaCount += deltas
        } else if firstAnswerAt == nil {
            firstAnswerAt = time
        }
    }

    /// Output tokens (count): the server's `completion_tokens` when reported, else ``deltaCount``.
    public var outputTokens: Int { usage?.completionTokens ?? deltaCount }

    /// Output tokens (count) for judging a response against its `max_tokens`: the larger of the
    /// server's count and the token-bearing deltas received, so a server that under-reports its
    /// usage is still caught.
    public var outputTokensSeen: Int { max(usage?.completionTokens ?? 0, deltaCount) }

    /// Where ``outputTokens`` came from.
    public var tokenSource: TokenSource { usage?.completionTokens != nil ? .usage : .deltas }

    /// Monotonic time (ns) of the first token-bearing event, or `nil` when none arrived.
    public var firstTokenAt: UInt64? { tokens.first }
}
