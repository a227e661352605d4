import CurlTransport
import Dialects
import Metrics

/// Decides a request's ``Outcome`` and error text from what the transport and decoder saw.
enum OutcomeClassifier {
    /// An outcome and its one-line message (empty for ok).
    struct Verdict: Equatable {
        var outcome: Outcome
        var message: String
    }

    /// - Parameter maxTokens: the request's `max_tokens`; a complete response carrying more
    ///   output tokens than ``OutputCap`` allows for it is an ``Outcome/overrun``.
    static func classify(
        status: Int?, failure: TransferFailure?, observation: ResponseObservation,
        errorBody: [UInt8], dialect: any Dialect, maxTokens: Int
    ) -> Verdict {
        if let failure {
            return Verdict(outcome: outcome(of: failure, receivedHead: status != nil), message: oneLine(failure.description))
        }
        guard let status else {
            return Verdict(outcome: .transportError, message: "no response")
        }
        switch status {
        case 200..<300:
            break
        case 429:
            return Verdict(outcome: .http429, message: httpMessage(status, errorBody, dialect))
        case 400..<500:
            return Verdict(outcome: .http4xx, message: httpMessage(status, errorBody, dialect))
        case 500...:
            return Verdict(outcome: .http5xx, message: httpMessage(status, errorBody, dialect))
        default:
            return Verdict(outcome: .transportError, message: httpMessage(status, errorBody, dialect))
        }
        if let error = observation.streamError {
            return Verdict(outcome: .streamError, message: oneLine(error))
        }
        if let problem = observation.invalidBody {
            return Verdict(outcome: .parseError, message: oneLine(problem))
        }
        if observation.outputTokensSeen > OutputCap.limit(maxTokens: maxTokens) {
            return Verdict(outcome: .overrun, message: ResponseBounds.overrunMessage(tokens: observation.outputTokensSeen, maxTokens: maxTokens))
        }
        if !observation.sawEndMarker {
            if observation.tokens.isEmpty && observation.parseErrors > 0 {
                return Verdict(outcome: .parseError, message: "\(observation.parseErrors) unparseable events, no end marker")
            }
            return Verdict(outcome: .incomplete, message: "response ended before its end marker")
        }
        if observation.tokens.isEmpty && observation.parseErrors > 0 {
            return Verdict(outcome: .parseError, message: "\(observation.parseErrors) unparseable events and no token")
        }
        return Verdict(outcome: .ok, message: "")
    }

    private static func outcome(of failure: TransferFailure, receivedHead: Bool) -> Outcome {
        switch failure.kind {
        case .resolve, .connect: return .connectError
        case .connectTimeout: return .timeoutConnect
        case .idleTimeout, .aborted(.idleTimeout): return .timeoutIdle
        case .aborted(.firstTokenTimeout): return .timeoutFirstToken
        case .totalTimeout: return .timeoutTotal
        case .tls: return .tlsError
        case .network: return receivedHead ? .incomplete : .transportError
        case .headerTooLarge, .aborted(.tooLarge): return .tooLarge
        case .aborted(.outputOverrun): return .overrun
        // Any other abort of repat's own (``AbortReason/stoppedAfterEnd`` is not a failure at all).
        case .cancelled, .aborted: return .cancelled
        case .other: return .transportError
        }
    }

    /// Whether a transfer's failure says anything about the response: not when repat itself stopped
    /// reading a complete response whose server kept the stream open (``AbortReason/stoppedAfterEnd``).
    static func isFailure(_ failure: TransferFailure) -> Bool {
        failure.kind != .aborted(.stoppedAfterEnd)
    }

    private static func httpMessage(_ status: Int, _ body: [UInt8], _ dialect: any Dialect) -> String {
        guard let message = dialect.errorMessage(fromBody: body), !message.isEmpty else { return "HTTP \(status)" }
        return oneLine("HTTP \(status): \(message)")
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
