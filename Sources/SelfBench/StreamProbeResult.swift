import LoadGen
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

/// One token's ground truth: when the simulator wrote it and when the client's write callback
/// stamped the bytes that carried it (monotonic ns).
struct TokenStamp: Sendable {
    var writtenAt: UInt64
    var receivedAt: UInt64
}

/// What a ``StreamProbe`` measured over all its streams.
struct StreamProbeResult: Sendable {
    /// The summed counts.
    var counts = StreamCounts()
    /// Client receive time minus server write time, per token written in steady state.
    var timestampError = LatencyDistribution()
    /// Most streams with a response head received and not yet ended, at once.
    var peakOpenStreams = 0
    /// How long after the ramp the steady state began (every stream open, then the settle time).
    var steadyAfterRampSeconds = 0.0
    /// CPU readings at both ends of the measured stretch (nil if the probe was cut short).
    var window: WindowReadings?

    /// The clocks at the start and end of the measured stretch.
    struct WindowReadings: Sendable {
        var start: ClientCPUMeter.Reading
        var end: ClientCPUMeter.Reading
        /// CPU seconds of a server in another process over the stretch, when known.
        var serverCPUSeconds: Double?
    }
}

/// A probe's running totals, shared by its stream tasks and touched once per finished request.
final class ProbeTally: Sendable {
    private struct Totals {
        var counts = StreamCounts()
        var stamps: [TokenStamp] = []
    }

    private let state = Mutex(Totals())

    /// Adds one request's counts and its tokens' stamps.
    func add(_ counts: StreamCounts, stamps: [TokenStamp]) {
        state.withLock { totals in
            totals.counts.add(counts)
            totals.stamps.append(contentsOf: stamps)
        }
    }

    /// The totals, with the timestamp errors of the tokens written from `start` until `end` (the
    /// measured stretch: not the connection storm before it, nor the cancellations after it).
    func result(countingFrom start: UInt64, until end: UInt64) -> StreamProbeResult {
        state.withLock { totals in
            var result = StreamProbeResult(counts: totals.counts)
            for stamp in totals.stamps where stamp.writtenAt >= start && stamp.writtenAt < end {
                result.timestampError.record(ns: stamp.receivedAt &- stamp.writtenAt)
            }
            return result
        }
    }
}
