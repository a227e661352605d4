extension EngineProfile {
    /// The faults the simulator injects, so a client's handling of each failure class can be
    /// tested on demand. Everything is off by default.
    ///
    /// Rates are per-request probabilities (0…1), each drawn at arrival from its own seeded stream
    /// (``EngineProfile/seed`` and the arrival ordinal), so a run is reproducible and turning one
    /// fault on does not change which requests get another. ``FaultPlan`` holds one request's draws.
    ///
    /// Rejections (`error_rate` 500, then 429, then 503) replace the response. Stream faults count
    /// output tokens: a fault "after N tokens" fires when token N+1 is due, so an output that ends
    /// sooner is unaffected. Non-streaming requests get the same faults in their own form (see
    /// ``FaultPlan``).
    ///
    /// Every dialect gets every fault in its provider's shape: the error bodies and statuses of
    /// each API (Anthropic answers the unavailable fault 529 `overloaded_error`, Bedrock names the
    /// exception in `x-amzn-ErrorType`), an error event, line or exception frame inside the stream,
    /// and a malformed SSE event, NDJSON line or event-stream frame. The examples below are the
    /// OpenAI-compatible ones.
    public struct FaultOptions: Sendable, Equatable {
        /// Fraction (0…1) of requests answered HTTP 429 (OpenAI's `rate_limit_exceeded` body) with
        /// a `Retry-After` header (Gemini: a `RetryInfo` detail; Bedrock: `ThrottlingException`).
        public var rateLimitRate: Double = 0
        /// The `Retry-After` of a 429, in whole seconds (≥ 0).
        public var retryAfterSeconds: Int = 1
        /// When true, `Retry-After` is an HTTP-date (now + ``retryAfterSeconds``) instead of seconds.
        public var retryAfterDate: Bool = false
        /// Fraction (0…1) of requests answered HTTP 503 with an error body (Anthropic: 529).
        public var unavailableRate: Double = 0
        /// Fraction (0…1) of requests whose connection is closed after ``disconnectAfterTokens``
        /// tokens, with no end event (`[DONE]`, `message_stop`, `done`) and no terminating chunk.
        public var disconnectRate: Double = 0
        /// Output tokens sent before an injected disconnect (≥ 0).
        public var disconnectAfterTokens: Int = 5
        /// Fraction (0…1) of requests whose stream goes silent for ``stallSeconds`` after
        /// ``stallAfterTokens`` tokens, then continues normally. The sequence keeps its slot.
        public var stallRate: Double = 0
        /// Output tokens sent before an injected stall (≥ 0; 0 stalls before the first token).
        public var stallAfterTokens: Int = 3
        /// Length of an injected stall, in seconds (≥ 0).
        public var stallSeconds: Double = 5
        /// Fraction (0…1) of requests where one token event's data is truncated JSON, cut where
        /// the token's text would start (the second token's, or the only one's), still framed as a
        /// proper event, line or checksummed frame; the stream otherwise runs to its end.
        public var malformedRate: Double = 0
        /// Fraction (0…1) of requests whose stream reports an error (HTTP status stays 200) after
        /// ``streamErrorAfterTokens`` tokens and ends: an `{"error":…}` event then `[DONE]` as vLLM
        /// does, Anthropic's `error` event, Ollama's `{"error":…}` line, Gemini's error chunk,
        /// Bedrock's `modelStreamErrorException` frame.
        public var streamErrorRate: Double = 0
        /// Output tokens sent before an injected stream error (≥ 0).
        public var streamErrorAfterTokens: Int = 2
        /// Delay before every generation response's head is sent, in milliseconds (≥ 0); the
        /// request reaches the engine only after it.
        public var slowHeadersMs: Double = 0
        /// Fraction (0…1) of requests where one token event (the second, or the only one) carries
        /// a content delta of ``largeEventBytes`` bytes; it still counts as one token.
        public var largeEventRate: Double = 0
        /// Size of an injected large content delta, in bytes (1 … 64 MiB; default 1 MiB).
        public var largeEventBytes: Int = 1 << 20
        /// Extra delay before every request's first token, in milliseconds (≥ 0); the sequence
        /// holds its slot meanwhile.
        public var firstTokenDelayMs: Double = 0

        /// No faults.
        public init() {}

        /// Largest accepted ``largeEventBytes``.
        static let maxLargeEventBytes = 64 << 20

        /// The snake_case names of the fault options, in declaration order.
        static let optionNames: [String] = [
            "rate_limit_rate", "retry_after_seconds", "retry_after_date", "unavailable_rate",
            "disconnect_rate", "disconnect_after_tokens", "stall_rate", "stall_after_tokens", "stall_seconds",
            "malformed_rate", "stream_error_rate", "stream_error_after_tokens", "slow_headers_ms",
            "large_event_rate", "large_event_bytes", "first_token_delay_ms",
        ]

        /// Sets the fault option `name` from `text` (already trimmed).
        ///
        /// - Throws: ``OptionError`` for an unknown name or a bad value.
        mutating func set(_ name: String, text: String) throws(OptionError) {
            switch name {
            case "rate_limit_rate": rateLimitRate = try EngineProfile.parseProbability(name, text)
            case "retry_after_seconds": retryAfterSeconds = try EngineProfile.parseInt(name, text, atLeast: 0)
            case "retry_after_date": retryAfterDate = try Self.parseBool(name, text)
            case "unavailable_rate": unavailableRate = try EngineProfile.parseProbability(name, text)
            case "disconnect_rate": disconnectRate = try EngineProfile.parseProbability(name, text)
            case "disconnect_after_tokens": disconnectAfterTokens = try EngineProfile.parseInt(name, text, atLeast: 0)
            case "stall_rate": stallRate = try EngineProfile.parseProbability(name, text)
            case "stall_after_tokens": stallAfterTokens = try EngineProfile.parseInt(name, text, atLeast: 0)
            case "stall_seconds": stallSeconds = try EngineProfile.parseDouble(name, text)
            case "malformed_rate": malformedRate = try EngineProfile.parseProbability(name, text)
            case "stream_error_rate": streamErrorRate = try EngineProfile.parseProbability(name, text)
            case "stream_error_after_tokens": streamErrorAfterTokens = try EngineProfile.parseInt(name, text, atLeast: 0)
            case "slow_headers_ms": slowHeadersMs = try EngineProfile.parseDouble(name, text)
            case "large_event_rate": largeEventRate = try EngineProfile.parseProbability(name, text)
            case "large_event_bytes":
                let bytes = try EngineProfile.parseInt(name, text, atLeast: 1)
                guard bytes <= Self.maxLargeEventBytes else {
                    throw .badValue(name, text, expected: "a whole number from 1 to \(Self.maxLargeEventBytes)")
                }
                largeEventBytes = bytes
            case "first_token_delay_ms": firstTokenDelayMs = try EngineProfile.parseDouble(name, text)
            default: throw .unknownName(name)
            }
        }

        /// `true`/`false` (also `yes`/`no`, `on`/`off`, `1`/`0`), any case.
        private static func parseBool(_ name: String, _ text: String) throws(OptionError) -> Bool {
            switch text.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: throw .badValue(name, text, expected: "true or false")
            }
        }
    }
}
