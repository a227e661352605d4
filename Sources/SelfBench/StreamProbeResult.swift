import Metrics
import Synchronization

/// What one request, or a whole ``StreamProbe``, counted.
struct StreamCounts: Sendable, Equatable {
    /// Responses read to their end.
    var completed = 0
    /// Requests that failed (not counting those cancelled at the deadline).
    var failures = 0
    /// The first failure, one line.
    var firstFailure: String?
    /// Token events received (stamped events, or the decoder's token-bearing events).
    var tokenEvents = 0
    /// Token events that shared their read with another token event.
    var coalescedEvents = 0
    /// Response body bytes received.
    var bytesReceived = 0
    /// Request body bytes of the completed requests.
    var bytesSent = 0

    /// Adds another request's counts.
    mutating func add(_ other: StreamCounts) {
        completed += other.completed
        failures += other.failures
        firstFailure = firstFailure ?? other.firstFailure
        tokenEvents += other.tokenEvents
        coalescedEvents += other.coalescedEvents
        bytesReceived += other.bytesReceived
        bytesSent += other.bytesSent
    }

    /// Share of token events that arrived in a read together with another one (0…1).
    var coalescedFraction: Double {
        tokenEvents > 0 ? Double(coalescedEvents) / Double(tokenEvents) : 0
    }
}

/// What a ``StreamProbe`` measured over all its streams.
struct StreamProbeResult: Sendable {
    /// The summed counts.
    var counts = StreamCounts()
    /// Client receive time minus server write time, per token written after the ramp.
    var timestampError = LatencyDistribution()
    /// Most streams with a response head received and not yet ended, at once.
    var peakOpenStreams = 0

    /// Adds one request's counts.
    mutating func add(_ one: StreamCounts) {
        counts.add(one)
    }
}

/// A probe's running totals, shared by its stream tasks and touched once per finished request.
final class ProbeTally: Sendable {
    private let state = Mutex(StreamProbeResult())

    /// Adds one request's counts and its tokens' timestamp errors (nanoseconds).
    func add(_ counts: StreamCounts, timestampErrorsNs: [UInt64]) {
        state.withLock { result in
            result.add(counts)
            for error in timestampErrorsNs { result.timestampError.record(ns: error) }
        }
    }

    /// The totals so far.
    var result: StreamProbeResult { state.withLock { $0 } }
}
