/// Counters a test (or a curious CLI) can read from a running ``SimulatorServer``.
public struct SimulatorStatistics: Sendable, Equatable {
    /// Generation requests that ran to their last token and were answered in full.
    public var requestsServed: Int
    /// Requests answered HTTP 500 because of ``EngineProfile/errorRate``.
    public var errorsInjected: Int
    /// Most sequences ever running (prefilling or decoding) at once.
    public var peakRunning: Int
    /// Most requests ever waiting in the admission queue at once.
    public var peakWaiting: Int

    /// Statistics with the given counts.
    public init(requestsServed: Int = 0, errorsInjected: Int = 0, peakRunning: Int = 0, peakWaiting: Int = 0) {
        self.requestsServed = requestsServed
        self.errorsInjected = errorsInjected
        self.peakRunning = peakRunning
        self.peakWaiting = peakWaiting
    }
}
