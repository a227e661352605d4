/// Aggregates of one target at one load level (or one repeat of it), built record by record.
///
/// Throughput counts successful requests only, over the level's wall time: from its first
/// measured send to its last response end; a summary pooling a level's repeats (``pool(_:)``)
/// counts the sum of the repeats' wall times, not the span from the first to the last. Latency distributions hold successful requests only.
/// Warm-up requests are counted in ``warmupRequests`` and nowhere else. Times are taken at the
/// microsecond, the precision of `requests.csv`, so a summary rebuilt from that file is the same.
public struct LevelSummary: Sendable, Codable {
    /// Target name.
    public var target: String
    /// Load level label.
    public var loadLevel: String
    /// The repeat this summary covers (1…N) when its level ran more than once; nil for a summary
    /// of the whole level (its only run, or all its repeats pooled).
    public var repetition: Int?
    /// Requests finished, whatever their outcome, warm-up excluded.
    public private(set) var requests = 0
    /// Warm-up requests (in the file, not in these figures).
    public private(set) var warmupRequests = 0
    /// Workload items sent, warm-up included: records of step 0 (an agent task's or a pipeline's
    /// later requests are the same item), so digests cover the items every target was given.
    public private(set) var items = 0
    /// Why the level stopped early (error-rate guard), if it did.
    public var abortReason: String?
    /// SHA-256 of the work sent at this level (prompts and schedule), set when the level ends.
    public var workloadDigest: String?
    /// Requests per outcome.
    public private(set) var outcomes: [Outcome: Int] = [:]
    /// Prompt tokens of successful requests (server counts where reported).
    public private(set) var promptTokens = 0
    /// Output tokens of successful requests.
    public private(set) var outputTokens = 0
    /// Inputs of successful embedding and rerank requests (texts embedded, documents reranked).
    public private(set) var inputs = 0
    /// Time to first token, successful requests.
    public private(set) var ttft = LatencyDistribution()
    /// Time per output token, successful requests with more than one token.
    public private(set) var tpot = LatencyDistribution()
    /// Inter-token gaps, every gap of every successful request.
    public private(set) var itl = LatencyDistribution()
    /// End-to-end latency, successful requests.
    public private(set) var e2e = LatencyDistribution()
    /// Time to first token from the scheduled send time, successful requests.
    public private(set) var ttftFromScheduled = LatencyDistribution()
    /// End-to-end latency from the scheduled send time, successful requests.
    public private(set) var e2eFromScheduled = LatencyDistribution()
    /// How late requests were sent against their schedule, every request.
    public private(set) var sendLag = LatencyDistribution()
    /// The stretches of sending measured: one per run of the level (repeats pooled in add theirs);
    /// requests go to the last.
    private var windows = [SendWindow()]

    /// Power, energy and engine figures over the level's window, when telemetry was on.
    public var telemetry: LevelTelemetry?

    /// The level's steps summarised apart (a rate profile's), each under its own label; empty for
    /// a level in one piece.
    public var steps: [LevelSummary] = []

    /// Per-request SLOs for goodput; nil when the scenario sets none.
    public let goodputCriteria: GoodputCriteria?
    /// Successful requests that met every per-request SLO.
    public private(set) var goodRequests = 0
    /// Verdicts of the successful requests that were scored for quality.
    public private(set) var quality = QualityTally()
    /// Successful requests that called tools, and those whose arguments were all valid.
    public private(set) var toolCalls = ValidityTally()
    /// Whole-task latency (``RequestRecord/taskMs``) of every record that carries one, whatever
    /// produced it (an agent loop, a pipeline): one value per finished task.
    public private(set) var task = LatencyDistribution()
    /// Structured-output verdicts of the successful requests that asked for a schema.
    public private(set) var schemaValidity = ValidityTally()
    /// Time to first answer token, successful requests that got an answer.
    public private(set) var ttfat = LatencyDistribution()
    /// Reasoning tokens of successful requests (those that reported or showed reasoning).
    public private(set) var reasoningTokens = 0
    /// Successful requests with a reasoning count (``RequestRecord/reasoningTokens`` set).
    public private(set) var reasoningRequests = 0

