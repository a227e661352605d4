import CurlTransport
import Dialects
import Metrics

extension RequestRecord {
    /// Sets every field measured from one request's response: add a new measurement here, beside
    /// its column in `RequestsCSV.table`. The outcome (`status`, `error`) is the classifier's.
    /// - Parameters:
    ///   - start: monotonic ns of the (first attempt's) send, from which the `…_ms` fields count.
    ///   - end: monotonic ns at which the request ended or failed.
    ///   - head: the response head, if one arrived.
    ///   - failure: how the transfer failed, if it did (its HTTP status when no head was kept).
    ///   - observation: what the dialect's decoder saw in the body.
    ///   - timing: the token timing derived from `observation`.
    ///   - transfer: curl's phase timings, if the transfer got that far.
    mutating func setMeasurements(
        start: UInt64, end: UInt64, head: ResponseHead?, failure: TransferFailure?,
        observation: ResponseObservation, timing: TokenTiming, transfer: TransferTimings?
    ) {
        durationMs = TokenTiming.ms(from: start, to: end)
        ttfbMs = head.map { TokenTiming.ms(from: start, to: $0.receivedAt) }
        ttftMs = timing.ttftMs
        ttfatMs = observation.firstAnswerAt.map { TokenTiming.ms(from: start, to: $0) }
        e2eMs = timing.e2eMs
        tpotMs = timing.tpotMs
        itlP50Ms = timing.itlP50Ms
        itlMaxMs = timing.itlMaxMs
        promptTokens = observation.usage?.promptTokens
        outputTokens = observation.outputTokens
        reasoningTokens = observation.reasoningTokens
        answerTokens = reasoningTokens.map { max(0, outputTokens - $0) }
        tokenSource = observation.tokenSource.rawValue
        tokenEvents = observation.tokens.count
        httpStatus = head?.status ?? failure?.httpStatus ?? 0
        parseErrors = observation.parseErrors
        serverPromptMs = observation.serverTimings?.promptMs
        serverDecodeMs = observation.serverTimings?.predictedMs
        serverTotalMs = observation.serverTimings?.totalMs
        serverLoadMs = observation.serverTimings?.loadMs
        if let transfer {
            dnsMs = Self.phaseMs(transfer.dnsMicros)
            connectMs = Self.phaseMs(transfer.connectMicros)
            tlsMs = Self.phaseMs(transfer.tlsMicros)
            connectionReused = transfer.reusedConnection
            httpVersion = transfer.httpVersion
        }
    }

    /// A curl phase time in ms; `nil` when the phase did not happen (0 µs).
    private static func phaseMs(_ micros: Int64) -> Double? {
        micros > 0 ? Double(micros) / 1000 : nil
    }
}

extension RequestRecord {
    /// Records what the request asked for and how many inputs it carried. An embedding or rerank
    /// is one non-streamed answer: its latency is ``e2eMs`` (its body's last bytes) and
    /// ``durationMs``; it has no first token, no inter-token gaps, no output tokens, so TTFT,
    /// TTFAT, TPOT, ITL, the token source and token events stay empty.
    mutating func setRequestKind(_ kind: RequestKind, inputs: Int?) {
        requestKind = kind
        self.inputs = inputs
        guard kind != .generation else { return }
        ttftMs = nil
        ttfatMs = nil
        tpotMs = nil
        itlP50Ms = nil
        itlMaxMs = nil
        outputTokens = 0
        tokenSource = ""
        tokenEvents = 0
    }
}
