import CurlTransport
import Dialects
import LoadGen
import Metrics
import Simulator
import Synchronization

/// Holds `streams` concurrent streams against a simulator, each sending its request again as soon
/// as the previous one ends, and measures what the client saw: per-token timestamp error against
/// the simulator's ground truth, events coalesced in one read, bytes, and the most streams open
/// at once.
///
/// It goes through the same transport and SSE parser as `repat run`, and reads each response on the
/// transport thread exactly as ``LoadRunner``'s requests do. Streams share nothing while running:
/// each request's figures are added to the tally once, when it ends.
struct StreamProbe: Sendable {
    /// How response bytes are read.
    enum Reading: Sendable {
        /// Split into SSE events; every event carrying a ground-truth stamp (see ``GroundTruth``)
        /// gives one timestamp error: the chunk's receive time minus the stamp.
        case groundTruth
        /// Through the dialect's own response decoder, as a run reads them (no stamps needed).
        case decode
    }

    let transport: CurlTransport
    let target: ResolvedTarget
    /// One request per stream, sent again and again (prompt building is not what is measured).
    let requests: [HTTPRequest]
    let reading: Reading

    /// Longest wait after the ramp for every stream to be open before the step is measured anyway.
    static let openWaitSeconds = 10.0

    /// Runs every stream (stream `k` of `n` starts at `rampSeconds · k / n`) until `seconds` of
    /// steady state have passed; then no stream starts another request, and those in flight are
    /// cancelled, or read to their end when `finishInFlight`.
    ///
    /// With `settleSeconds`, the measured stretch is steady state: it begins once every stream has
    /// received its response head (or ``openWaitSeconds`` after the ramp, if some stream never
    /// opens) and `settleSeconds` more have passed, and timestamp errors count only for tokens
    /// written from then until its end — the connection storm of the ramp and the cancellations
    /// after the end are not what a stream count's error describes. Without, it begins at the end
    /// of the ramp.
    ///
    /// The client's CPU (and the server's, through `serverCPUSeconds`, when it is another
    /// process) is read at both ends of the measured stretch (``StreamProbeResult/window``).
    func run(
        seconds: Double, rampSeconds: Double, settleSeconds: Double? = nil, finishInFlight: Bool = false,
        serverCPUSeconds: (@Sendable () -> Double)? = nil
    ) async -> StreamProbeResult {
        let tally = ProbeTally()
        let gauge = OpenStreams(expected: requests.count)
        let window = SteadyWindow()
        let start = MonotonicClock.now()
        let rampEnd = start + UInt64(rampSeconds * 1e9)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await Self.sleep(until: rampEnd)
                var steadyFrom = rampEnd
                if let settleSeconds {
                    let giveUp = rampEnd + UInt64(Self.openWaitSeconds * 1e9)
                    while gauge.allOpenAt == nil && MonotonicClock.now() < giveUp {
                        try? await Task.sleep(nanoseconds: 5_000_000)
                    }
                    steadyFrom = max(rampEnd, gauge.allOpenAt ?? MonotonicClock.now()) + UInt64(settleSeconds * 1e9)
                }
                window.set(from: steadyFrom, until: steadyFrom + UInt64(seconds * 1e9))
                await Self.sleep(until: steadyFrom)
                let first = (ClientCPUMeter.read(), serverCPUSeconds.map { $0() })
                await Self.sleep(until: window.end)
                let last = (ClientCPUMeter.read(), serverCPUSeconds.map { $0() })
                window.record(StreamProbeResult.WindowReadings(
                    start: first.0, end: last.0,
                    serverCPUSeconds: first.1.flatMap { start in last.1.map { $0 - start } }))
            }
            for (index, request) in requests.enumerated() {
                let due = start + UInt64(rampSeconds * 1e9 * Double(index) / Double(max(1, requests.count)))
                group.addTask {
                    await Self.sleep(until: due)
                    repeat {
                        let (one, stamps) = await exchange(request, measureFrom: rampEnd, gauge: gauge)
                        tally.add(one, stamps: stamps)
                    } while !Task.isCancelled && MonotonicClock.now() < window.end
                }
            }
            // The first task to finish is the window's timekeeper: stop every stream.
            await group.next()
            if !finishInFlight { group.cancelAll() }
        }
        var result = tally.result(countingFrom: window.start, until: window.end)
        result.peakOpenStreams = gauge.peak
        result.steadyAfterRampSeconds = Double(window.start - rampEnd) / 1e9
        result.window = window.readings
        return result
    }

    /// Sends one request and reads its response to the end (or until cancelled); returns its counts
    /// and the ground-truth stamps of its tokens written at or after `measureFrom`.
    private func exchange(
        _ request: HTTPRequest, measureFrom: UInt64, gauge: OpenStreams
    ) async -> (StreamCounts, [TokenStamp]) {
        let reader = ProbeReader(reading: reading, decoder: target.dialect.makeDecoder(streaming: true), measureFrom: measureFrom, gauge: gauge)
        let end = await transport.exchange(request, options: target.options, handler: reader)
        return reader.ended(end, bytesSent: request.body?.count ?? 0)
    }

    private static func sleep(until deadline: UInt64) async {
        let now = MonotonicClock.now()
        guard deadline > now else { return }
        try? await Task.sleep(nanoseconds: deadline - now)
    }
}

/// Streams open now (response head received, not yet ended), the most open at once, and when all
/// the expected streams were first open together; shared by a probe's stream tasks.
final class OpenStreams: Sendable {
    private let expected: Int
    private let now = Atomic<Int>(0)
    private let most = Atomic<Int>(0)
    private let allOpen = Atomic<UInt64>(0)

    /// A gauge for a probe of `expected` streams.
    init(expected: Int) {
        self.expected = expected
    }

    /// The most streams that were open at once.
    var peak: Int { most.load(ordering: .relaxed) }

    /// When all expected streams were first open at once (monotonic ns), if they ever were.
    var allOpenAt: UInt64? {
        let value = allOpen.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// A stream's response head arrived.
    func opened() {
        let value = now.add(1, ordering: .relaxed).newValue
        if value >= expected {
            _ = allOpen.compareExchange(expected: 0, desired: MonotonicClock.now(), ordering: .relaxed)
        }
        var current = most.load(ordering: .relaxed)
        while value > current {
            let (exchanged, original) = most.compareExchange(expected: current, desired: value, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// A stream that had opened ended.
    func closed() {
        now.subtract(1, ordering: .relaxed)
    }
}

/// The measured stretch of a probe, fixed once steady state has begun (until then it ends never),
/// and the CPU readings taken at its ends.
final class SteadyWindow: Sendable {
    private let startNs = Atomic<UInt64>(0)
    private let endNs = Atomic<UInt64>(.max)
    private let taken = Mutex<StreamProbeResult.WindowReadings?>(nil)

    /// The readings at both ends, once the stretch is over.
    var readings: StreamProbeResult.WindowReadings? { taken.withLock { $0 } }

    /// Keeps the readings of the stretch.
    func record(_ readings: StreamProbeResult.WindowReadings) {
        taken.withLock { $0 = readings }
    }

    /// When steady state began (0 until known).
    var start: UInt64 { startNs.load(ordering: .acquiring) }
    /// When the probe stops starting requests (`.max` until known).
    var end: UInt64 { endNs.load(ordering: .acquiring) }

    /// Fixes the window.
    func set(from start: UInt64, until end: UInt64) {
        startNs.store(start, ordering: .releasing)
        endNs.store(end, ordering: .releasing)
    }
}
