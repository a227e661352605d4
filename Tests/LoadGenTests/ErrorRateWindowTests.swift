@testable import LoadGen
import Testing
import Workload

/// The error-rate guard driven with plain sequences of outcomes.
@Suite("error-rate window")
struct ErrorRateWindowTests {
    /// Feeds `outcomes` ("F" failed, "S" succeeded) and returns the 1-based position and reason of
    /// the first trip, if any.
    private func firstTrip(_ outcomes: String, threshold: Double, window: Int) -> (at: Int, reason: String)? {
        var guardWindow = ErrorRateWindow(ErrorRateAbort(threshold: threshold, window: window))
        for (index, outcome) in outcomes.enumerated() {
            if let reason = guardWindow.add(failed: outcome == "F") { return (index + 1, reason) }
        }
        return nil
    }

    @Test("it never trips before the window is full, even when everything failed")
    func notBeforeFull() {
        #expect(firstTrip("FFFF", threshold: 0.5, window: 5) == nil)
        let trip = firstTrip("FFFFF", threshold: 0.5, window: 5)
        #expect(trip?.at == 5)
        #expect(trip?.reason == "error rate 100% over the last 5 requests exceeded 50%")
    }

    @Test("a rate exactly at the threshold does not trip; one above it does")
    func strictlyAbove() {
        #expect(firstTrip("SSFF", threshold: 0.5, window: 4) == nil)
        let trip = firstTrip("SSFFF", threshold: 0.5, window: 4)
        #expect(trip?.at == 5)
        #expect(trip?.reason == "error rate 75% over the last 4 requests exceeded 50%")
    }

    @Test("failures that slid out of the window no longer count")
    func sliding() {
        #expect(firstTrip("FSSSF", threshold: 0.5, window: 3) == nil)
        let trip = firstTrip("FSSSFF", threshold: 0.5, window: 3)
        #expect(trip?.at == 6)
        #expect(trip?.reason == "error rate 67% over the last 3 requests exceeded 50%")
    }

    @Test("a long run of successes after failures never trips, and the ring keeps its size")
    func longRun() {
        #expect(firstTrip("FF" + String(repeating: "S", count: 1_000), threshold: 0.1, window: 20) == nil)
        #expect(firstTrip(String(repeating: "SF", count: 500), threshold: 0.5, window: 20) == nil)
        #expect(firstTrip(String(repeating: "SF", count: 500) + "F", threshold: 0.5, window: 20)?.at == 1_001)
    }

    @Test("the reason rounds the rate and the threshold to whole percent")
    func rounding() {
        let trip = firstTrip("FSS", threshold: 0.125, window: 3)
        #expect(trip?.reason == "error rate 33% over the last 3 requests exceeded 13%")
    }
}
