/// Counters a test (or a curious CLI) can read from a running ``SimulatorServer``.
public struct SimulatorStatistics: Sendable, Equatable {
    /// Generation requests that ran to their last token and were answered in full.
    public var requestsServed: Int
    /// Requests answered HTTP 500 because of ``EngineProfile/errorRate``.
    public var errorsInjected: Int
    /// Requests given any other fault of ``EngineProfile/faults`` (a 429, a 503, or a stream fault;
    /// counted at arrival, so a stream fault that never fired because the output ended first
    /// counts too). The delays every request gets do not count.
    public var faultsInjected: Int
    /// Most sequences ever running (prefilling or decoding) at once.
    public var peakRunning: Int
    /// Most requests ever waiting in the admission queue at once.
    public var peakWaiting: Int
    /// Sequences holding an engine slot now.
    public var running: Int
    /// Requests waiting in the admission queue now.
    public var waiting: Int
    /// Sequences preempted so far because the KV cache was full (see
    /// ``EngineProfile/kvCacheTokens``).
    public var preemptions: Int

    /// Statistics with the given counts.
    public init(
        requestsServed: Int = 0, errorsInjected: Int = 0, faultsInjected: Int = 0, peakRunning: Int = 0,
        peakWaiting: Int = 0, running: Int = 0, waiting: Int = 0, preemptions: Int = 0
    ) {
        self.requestsServed = requestsServed
        self.errorsInjected = errorsInjected
        self.faultsInjected = faultsInjected
        self.peakRunning = peakRunning
        self.peakWaiting = peakWaiting
        self.running = running
        self.waiting = waiting
        self.preemptions = preemptions
    }
}