    /// An empty summary; `goodput` sets the per-request SLOs that ``goodputPerSecond`` counts.
    public init(target: String, loadLevel: String, repetition: Int? = nil, goodput: GoodputCriteria? = nil) {
        self.target = target
        self.loadLevel = loadLevel
        self.repetition = repetition
        goodputCriteria = goodput
    }

    /// Adds one request; `gapsNs` are its inter-token gaps.
    public mutating func add(_ record: RequestRecord, gapsNs: [UInt64]) {
        if record.step == 0 { items += 1 }
        if record.warmup {
            warmupRequests += 1
            return
        }
        requests += 1
        // Times at the precision requests.csv keeps (microseconds), so that a summary rebuilt
        // from the file (`repat report`, `compare`) equals this one figure for figure.
        let startS = Self.microseconds(record.startS)
        let lagMs = max(0, (startS - Self.microseconds(record.scheduledS)) * 1000)
        sendLag.record(ms: lagMs)
        outcomes[record.status, default: 0] += 1
        windows[windows.count - 1].add(startS: startS, endS: startS + Self.thousandths(record.durationMs) / 1000)
        if let taskMs = record.taskMs { task.record(ms: Self.thousandths(taskMs)) }
        guard record.status.isSuccess else { return }
        if goodputCriteria?.isMet(by: record) == true { goodRequests += 1 }
        quality.add(record.quality)
        toolCalls.add(record.toolArgsValid)
        schemaValidity.add(record.schemaValid)
        promptTokens += record.promptTokens ?? 0
        outputTokens += record.outputTokens
        inputs += record.inputs ?? 0
        let ttftMs = record.ttftMs.map(Self.thousandths)
        let e2eMs = record.e2eMs.map(Self.thousandths)
        if let ttftMs { ttft.record(ms: ttftMs) }
        if let ttfatMs = record.ttfatMs { ttfat.record(ms: Self.thousandths(ttfatMs)) }
        if let reasoning = record.reasoningTokens {
            reasoningTokens += reasoning
            reasoningRequests += 1
        }
        if let value = record.tpotMs { tpot.record(ms: value) }
        if let e2eMs { e2e.record(ms: e2eMs) }
        if let ttftMs { ttftFromScheduled.record(ms: ttftMs + lagMs) }
        if let e2eMs { e2eFromScheduled.record(ms: e2eMs + lagMs) }
        for gap in gapsNs { itl.record(ns: gap) }
    }

    /// Adds everything another summary of the same target and level holds (workers keep their own
    /// summaries while running and share nothing; they are merged at the end): the same stretch of
    /// sending, so the wall time spans both.
    public mutating func merge(_ other: LevelSummary) {
        addCounts(of: other)
        telemetry = telemetry ?? other.telemetry
        windows[windows.count - 1].merge(other.windows[other.windows.count - 1])
    }

    /// Adds another run of the same target and level (a repeat): requests, outcomes and
    /// distributions pool, and its wall time adds to this one's instead of spanning the gap between
    /// them (the other targets' repeats ran there). The first abort reason is kept; telemetry is
    /// left to the caller (see `LevelTelemetry.pooled`).
    public mutating func pool(_ other: LevelSummary) {
        addCounts(of: other)
        windows = windows.filter { $0.requests > 0 } + other.windows.filter { $0.requests > 0 }
        if windows.isEmpty { windows = [SendWindow()] }
    }

    private mutating func addCounts(of other: LevelSummary) {
        requests += other.requests
        warmupRequests += other.warmupRequests
        items += other.items
        goodRequests += other.goodRequests
        quality.merge(other.quality)
        toolCalls.merge(other.toolCalls)
        task.merge(other.task)
        schemaValidity.merge(other.schemaValidity)
        abortReason = abortReason ?? other.abortReason
        outcomes.merge(other.outcomes, uniquingKeysWith: +)
        promptTokens += other.promptTokens
        outputTokens += other.outputTokens
        inputs += other.inputs
        ttft.merge(other.ttft)
        tpot.merge(other.tpot)
        itl.merge(other.itl)
        e2e.merge(other.e2e)
        ttftFromScheduled.merge(other.ttftFromScheduled)
        e2eFromScheduled.merge(other.e2eFromScheduled)
        sendLag.merge(other.sendLag)
        ttfat.merge(other.ttfat)
        reasoningTokens += other.reasoningTokens
        reasoningRequests += other.reasoningRequests
    }

