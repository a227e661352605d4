/// The engine's state at one instant, as `GET /metrics` exposes it.
struct EngineSnapshot: Sendable, Equatable {
    /// Sequences holding an engine slot (prefilling or decoding).
    var running: Int
    /// Requests waiting in the admission queue, preempted ones included.
    var waiting: Int
    /// Fraction (0…1) of the KV cache held by running sequences.
    var cacheUsage: Double
    /// Sequences preempted since start.
    var preemptions: Int
    /// Tokens, finished requests and latency histograms since start.
    var counters: ServingCounters
}
