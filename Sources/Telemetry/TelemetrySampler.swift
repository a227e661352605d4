/// A source sampled on its own thread from ``start()`` to ``stop()``, delivering to a
/// ``TelemetryRecorder``.
protocol TelemetrySampler: Sendable {
    /// Begins sampling.
    func start()
    /// Ends sampling and waits for the sampler's thread to finish; idempotent.
    func stop()
}
