/// What the engine has done since it started, as vLLM counts it: prompt and generated tokens,
/// finished requests by reason, and latency histograms. A value, kept by ``Engine`` under its lock.
struct ServingCounters: Sendable, Equatable {
    /// Prompt tokens prefilled, counted once per request when its first token is produced.
    private(set) var promptTokens = 0
    /// Output tokens produced.
    private(set) var generationTokens = 0
    /// Prompt tokens looked up in the prefix cache (with prefix caching on).
    private(set) var prefixQueries = 0
    /// Of those, tokens found cached and not prefilled again.
    private(set) var prefixHits = 0
    /// Requests that ran to an end-of-sequence.
    private(set) var stopped = 0
    /// Requests that reached their maximum length.
    private(set) var reachedLength = 0
    /// Requests that left the engine unfinished: client gone or an injected stream fault.
    private(set) var aborted = 0
    /// Seconds from reaching the engine to the first token, per request.
    private(set) var timeToFirstToken = BucketHistogram(bounds: BucketHistogram.timeToFirstTokenBounds)
    /// Seconds from reaching the engine to the last token, per finished request.
    private(set) var requestLatency = BucketHistogram(bounds: BucketHistogram.requestLatencyBounds)

    /// Records one produced token; the first of a request also records its prompt and its time to
    /// first token, in seconds.
    mutating func recordToken(isFirst: Bool, promptTokens prompt: Int, secondsSinceArrival: Double) {
        generationTokens += 1
        if isFirst {
            promptTokens += prompt
            timeToFirstToken.observe(secondsSinceArrival)
        }
    }

    /// Records a prefix-cache lookup of `queried` prompt tokens, `hit` of them cached.
    mutating func recordPrefixLookup(queried: Int, hit: Int) {
        prefixQueries += queried
        prefixHits += hit
    }

    /// Records a request leaving the engine, `secondsSinceArrival` after it reached it.
    mutating func recordEnd(_ end: SequenceEnd, secondsSinceArrival: Double) {
        switch end {
        case .finished(.stop):
            stopped += 1
            requestLatency.observe(secondsSinceArrival)
        case .finished(.length):
            reachedLength += 1
            requestLatency.observe(secondsSinceArrival)
        case .abandoned:
            aborted += 1
        }
    }
}

/// How a sequence leaves the engine.
enum SequenceEnd: Sendable, Equatable {
    /// Its last token was produced, for this reason.
    case finished(FinishReason)
    /// It left unfinished: the client went away or an injected fault cut it.
    case abandoned
}