    /// The same summary on another time base: its window moved by `seconds` (a shard's level,
    /// moved to the merged run's start). Seconds are rounded to the microsecond, as
    /// `requests.csv` writes them.
    public func shifted(bySeconds seconds: Double) -> LevelSummary {
        var shifted = self
        shifted.windows = windows.map { window in
            var moved = window
            moved.firstStartS = Self.microseconds(window.firstStartS + seconds)
            moved.lastStartS = Self.microseconds(window.lastStartS + seconds)
            moved.lastEndS = Self.microseconds(window.lastEndS + seconds)
            return moved
        }
        return shifted
    }

    /// Seconds rounded to the microsecond, as `requests.csv` writes them (six decimals).
    private static func microseconds(_ seconds: Double) -> Double {
        (seconds * 1e6).rounded() / 1e6
    }

    /// Milliseconds rounded to the microsecond, as `requests.csv` writes them (three decimals).
    private static func thousandths(_ milliseconds: Double) -> Double {
        (milliseconds * 1000).rounded() / 1000
    }

    /// Successful requests.
    public var succeeded: Int { outcomes[.ok, default: 0] }

    /// Requests that did not succeed.
    public var failed: Int { requests - succeeded }

    /// Wall time of the level, seconds (0 before any request); for pooled repeats, the sum of
    /// theirs.
    public var durationS: Double { windows.reduce(0) { $0 + $1.durationS } }

    /// The window ``durationS`` measures: first measured send to last response end, in seconds
    /// since the run started (as `start_s` in `requests.csv`); nil before any request, and for
    /// pooled repeats (several windows).
    public var measuredWindowS: ClosedRange<Double>? {
        guard windows.count == 1, let window = windows.first, window.requests > 0, window.lastEndS >= window.firstStartS else { return nil }
        return window.firstStartS...window.lastEndS
    }

    /// The rate at which requests were actually sent, per second: (requests − 1) over the time
    /// from the first send to the last; compare with an open-loop level's requested rate. For
    /// pooled repeats, their send intervals over their sending times.
    public var sendRate: Double? {
        let sending = windows.filter { $0.requests > 1 && $0.lastStartS > $0.firstStartS }
        let spanS = sending.reduce(0) { $0 + ($1.lastStartS - $1.firstStartS) }
        guard spanS > 0 else { return nil }
        return Double(sending.reduce(0) { $0 + $1.requests - 1 }) / spanS
    }

    /// Requests per second that met every per-request SLO (DistServe's goodput); nil without
    /// per-request SLOs.
    public var goodputPerSecond: Double? {
        goodputCriteria == nil ? nil : rate(Double(goodRequests))
    }

    /// Successful requests per second.
    public var requestsPerSecond: Double { rate(Double(succeeded)) }

    /// Output tokens per second (successful requests).
    public var outputTokensPerSecond: Double { rate(Double(outputTokens)) }

    /// Embedding and rerank inputs per second (successful requests); nil for a level that sent
    /// none (generations only).
    public var inputsPerSecond: Double? {
        inputs > 0 ? rate(Double(inputs)) : nil
    }

    /// Prompt tokens per second (successful requests).
    public var inputTokensPerSecond: Double { rate(Double(promptTokens)) }

    private func rate(_ amount: Double) -> Double {
        durationS > 0 ? amount / durationS : 0
    }
}

/// One stretch of sending: first and last measured send, last response end (seconds since the
/// run started) and the requests in it.
private struct SendWindow: Sendable, Codable {
    var firstStartS = Double.infinity
    var lastStartS = -Double.infinity
    var lastEndS = -Double.infinity
    var requests = 0

    mutating func add(startS: Double, endS: Double) {
        requests += 1
        firstStartS = min(firstStartS, startS)
        lastStartS = max(lastStartS, startS)
        lastEndS = max(lastEndS, endS)
    }

    mutating func merge(_ other: SendWindow) {
        requests += other.requests
        firstStartS = min(firstStartS, other.firstStartS)
        lastStartS = max(lastStartS, other.lastStartS)
        lastEndS = max(lastEndS, other.lastEndS)
    }

    var durationS: Double { requests == 0 ? 0 : max(0, lastEndS - firstStartS) }
}
