/// What one `repat selfbench` measures and for how long. ``quick`` keeps the whole benchmark under
/// about a minute; ``full`` takes a few minutes and reaches 10,000 streams.
public struct SelfBenchSettings: Sendable, Equatable {
    /// Concurrent streams of the timestamp-error step, one step each (e.g. 1, 100, 1,000, 10,000).
    public var streamCounts: [Int]
    /// Seconds each measured step runs (after its streams have opened).
    public var stepSeconds: Double
    /// Aggregate token rate the paced simulator produces across all streams of a timestamp-error
    /// step, tokens/s: each stream's inter-token latency is `streams / rate` (at least
    /// ``minimumInterTokenMs``), so large stream counts test many open streams, not a flood.
    public var pacedTokensPerSecond: Double
    /// Shortest inter-token latency of a paced stream, milliseconds.
    public var minimumInterTokenMs: Double
    /// Concurrencies of the client-ceiling step against the zero-latency simulator.
    public var ceilingConcurrencies: [Int]
    /// Requested rate of the open-loop Poisson schedule-fidelity step, requests/s.
    public var scheduleRate: Double
    /// Requests in the schedule-fidelity step.
    public var scheduleRequests: Int
    /// Prompt length of the long-prompt case, tokens (one word each).
    public var longPromptTokens: Int
    /// Size of the content of each large SSE event, bytes.
    public var largeEventBytes: Int
    /// Concurrent streams of each large-payload case.
    public var payloadStreams: Int
    /// Event-loop threads of the simulator.
    public var simulatorThreads: Int
    /// The `repat` executable to run the timestamp-error steps' simulator from, as a child process
    /// (`repat simulate`): each stream then costs this process one descriptor, not two, and the
    /// simulator's CPU is the child's. Nil: every simulator runs in this process.
    public var simulatorExecutable: String?

    /// Creates settings.
    public init(
        streamCounts: [Int], stepSeconds: Double, pacedTokensPerSecond: Double, minimumInterTokenMs: Double,
        ceilingConcurrencies: [Int], scheduleRate: Double, scheduleRequests: Int, longPromptTokens: Int,
        largeEventBytes: Int, payloadStreams: Int, simulatorThreads: Int, simulatorExecutable: String? = nil
    ) {
        self.streamCounts = streamCounts
        self.stepSeconds = stepSeconds
        self.pacedTokensPerSecond = pacedTokensPerSecond
        self.minimumInterTokenMs = minimumInterTokenMs
        self.ceilingConcurrencies = ceilingConcurrencies
        self.scheduleRate = scheduleRate
        self.scheduleRequests = scheduleRequests
        self.longPromptTokens = longPromptTokens
        self.largeEventBytes = largeEventBytes
        self.payloadStreams = payloadStreams
        self.simulatorThreads = simulatorThreads
        self.simulatorExecutable = simulatorExecutable
    }

    /// The full benchmark: 1, 100, 1,000 and 10,000 streams, 5 s steps, 128K-token prompts and
    /// 96 KiB events (a few minutes).
    public static let full = SelfBenchSettings(
        streamCounts: [1, 100, 1_000, 10_000], stepSeconds: 5, pacedTokensPerSecond: 20_000, minimumInterTokenMs: 10,
        ceilingConcurrencies: [1, 8, 64], scheduleRate: 500, scheduleRequests: 5_000, longPromptTokens: 131_072,
        largeEventBytes: 96 * 1024, payloadStreams: 4, simulatorThreads: 1
    )

    /// The quick benchmark for CI-like use: the same sections at 1, 100 and 1,000 streams with
    /// 2 s steps (under about a minute).
    public static let quick = SelfBenchSettings(
        streamCounts: [1, 100, 1_000], stepSeconds: 2, pacedTokensPerSecond: 10_000, minimumInterTokenMs: 10,
        ceilingConcurrencies: [1, 16], scheduleRate: 200, scheduleRequests: 600, longPromptTokens: 131_072,
        largeEventBytes: 96 * 1024, payloadStreams: 4, simulatorThreads: 1
    )

    /// Inter-token latency of a paced stream at `streams` concurrent streams, milliseconds.
    public func interTokenMs(streams: Int) -> Double {
        max(minimumInterTokenMs, Double(streams) / pacedTokensPerSecond * 1000)
    }
}
