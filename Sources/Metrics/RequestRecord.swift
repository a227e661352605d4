/// Everything measured about one request: one row of `requests.csv`.
///
/// Times named `…_s` are seconds since the run started; times named `…_ms` are milliseconds since
/// the request's start (its actual send), all from the monotonic clock. `nil` means "did not happen"
/// (no token arrived, no TLS) and is written as an empty cell.
public struct RequestRecord: Sendable, Equatable {
    /// The run's id.
    public var runID: String
    /// Target name from the scenario.
    public var target: String
    /// Load level label, e.g. `c8` for concurrency 8.
    public var loadLevel: String
    /// Which repeat of the load level sent it, from 1 (1 when the level ran once).
    public var repetition: Int
    /// Request number within the target, load level and repeat, from 0; also the workload item
    /// index (every repeat sends the same items).
    public var requestID: Int
    /// When the request was due to be sent, seconds since run start.
    public var scheduledS: Double
    /// When it was actually sent, seconds since run start.
    public var startS: Double
    /// Response head received (time to first byte), ms.
    public var ttfbMs: Double?
    /// First token-bearing event, ms.
    public var ttftMs: Double?
    /// First event carrying answer text or tool-call arguments (after any reasoning), ms: the time
    /// to first answer token.
    public var ttfatMs: Double?
    /// Last token-bearing event, ms.
    public var e2eMs: Double?
    /// Mean time per output token after the first, ms: (e2e − ttft) / (output_tokens − 1).
    public var tpotMs: Double?
    /// Median gap between successive token-bearing events, ms.
    public var itlP50Ms: Double?
    /// Largest gap between successive token-bearing events, ms.
    public var itlMaxMs: Double?
    /// From start until the response ended or failed (usage chunk and end marker included), ms.
    public var durationMs: Double
    /// Prompt tokens as the server counted them (usage), if reported.
    public var promptTokens: Int?
    /// Output tokens.
    public var outputTokens: Int
    /// Of ``outputTokens``, those spent reasoning (the server's count, else reasoning deltas); nil
    /// when the response showed no reasoning and the server reported no reasoning count.
    public var reasoningTokens: Int?
    /// ``outputTokens`` less ``reasoningTokens``; nil when ``reasoningTokens`` is.
    public var answerTokens: Int?
    /// `usage` (server's count) or `deltas` (counted token-bearing deltas).
    public var tokenSource: String
    /// Number of token-bearing events received.
    public var tokenEvents: Int
    /// How the request ended.
    public var status: Outcome
    /// HTTP status code, 0 when no response arrived.
    public var httpStatus: Int
    /// Short error text (server message or transport error), empty when ok. Never holds secrets.
    public var error: String
    /// curl: name resolution done, ms from curl's start of the transfer.
    public var dnsMs: Double?
    /// curl: TCP connected, ms from curl's start of the transfer.
    public var connectMs: Double?
    /// curl: TLS handshake done, ms from curl's start of the transfer.
    public var tlsMs: Double?
    /// Whether a kept-alive connection was reused.
    public var connectionReused: Bool
    /// HTTP version spoken (`1.1`, `2`).
    public var httpVersion: String
    /// HTTP 429 responses retried before this outcome (retry mode only; latencies count from the
    /// first attempt).
    public var retries: Int
    /// Sent during the level's warm-up: kept in the file, left out of summaries.
    public var warmup: Bool
    /// Server-reported prompt processing time, ms (llama.cpp `timings.prompt_ms`, Ollama
    /// `prompt_eval_duration`).
    public var serverPromptMs: Double?
    /// Server-reported generation time, ms (llama.cpp `timings.predicted_ms`, Ollama `eval_duration`).
    public var serverDecodeMs: Double?
    /// Server-reported whole-request time, ms (Ollama `total_duration`).
    public var serverTotalMs: Double?
    /// Server-reported model load time, ms (Ollama `load_duration`).
    public var serverLoadMs: Double?
    /// Events in the response that could not be parsed.
    public var parseErrors: Int
    /// How the answer was judged; nil when it was not scored.
    public var quality: QualityVerdict?
    /// The answer's score, 0…1: 1 or 0 against an expected answer, the token-overlap F1 against a
    /// reference target's answer; nil when not scored.
    public var qualityScore: Double?
    /// Tool calls in the response; nil when the request offered no tools.
    public var toolCalls: Int?
    /// Whether every tool call's arguments parsed as JSON and validated against the called
    /// function's schema; nil when there was no tool call.
    public var toolArgsValid: Bool?
    /// Whether the answer validated against the requested output schema (structured output); nil
    /// when the request asked for none or did not succeed.
    public var schemaValid: Bool?
    /// What the request asked for: a generation, embeddings or a rerank.
    public var requestKind: RequestKind = .generation
    /// Inputs the request carried: texts embedded, or documents reranked; nil for a generation.
    public var inputs: Int?
    /// Position of the request within its multi-request task (an agent's turn, a pipeline's step),
    /// from 0; 0 for a request that is a whole task.
    public var step: Int = 0
    /// On the last request of a multi-request task: ms from the send of its first request to the
    /// end of its last (tool results and the client's own time between requests included); nil on
    /// every other row.
    public var taskMs: Double?
    /// The answer's text, kept only when the scenario saves responses (`responses.jsonl`); never
    /// written to `requests.csv`.
    public var answer: String?

