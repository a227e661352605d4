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
/// It goes through the same transport and SSE parser as `repat run`; each stream's task reads its
/// transfer's chunks exactly as ``LoadRunner``'s requests do. Streams share nothing while running:
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

    /// Runs every stream until `seconds` after the last one started (stream `k` of `n` starts at
    /// `rampSeconds · k / n`); then no stream starts another request, and those in flight are
    /// cancelled, or read to their end when `finishInFlight`. Timestamp errors count only for
    /// tokens written after the ramp.
    func run(seconds: Double, rampSeconds: Double, finishInFlight: Bool = false) async -> StreamProbeResult {
        let tally = ProbeTally()
        let gauge = OpenStreams()
        let start = MonotonicClock.now()
        let measureFrom = start + UInt64(rampSeconds * 1e9)
        let deadline = measureFrom + UInt64(seconds * 1e9)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await Self.sleep(until: deadline)
            }
            for (index, request) in requests.enumerated() {
                let due = start + UInt64(rampSeconds * 1e9 * Double(index) / Double(max(1, requests.count)))
                group.addTask {
                    await Self.sleep(until: due)
                    repeat {
                        let (one, errors) = await exchange(request, measureFrom: measureFrom, gauge: gauge)
                        tally.add(one, timestampErrorsNs: errors)
                    } while !Task.isCancelled && MonotonicClock.now() < deadline
                }
            }
            // The first task to finish is the deadline sleeper: stop every stream.
            await group.next()
            if !finishInFlight { group.cancelAll() }
        }
        var result = tally.result
        result.peakOpenStreams = gauge.peak
        return result
    }

    /// Sends one request and reads its response to the end (or until cancelled); returns its counts
    /// and the timestamp errors (ns) of its tokens written at or after `measureFrom`.
    private func exchange(
        _ request: HTTPRequest, measureFrom: UInt64, gauge: OpenStreams
    ) async -> (StreamCounts, [UInt64]) {
        var one = StreamCounts()
        var parser = SSEParser()
        var decoder = target.dialect.makeDecoder(streaming: true)
        var errors: [UInt64] = []
        var opened = false
        var lastAt: UInt64 = 0
        defer {
            if opened { gauge.closed() }
        }
        do {
            for try await event in transport.stream(request, options: target.options) {
                switch event {
                case .head(let head):
                    guard head.status == 200 else {
                        one.failures += 1
                        one.firstFailure = one.firstFailure ?? "HTTP \(head.status)"
                        continue
                    }
                    opened = true
                    gauge.opened()
                case .body(let chunk):
                    one.bytesReceived += chunk.bytes.count
                    lastAt = chunk.receivedAt
                    switch reading {
                    case .groundTruth:
                        var stamped = 0
                        parser.feed(chunk.bytes) { sse in
                            guard let written = GroundTruth.writeTime(in: sse.data) else { return }
                            stamped += 1
                            if written >= measureFrom { errors.append(chunk.receivedAt &- written) }
                        }
                        one.tokenEvents += stamped
                        if stamped > 1 { one.coalescedEvents += stamped }
                    case .decode:
                        decoder.consume(chunk.bytes, receivedAt: chunk.receivedAt)
                    }
                case .finished:
                    guard opened else { continue }
                    if reading == .decode { one.tokenEvents += decoder.finish(at: lastAt).tokenTimes.count }
                    one.completed += 1
                    one.bytesSent += request.body?.count ?? 0
                }
            }
        } catch let failure as TransferFailure {
            if failure.kind != .cancelled {
                one.failures += 1
                one.firstFailure = one.firstFailure ?? failure.description
            }
        } catch {
            one.failures += 1
            one.firstFailure = one.firstFailure ?? "\(error)"
        }
        return (one, errors)
    }

    private static func sleep(until deadline: UInt64) async {
        let now = MonotonicClock.now()
        guard deadline > now else { return }
        try? await Task.sleep(nanoseconds: deadline - now)
    }
}

/// Streams open now (response head received, not yet ended) and the most open at once, shared by
/// a probe's stream tasks.
final class OpenStreams: Sendable {
    private let now = Atomic<Int>(0)
    private let most = Atomic<Int>(0)

    /// The most streams that were open at once.
    var peak: Int { most.load(ordering: .relaxed) }

    /// A stream's response head arrived.
    func opened() {
        let value = now.add(1, ordering: .relaxed).newValue
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
