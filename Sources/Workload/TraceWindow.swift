/// Which part of a trace a level replays, and how fast.
public struct TraceWindow: Sendable, Equatable {
    /// Trace time where replay starts, seconds after the first request (0: the start).
    public var from: Double
    /// Trace time where it ends (exclusive); nil: the end.
    public var to: Double?
    /// Time scale: 10 replays ten seconds of trace in one.
    public var speedup: Double

    /// Creates a window.
    public init(from: Double = 0, to: Double? = nil, speedup: Double = 1) {
        self.from = from
        self.to = to
        self.speedup = speedup
    }

    /// The requests inside the window with their intended send times, nanoseconds after the
    /// level's start: (trace time − `from`) ÷ `speedup`.
    public func schedule(_ requests: [TraceRequest]) -> [(request: TraceRequest, offsetNs: UInt64)] {
        requests.compactMap { request in
            guard request.time >= from, to.map({ request.time < $0 }) ?? true else { return nil }
            return (request, UInt64(((request.time - from) / speedup * 1e9).rounded()))
        }
    }
}