    /// Creates a record; optional measurements default to absent.
    public init(
        runID: String, target: String, loadLevel: String, repetition: Int = 1, requestID: Int, scheduledS: Double, startS: Double,
        ttfbMs: Double? = nil, ttftMs: Double? = nil, e2eMs: Double? = nil, tpotMs: Double? = nil,
        itlP50Ms: Double? = nil, itlMaxMs: Double? = nil, durationMs: Double, promptTokens: Int? = nil,
        outputTokens: Int = 0, tokenSource: String = "", tokenEvents: Int = 0, status: Outcome, httpStatus: Int = 0,
        error: String = "", dnsMs: Double? = nil, connectMs: Double? = nil, tlsMs: Double? = nil,
        connectionReused: Bool = false, httpVersion: String = "", serverPromptMs: Double? = nil,
        serverDecodeMs: Double? = nil, serverTotalMs: Double? = nil, serverLoadMs: Double? = nil,
        parseErrors: Int = 0, warmup: Bool = false, retries: Int = 0, quality: QualityVerdict? = nil,
        qualityScore: Double? = nil
    ) {
        self.runID = runID
        self.target = target
        self.loadLevel = loadLevel
        self.repetition = repetition
        self.requestID = requestID
        self.scheduledS = scheduledS
        self.startS = startS
        self.ttfbMs = ttfbMs
        self.ttftMs = ttftMs
        self.e2eMs = e2eMs
        self.tpotMs = tpotMs
        self.itlP50Ms = itlP50Ms
        self.itlMaxMs = itlMaxMs
        self.durationMs = durationMs
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
        self.tokenSource = tokenSource
        self.tokenEvents = tokenEvents
        self.status = status
        self.httpStatus = httpStatus
        self.error = error
        self.dnsMs = dnsMs
        self.connectMs = connectMs
        self.tlsMs = tlsMs
        self.connectionReused = connectionReused
        self.httpVersion = httpVersion
        self.serverPromptMs = serverPromptMs
        self.serverDecodeMs = serverDecodeMs
        self.serverTotalMs = serverTotalMs
        self.serverLoadMs = serverLoadMs
        self.parseErrors = parseErrors
        self.warmup = warmup
        self.retries = retries
        self.quality = quality
        self.qualityScore = qualityScore
    }

    /// How late the request was sent relative to its schedule, ms (`start_s − scheduled_s`).
    public var sendLagMs: Double { max(0, (startS - scheduledS) * 1000) }

    /// Time to first token counted from the scheduled send time, ms: what a user arriving on
    /// schedule waited, client-side queueing included (coordinated omission corrected).
    public var ttftFromScheduledMs: Double? { ttftMs.map { $0 + sendLagMs } }

    /// End-to-end latency counted from the scheduled send time, ms.
    public var e2eFromScheduledMs: Double? { e2eMs.map { $0 + sendLagMs } }
}
