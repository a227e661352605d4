import CurlTransport
import Dialects
@testable import LoadGen
import Metrics
import Testing

/// The classifier's verdict when the transfer failed with `kind` after its head had arrived.
private func verdict(_ kind: TransferFailure.Kind, _ message: String) -> OutcomeClassifier.Verdict {
    OutcomeClassifier.classify(
        status: 200, failure: TransferFailure(kind: kind, curlCode: 0, message: message, httpStatus: 200),
        observation: ResponseObservation(), errorBody: [], dialect: AnthropicDialect.messages, maxTokens: 100
    )
}

@Suite("outcomes of repat's own aborts")
struct OutcomeClassifierTests {
    @Test("repat's abort reasons map to their outcomes, with the error text the file has always shown")
    func abortReasons() {
        #expect(verdict(.aborted(.firstTokenTimeout), "no token within 0.3 s") == .init(
            outcome: .timeoutFirstToken, message: "firstTokenTimeout: no token within 0.3 s"
        ))
        #expect(verdict(.aborted(.idleTimeout), "no bytes for 1.0 s") == .init(outcome: .timeoutIdle, message: "idleTimeout: no bytes for 1.0 s"))
        #expect(verdict(.idleTimeout, "Operation too slow") == .init(outcome: .timeoutIdle, message: "idleTimeout: Operation too slow"))
        #expect(verdict(.cancelled, "cancelled by consumer") == .init(outcome: .cancelled, message: "cancelled: cancelled by consumer"))
        #expect(verdict(.aborted(AbortReason("unknown")), "x") == .init(outcome: .cancelled, message: "unknown: x"))
    }

    @Test("stopping after the end marker is not a failure; every other end is")
    func stoppedAfterEnd() {
        #expect(!OutcomeClassifier.isFailure(TransferFailure(kind: .aborted(.stoppedAfterEnd), curlCode: 0, message: "")))
        for kind: TransferFailure.Kind in [.aborted(.firstTokenTimeout), .aborted(.idleTimeout), .cancelled, .network, .idleTimeout] {
            #expect(OutcomeClassifier.isFailure(TransferFailure(kind: kind, curlCode: 0, message: "")), "\(kind)")
        }
    }
}
