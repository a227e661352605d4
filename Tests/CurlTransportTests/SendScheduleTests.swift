@testable import CurlTransport
import Testing

/// The send schedule driven with plain numbers: no curl, no clock, no sleep.
@Suite("send schedule")
struct SendScheduleTests {
    /// Takes everything due at `now`, skipping the items in `cancelled`.
    private func drain(_ schedule: inout SendSchedule<Int>, at now: UInt64, cancelled: Set<Int> = []) -> [Int] {
        var due: [Int] = []
        while let next = schedule.nextDue(at: now, isCancelled: { cancelled.contains($0) }) { due.append(next) }
        return due
    }

    @Test("items leave in send-time order, whatever order they were added in")
    func ordering() {
        var schedule = SendSchedule<Int>()
        for (item, sendAt) in [(1, 300), (2, 100), (3, 500), (4, 200), (5, 400)] { schedule.add(item, sendAt: UInt64(sendAt)) }
        #expect(schedule.nextSendAt == 100)
        #expect(drain(&schedule, at: 1_000) == [2, 4, 1, 5, 3])
        #expect(schedule.isEmpty)
    }

    @Test("items with equal send times leave in the order they were added")
    func ties() {
        var schedule = SendSchedule<Int>()
        for (item, sendAt) in [(1, 10), (2, 10), (3, 5), (4, 10), (5, 20), (6, 5)] { schedule.add(item, sendAt: UInt64(sendAt)) }
        #expect(drain(&schedule, at: 20) == [3, 6, 1, 2, 4, 5])
    }

    @Test("an item is due exactly at its send time, not a nanosecond before")
    func dueAtSendTime() {
        var schedule = SendSchedule<Int>()
        schedule.add(7, sendAt: 1_000)
        #expect(drain(&schedule, at: 999).isEmpty)
        #expect(schedule.count == 1)
        #expect(drain(&schedule, at: 1_000) == [7])
        #expect(SendSchedule<Int>.isDue(1_000, at: 1_000))
        #expect(!SendSchedule<Int>.isDue(1_000, at: 999))
        #expect(SendSchedule<Int>.isDue(0, at: 5), "0 means at once")
    }

    @Test("only what is due at now leaves; the rest waits for a later now")
    func partlyDue() {
        var schedule = SendSchedule<Int>()
        for item in 1...5 { schedule.add(item, sendAt: UInt64(item * 100)) }
        #expect(drain(&schedule, at: 250) == [1, 2])
        #expect(schedule.count == 3)
        #expect(schedule.nextSendAt == 300)
        #expect(drain(&schedule, at: 500) == [3, 4, 5])
    }

    @Test("cancelled items are dropped when due, never returned; cancelled items not yet due stay until then")
    func cancelledSkipped() {
        var schedule = SendSchedule<Int>()
        for item in 1...4 { schedule.add(item, sendAt: UInt64(item * 100)) }
        #expect(drain(&schedule, at: 300, cancelled: [1, 3, 4]) == [2])
        #expect(schedule.count == 1, "item 4 is cancelled but not yet due")
        #expect(schedule.nextSendAt == 400)
        #expect(drain(&schedule, at: 400, cancelled: [1, 3, 4]).isEmpty)
        #expect(schedule.isEmpty)
    }

    @Test("with nothing scheduled the wait is curl's timer, or unlimited without one")
    func waitWithoutSends() {
        let schedule = SendSchedule<Int>()
        typealias Wait = SendSchedule<Int>.Wait
        #expect(schedule.wait(now: 400, timerDeadline: nil, spinNs: 50) == Wait(timeoutNs: nil, wakeForSend: nil))
        #expect(schedule.wait(now: 400, timerDeadline: 1_000, spinNs: 50) == Wait(timeoutNs: 600, wakeForSend: nil))
        #expect(schedule.wait(now: 1_000, timerDeadline: 1_000, spinNs: 50) == Wait(timeoutNs: 0, wakeForSend: nil))
        #expect(schedule.wait(now: 1_500, timerDeadline: 1_000, spinNs: 50) == Wait(timeoutNs: 0, wakeForSend: nil))
    }

    @Test("the next send wakes the thread its spin stretch early, unless curl's timer comes first")
    func waitForSend() {
        var schedule = SendSchedule<Int>()
        schedule.add(1, sendAt: 10_000)
        schedule.add(2, sendAt: 20_000)
        typealias Wait = SendSchedule<Int>.Wait
        #expect(schedule.wait(now: 1_000, timerDeadline: nil, spinNs: 2_000) == Wait(timeoutNs: 7_000, wakeForSend: 8_000))
        #expect(schedule.wait(now: 1_000, timerDeadline: 30_000, spinNs: 2_000) == Wait(timeoutNs: 7_000, wakeForSend: 8_000))
        #expect(schedule.wait(now: 1_000, timerDeadline: 5_000, spinNs: 2_000) == Wait(timeoutNs: 4_000, wakeForSend: nil))
        #expect(
            schedule.wait(now: 1_000, timerDeadline: 8_000, spinNs: 2_000) == Wait(timeoutNs: 7_000, wakeForSend: nil),
            "a timer at the same time as the send's wake-up sets it"
        )
        #expect(schedule.wait(now: 1_000, timerDeadline: nil, spinNs: 0) == Wait(timeoutNs: 9_000, wakeForSend: 10_000))
    }

    @Test("within the spin stretch before a send the thread polls: zero waits until the send is due")
    func spinStretch() {
        var schedule = SendSchedule<Int>()
        schedule.add(1, sendAt: 10_000)
        typealias Wait = SendSchedule<Int>.Wait
        #expect(schedule.wait(now: 7_999, timerDeadline: nil, spinNs: 2_000) == Wait(timeoutNs: 1, wakeForSend: 8_000))
        for now: UInt64 in [8_000, 9_000, 9_999, 10_000] {
            #expect(schedule.wait(now: now, timerDeadline: nil, spinNs: 2_000) == Wait(timeoutNs: 0, wakeForSend: nil), "at \(now)")
        }
        #expect(
            schedule.wait(now: 0, timerDeadline: nil, spinNs: 20_000) == Wait(timeoutNs: 0, wakeForSend: nil),
            "a stretch longer than the send time itself polls from the start"
        )
    }

    @Test("a cancelled item still sets the wake-up until it is dropped as due")
    func cancelledHeadStillWakes() {
        var schedule = SendSchedule<Int>()
        schedule.add(1, sendAt: 10_000)
        schedule.add(2, sendAt: 50_000)
        #expect(schedule.wait(now: 0, timerDeadline: nil, spinNs: 0).wakeForSend == 10_000)
        #expect(drain(&schedule, at: 10_000, cancelled: [1]).isEmpty)
        #expect(schedule.wait(now: 10_000, timerDeadline: nil, spinNs: 0) == SendSchedule<Int>.Wait(timeoutNs: 40_000, wakeForSend: 50_000))
    }
}
