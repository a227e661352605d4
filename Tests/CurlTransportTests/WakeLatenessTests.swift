@testable import CurlTransport
import Testing

/// The wake-up lateness tracker driven with plain numbers.
@Suite("wake-up lateness")
struct WakeLatenessTests {
    @Test("before any wake-up the thread polls for twice the assumed 100 µs lateness")
    func initialStretch() {
        #expect(WakeLateness().spinNs == 200_000)
    }

    @Test("a late wake-up counts at once; the stretch is twice it, at most 500 µs")
    func lateWakeUp() {
        var lateness = WakeLateness()
        lateness.wokeUp(at: 1_150_000, askedFor: 1_000_000)
        #expect(lateness.recentMaxNs == 150_000)
        #expect(lateness.spinNs == 300_000)
        lateness.wokeUp(at: 2_400_000, askedFor: 2_000_000)
        #expect(lateness.spinNs == WakeLateness.maximumSpinNs)
    }

    @Test("a wake-up on time or early says nothing about lateness")
    func onTimeOrEarly() {
        var lateness = WakeLateness()
        lateness.wokeUp(at: 1_000_000, askedFor: 1_000_000)
        lateness.wokeUp(at: 900_000, askedFor: 1_000_000)
        #expect(lateness.recentMaxNs == 100_000)
    }

    @Test("smaller wake-ups shrink the maximum by 1% each, down to the 20 µs floor of the stretch")
    func decay() {
        var lateness = WakeLateness()
        lateness.wokeUp(at: 1_000_001, askedFor: 1_000_000)
        #expect(lateness.recentMaxNs == 99_000)
        for _ in 0..<1_000 { lateness.wokeUp(at: 1_000_001, askedFor: 1_000_000) }
        #expect(lateness.spinNs == WakeLateness.minimumSpinNs)
    }
}
