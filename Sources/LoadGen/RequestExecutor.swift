import CurlTransport
import Dialects
import Metrics
import Workload

/// Sends one prompt to one target and measures it into a ``RequestRecord``.
///
/// Runs entirely in the calling task: chunks are decoded as they are read from the transport's
/// stream, with no hop to another actor. Every way a request can end — success, HTTP error,
/// transport failure, cancellation — yields a record; partial timings are kept.
struct RequestExecutor: Sendable {
    /// Largest error body kept for the error message.
    static let errorBodyLimit = 16 * 1024

    let transport: CurlTransport
    let target: ResolvedTarget
    let runID: String
    /// Monotonic ns at which the run started; `…_s` columns count from here.
    let runStart: UInt64

    /// The measured request and its inter-token gaps.
    struct Measurement {
        var record: RequestRecord
        var gapsNs: [UInt64]
    }

    func execute(_ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64) async -> Measurement {
        let start = MonotonicClock.now()
        var record = RequestRecord(
            runID: runID, target: target.spec.name, loadLevel: loadLevel, requestID: requestID,
            scheduledS: seconds(scheduledAt), startS: seconds(start), durationMs: 0, status: .transportError
        )
        let request: HTTPRequest
        do {
            request = try target.dialect.makeRequest(for: item, endpoint: target.endpoint, parameters: target.parameters)
        } catch {
            record.error = target.redactor.redact(error.description)
            return Measurement(record: record, gapsNs: [])
        }

        var decoder = target.dialect.makeDecoder(streaming: target.parameters.stream)
        var head: ResponseHead?
        var errorBody: [UInt8] = []
        var timings: TransferTimings?
        var failure: TransferFailure?
        var lastBytesAt = start
        do {
            for try await event in transport.stream(request, options: target.options) {
                switch event {
                case .head(let received):
                    head = received
                case .body(let chunk):
                    lastBytesAt = chunk.receivedAt
                    if let status = head?.status, !(200..<300).contains(status) {
                        errorBody.append(contentsOf: chunk.bytes.prefix(Self.errorBodyLimit - errorBody.count))
                    } else {
                        decoder.consume(chunk.bytes, receivedAt: chunk.receivedAt)
                    }
                case .finished(let finalTimings):
                    timings = finalTimings
                }
            }
        } catch let transferFailure as TransferFailure {
            failure = transferFailure
            timings = transferFailure.timings
        } catch {
            failure = TransferFailure(kind: .other, curlCode: 0, message: "\(error)")
        }
        if failure == nil && timings == nil {
            // The stream ended without its final event: the consuming task was cancelled.
            failure = TransferFailure(kind: .cancelled, curlCode: 0, message: "cancelled")
        }
        let end = MonotonicClock.now()
        let observation = decoder.finish(at: lastBytesAt)
        let timing = TokenTiming(start: start, tokenTimes: observation.tokenTimes, outputTokens: observation.outputTokens)

        record.durationMs = TokenTiming.ms(from: start, to: end)
        record.ttfbMs = head.map { TokenTiming.ms(from: start, to: $0.receivedAt) }
        record.ttftMs = timing.ttftMs
        record.e2eMs = timing.e2eMs
        record.tpotMs = timing.tpotMs
        record.itlP50Ms = timing.itlP50Ms
        record.itlMaxMs = timing.itlMaxMs
        record.promptTokens = observation.usage?.promptTokens
        record.outputTokens = observation.outputTokens
        record.tokenSource = observation.tokenSource.rawValue
        record.tokenEvents = observation.tokenTimes.count
        record.httpStatus = head?.status ?? failure?.httpStatus ?? 0
        record.parseErrors = observation.parseErrors
        record.serverPromptMs = observation.serverTimings?.promptMs
        record.serverDecodeMs = observation.serverTimings?.predictedMs
        if let timings {
            record.dnsMs = timings.dnsMicros > 0 ? Double(timings.dnsMicros) / 1000 : nil
            record.connectMs = timings.connectMicros > 0 ? Double(timings.connectMicros) / 1000 : nil
            record.tlsMs = timings.tlsMicros > 0 ? Double(timings.tlsMicros) / 1000 : nil
            record.connectionReused = timings.reusedConnection
            record.httpVersion = timings.httpVersion
        }
        let verdict = OutcomeClassifier.classify(
            status: head?.status, failure: failure, observation: observation,
            errorBody: errorBody, dialect: target.dialect
        )
        record.status = verdict.outcome
        record.error = target.redactor.redact(verdict.message)
        return Measurement(record: record, gapsNs: record.status.isSuccess ? timing.gapsNs : [])
    }

    private func seconds(_ time: UInt64) -> Double {
        time >= runStart ? Double(time - runStart) / 1e9 : -Double(runStart - time) / 1e9
    }
}
