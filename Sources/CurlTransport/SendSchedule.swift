/// The transport thread's scheduled sends as a value type: items waiting for their send time,
/// ordered by it, with the answers the event loop needs — what is due now, and how long to sleep.
/// It does no I/O and reads no clock: the loop passes `now` (monotonic ns) and hands what is due
/// to curl itself.
///
/// Order: earliest send time first; items with equal send times leave in the order they were
/// added. An item is due when its send time is at or before `now`.
///
/// Cost: adding is a binary search and one insertion into an array kept latest-first, so taking
/// the next due item is a `removeLast`; neither allocates beyond the array's amortised growth.
struct SendSchedule<Item> {
    /// How long the loop waits for events before it next has something to do on time.
    struct Wait: Equatable {
        /// Nanoseconds to wait; nil: until an event comes.
        var timeoutNs: UInt64?
        /// The wake-up time (monotonic ns) when the next send set it and the thread will sleep;
        /// nil when curl's timer set it or there is no wait. How late the thread wakes after it
        /// is the lateness ``WakeLateness`` tracks.
        var wakeForSend: UInt64?
    }

    private struct Entry {
        var sendAt: UInt64
        var item: Item
    }

    /// Latest send time first: the next one due is last.
    private var entries: [Entry] = []

    /// An empty schedule.
    init() {}

    /// Whether a send at `sendAt` is due at `now` (both monotonic ns): at its time or after.
    static func isDue(_ sendAt: UInt64, at now: UInt64) -> Bool {
        sendAt <= now
    }

    /// Whether nothing is waiting.
    var isEmpty: Bool { entries.isEmpty }

    /// How many items are waiting, cancelled ones not yet dropped included.
    var count: Int { entries.count }

    /// The earliest send time waiting (monotonic ns), if any.
    var nextSendAt: UInt64? { entries.last?.sendAt }

    /// Holds `item` until `sendAt` (monotonic ns), after every item already added for the same time.
    mutating func add(_ item: Item, sendAt: UInt64) {
        // After every later send; before equal ones, which were added first and so go first.
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].sendAt > sendAt { low = middle + 1 } else { high = middle }
        }
        entries.insert(Entry(sendAt: sendAt, item: item), at: low)
    }

    /// Removes and returns the next item due at `now`, dropping on the way the due items
    /// `isCancelled` says were cancelled while they waited; nil when nothing live is due.
    mutating func nextDue(at now: UInt64, isCancelled: (Item) -> Bool) -> Item? {
        while let next = entries.last, Self.isDue(next.sendAt, at: now) {
            entries.removeLast()
            if !isCancelled(next.item) { return next.item }
        }
        return nil
    }

    /// How long to wait at `now` for events: until curl's timer (`timerDeadline`, monotonic ns)
    /// or until `spinNs` before the next send, whichever comes first. The last `spinNs` before a
    /// send are spent polling (zero waits), so its precision does not depend on the kernel's
    /// wake-up. A cancelled item still sets the wake-up time until it is dropped as due.
    func wait(now: UInt64, timerDeadline: UInt64?, spinNs: UInt64) -> Wait {
        var deadline = timerDeadline ?? .max
        var forSend = false
        if let sendAt = nextSendAt {
            let wake = sendAt > spinNs ? sendAt - spinNs : 0
            if wake < deadline {
                deadline = wake
                forSend = true
            }
        }
        guard deadline != .max else { return Wait(timeoutNs: nil, wakeForSend: nil) }
        guard deadline > now else { return Wait(timeoutNs: 0, wakeForSend: nil) }
        return Wait(timeoutNs: deadline - now, wakeForSend: forSend ? deadline : nil)
    }
}
