import CurlTransport
import Dialects
import Metrics
import Simulator

/// Reads one of a ``StreamProbe``'s responses on the transport thread: counts bytes and token
/// events, and with ground truth keeps each stamped event's write and receive times.
///
/// Touched by the transport thread while the transfer runs and by the probe's task only after it
/// has ended, hence `@unchecked Sendable`.
final class ProbeReader: ResponseHandler, @unchecked Sendable {
    private let reading: StreamProbe.Reading
    private var decoder: any ResponseDecoder
    private var parser = SSEParser()
    private let measureFrom: UInt64
    private let gauge: OpenStreams
    private var counts = StreamCounts()
    private var stamps: [TokenStamp] = []
    private var opened = false
    private var lastAt: UInt64 = 0

    init(reading: StreamProbe.Reading, decoder: any ResponseDecoder, measureFrom: UInt64, gauge: OpenStreams) {
        self.reading = reading
        self.decoder = decoder
        self.measureFrom = measureFrom
        self.gauge = gauge
    }

    func receivedHead(_ head: ResponseHead) {
        guard head.status == 200 else {
            counts.failures += 1
            counts.firstFailure = counts.firstFailure ?? "HTTP \(head.status)"
            return
        }
        opened = true
        gauge.opened()
    }

    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> BodyDisposition {
        counts.bytesReceived += bytes.count
        lastAt = time
        switch reading {
        case .groundTruth:
            var stamped = 0
            parser.feed(bytes.assumingMemoryBound(to: UInt8.self)) { sse in
                guard let written = GroundTruth.writeTime(in: sse.data) else { return }
                stamped += 1
                if written >= measureFrom { stamps.append(TokenStamp(writtenAt: written, receivedAt: time)) }
            }
            counts.tokenEvents += stamped
            if stamped > 1 { counts.coalescedEvents += stamped }
        case .decode:
            decoder.consume(bytes, receivedAt: time)
        }
        return .proceed
    }

    /// The request's counts and token stamps once its transfer has ended.
    func ended(_ end: TransferEnd, bytesSent: Int) -> (StreamCounts, [TokenStamp]) {
        if opened { gauge.closed() }
        switch end {
        case .success:
            if opened {
                if reading == .decode { counts.tokenEvents += decoder.finish(at: lastAt).tokens.count }
                counts.completed += 1
                counts.bytesSent += bytesSent
            }
        case .failure(let failure):
            if failure.kind != .cancelled {
                counts.failures += 1
                counts.firstFailure = counts.firstFailure ?? failure.description
            }
        }
        return (counts, stamps)
    }
}

