import CurlTransport
import Dialects
@testable import LoadGen
import Metrics
import Testing

@Suite("a request record filled from what the request saw")
struct RequestMeasurementTests {
    @Test("every measured field comes from the head, the decoder's observation, the token timing or curl's timings")
    func everyField() {
        let ms: UInt64 = 1_000_000
        let start: UInt64 = 5_000 * ms
        let observation = ResponseObservation(
            tokens: TokenStamps([start + 20 * ms, start + 30 * ms, start + 50 * ms]), deltaCount: 3,
            usage: TokenUsage(promptTokens: 16, completionTokens: 5), sawEndMarker: true, parseErrors: 1,
            serverTimings: ServerTimings(totalMs: 48, loadMs: 2, promptMs: 9, predictedMs: 37)
        )
        var transfer = TransferTimings()
        transfer.dnsMicros = 100
        transfer.connectMicros = 0
        transfer.tlsMicros = 2_500
        transfer.reusedConnection = true
        transfer.httpVersion = "2"
        var record = RequestRecord(runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, durationMs: 0, status: .ok)
        record.setMeasurements(
            start: start, end: start + 60 * ms, head: ResponseHead(status: 200, headers: [], receivedAt: start + 10 * ms),
            failure: nil, observation: observation,
            timing: TokenTiming(start: start, tokens: observation.tokens, outputTokens: 5), transfer: transfer
        )
        let expected = RequestRecord(
            runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0,
            ttfbMs: 10, ttftMs: 20, e2eMs: 50, tpotMs: 7.5, itlP50Ms: 15, itlMaxMs: 20, durationMs: 60,
            promptTokens: 16, outputTokens: 5, tokenSource: "usage", tokenEvents: 3, status: .ok, httpStatus: 200,
            dnsMs: 0.1, connectMs: nil, tlsMs: 2.5, connectionReused: true, httpVersion: "2",
            serverPromptMs: 9, serverDecodeMs: 37, serverTotalMs: 48, serverLoadMs: 2, parseErrors: 1
        )
        #expect(record == expected)
    }

    @Test("without a head, the HTTP status is the failure's; without curl timings, the phases stay absent")
    func failedEarly() {
        var record = RequestRecord(runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, durationMs: 0, status: .ok)
        record.setMeasurements(
            start: 1_000, end: 3_001_000, head: nil,
            failure: TransferFailure(kind: .network, curlCode: 56, message: "recv failure", httpStatus: 502),
            observation: ResponseObservation(), timing: TokenTiming(start: 1_000, tokens: TokenStamps(), outputTokens: 0), transfer: nil
        )
        #expect(record.httpStatus == 502)
        #expect(record.durationMs == 3)
        #expect(record.ttfbMs == nil && record.ttftMs == nil && record.dnsMs == nil)
        #expect(record.tokenSource == "deltas" && record.outputTokens == 0)
    }
}
