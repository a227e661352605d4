@testable import LoadGen
import Testing

/// A level's time-based decisions (ramp, duration limit, warm-up, arrival timing) driven with plain numbers.
@Suite("level timeline")
struct LevelTimelineTests {
    private let start: UInt64 = 1_000

    @Test("closed-loop worker k of n starts at ramp · k / n; without a ramp, all at the start")
    func ramp() {
        let ramped = LevelTimeline(level: LoadLevel(pattern: .closed(concurrency: 4, rampSeconds: 2), requestLimit: nil, durationLimit: nil), start: start)
        #expect((0..<4).map { ramped.workerStart($0, of: 4) } == [1_000, 500_001_000, 1_000_001_000, 1_500_001_000])
        let flat = LevelTimeline(level: LoadLevel(pattern: .closed(concurrency: 4, rampSeconds: nil), requestLimit: nil, durationLimit: nil), start: start)
        #expect((0..<4).map { flat.workerStart($0, of: 4) } == [start, start, start, start])
    }

    @Test("the level starts no request from exactly its duration limit on; without one, never stops")
    func durationLimit() {
        let limited = LevelTimeline(level: LoadLevel(pattern: .closed(concurrency: 1, rampSeconds: nil), requestLimit: nil, durationLimit: 10), start: start)
        #expect(!limited.isOver(at: start))
        #expect(!limited.isOver(at: start + 10_000_000_000 - 1))
        #expect(limited.isOver(at: start + 10_000_000_000))
        let unlimited = LevelTimeline(level: LoadLevel(pattern: .closed(concurrency: 1, rampSeconds: nil), requestLimit: 5, durationLimit: nil), start: start)
        #expect(!unlimited.isOver(at: .max))
    }

    @Test("warm-up: the first warmupRequests requests, and those intended for the first warmupSeconds")
    func warmup() {
        let byCount = LevelTimeline(
            level: LoadLevel(pattern: .closed(concurrency: 1, rampSeconds: nil), requestLimit: nil, durationLimit: nil, warmupRequests: 3), start: start
        )
        #expect(byCount.isWarmup(index: 2, scheduledAt: .max))
        #expect(!byCount.isWarmup(index: 3, scheduledAt: start))
        let byTime = LevelTimeline(
            level: LoadLevel(pattern: .closed(concurrency: 1, rampSeconds: nil), requestLimit: nil, durationLimit: nil, warmupSeconds: 1), start: start
        )
        #expect(byTime.isWarmup(index: 50, scheduledAt: start + 1_000_000_000 - 1))
        #expect(!byTime.isWarmup(index: 50, scheduledAt: start + 1_000_000_000))
        #expect(!byTime.isWarmup(index: 0, scheduledAt: start + 2_000_000_000))
    }

    @Test("an open-loop arrival is intended for the level start plus its offset")
    func sendTime() {
        let timeline = LevelTimeline(level: LoadLevel(pattern: .closed(concurrency: 1, rampSeconds: nil), requestLimit: nil, durationLimit: nil), start: start)
        #expect(timeline.sendTime(offset: 0) == start)
        #expect(timeline.sendTime(offset: 250) == 1_250)
    }

    @Test("the arrival timer yields an arrival 5 ms before its send time, and sleeps at most 100 ms at a stretch")
    func arrivalTimer() {
        #expect(ArrivalTimer.fireTime(of: 1_000_000_000) == 995_000_000)
        #expect(ArrivalTimer.fireTime(of: 1_000) == 0, "a send time within the lead fires at once")
        #expect(ArrivalTimer.sleepTarget(until: 1_000, now: 1_000) == nil)
        #expect(ArrivalTimer.sleepTarget(until: 1_000, now: 2_000) == nil)
        #expect(ArrivalTimer.sleepTarget(until: 1_000, now: 999) == 1_000)
        #expect(ArrivalTimer.sleepTarget(until: 1_000_000_000, now: 0) == 100_000_000)
        #expect(ArrivalTimer.sleepTarget(until: 1_000_000_000, now: 950_000_000) == 1_000_000_000)
    }
}
