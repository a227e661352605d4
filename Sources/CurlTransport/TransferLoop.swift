import CCurl
import CCurlShim
import CEpoll
import Foundation
import Synchronization

/// What submitters ask of a transport thread.
enum TransferCommand {
    case add(Transfer)
    case cancel(UInt64, TransferFailure.Kind, String)
    case shutdown
}

/// The one part of a transport thread other threads touch: its command queue and the eventfd that
/// wakes it.
final class TransferInbox: Sendable {
    private struct Queue {
        var commands: [TransferCommand] = []
        var closed = false
    }

    private let queue = Mutex(Queue())
    /// Written by submitters, read by the thread; part of the thread's epoll set.
    let wakeFD: Int32

    init() {
        let fd = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        // eventfd only fails when the process is out of descriptors or memory before any transfer.
        guard fd >= 0 else { fatalError("eventfd failed: \(String(cString: strerror(errno)))") }
        wakeFD = fd
    }

    deinit {
        Glibc.close(wakeFD)
    }

    /// Queues a command and wakes the thread; `false` when the thread has shut down (the command is
    /// dropped). Only the first command after a drain writes to the eventfd: the thread drains
    /// everything queued by then in one go.
    @discardableResult
    func post(_ command: TransferCommand) -> Bool {
        let (accepted, wake): (Bool, Bool) = queue.withLock { queue in
            guard !queue.closed else { return (false, false) }
            if case .shutdown = command { queue.closed = true }
            queue.commands.append(command)
            return (true, queue.commands.count == 1)
        }
        if wake {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
        return accepted
    }

    /// Takes everything queued, leaving `buffer`'s storage behind for the next post.
    func drain(into buffer: inout [TransferCommand]) {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, 8)
        queue.withLock { swap(&$0.commands, &buffer) }
    }
}

/// One transport thread's state: a `curl_multi` handle driven through `curl_multi_socket_action`
/// and an epoll set, so each wake-up visits only the sockets that are ready — the cost of a chunk
/// does not grow with the number of open streams.
///
/// Created, run and dropped by its thread; curl's socket and timer callbacks reach it through an
/// unretained pointer that is valid while ``run()`` runs.
final class TransferLoop {
    /// curl's "no socket": the `s` argument that asks curl to handle its timeouts.
    private static let timeoutSocket: curl_socket_t = -1
    /// Events taken per `epoll_wait`.
    private static let batch = 512

    private let inbox: TransferInbox
    private let multi: UnsafeMutableRawPointer
    private let epollFD: Int32
    private var transfers: [UInt64: Transfer] = [:]
    private var byHandle: [UnsafeMutableRawPointer: UInt64] = [:]
    /// Sockets in the epoll set.
    private var watched = Set<Int32>()
    /// When curl wants ``timeoutSocket`` handled (monotonic ns), if at all.
    private var timerDeadline: UInt64?
    /// Whether the kernel has `epoll_pwait2` (Linux 5.11 and later); found out on first use.
    private var hasPwait2 = true
    /// Transfers waiting for their send time.
    private var scheduled = SendSchedule<Transfer>()
    /// How late timed wake-ups come; a send due within its ``WakeLateness/spinNs`` is waited
    /// for by polling, so its precision does not depend on the kernel's wake-up.
    private var lateness = WakeLateness()

    init(inbox: TransferInbox, maxConnections: Int) {
        self.inbox = inbox
        // curl_multi_init and epoll_create1 only fail on exhausted memory or descriptors at start-up.
        guard let raw = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        multi = raw
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { fatalError("epoll_create1 failed: \(String(cString: strerror(errno)))") }
        _ = repat_curl_multi_setopt_long(raw, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        // The connection cache must hold every idle connection, or keep-alive silently degrades to
        // reconnecting at high concurrency.
        _ = repat_curl_multi_setopt_long(raw, CURLMOPT_MAXCONNECTS, 100_000)
        watch(inbox.wakeFD, events: EPOLLIN.rawValue)
    }

    deinit {
        curl_multi_cleanup(multi)
        Glibc.close(epollFD)
    }

    /// Serves transfers until a shutdown command; those still in flight then fail as cancelled.
    func run() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = repat_curl_multi_setopt_socket_callback(multi, loopSocketCallback)
        _ = repat_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        _ = repat_curl_multi_setopt_timer_callback(multi, loopTimerCallback)
        _ = repat_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        defer {
            _ = repat_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, nil)
            _ = repat_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, nil)
        }
        var events = [epoll_event](repeating: epoll_event(), count: Self.batch)
        var commands: [TransferCommand] = []
        var running: Int32 = 0
        while true {
            let plan = scheduled.wait(now: MonotonicClock.now(), timerDeadline: timerDeadline, spinNs: lateness.spinNs)
            let count = events.withUnsafeMutableBufferPointer { wait(into: $0, timeoutNs: plan.timeoutNs) }
            if count == 0, let wake = plan.wakeForSend {
                lateness.wokeUp(at: MonotonicClock.now(), askedFor: wake)
            }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                let fd = event.data.fd
                if fd == inbox.wakeFD {
                    inbox.drain(into: &commands)
                    guard perform(commands) else { return }
                    commands.removeAll(keepingCapacity: true)
                    continue
                }
                var flags: Int32 = 0
                if event.events & EPOLLIN.rawValue != 0 { flags |= CURL_CSELECT_IN }
                if event.events & EPOLLOUT.rawValue != 0 { flags |= CURL_CSELECT_OUT }
                if event.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { flags |= CURL_CSELECT_ERR }
                curl_multi_socket_action(multi, fd, flags, &running)
            }
            startDue()
            if let deadline = timerDeadline, MonotonicClock.now() >= deadline {
                timerDeadline = nil
                curl_multi_socket_action(multi, Self.timeoutSocket, 0, &running)
            }
            collectFinished()
        }
    }

    /// Waits for events with `epoll_pwait2` (nanosecond timeout; nil: none) or, on kernels before
    /// 5.11 that lack it, `epoll_wait` with the timeout rounded up to whole milliseconds. Returns
    /// the number of events (0 on timeout or interruption).
    private func wait(into buffer: UnsafeMutableBufferPointer<epoll_event>, timeoutNs: UInt64?) -> Int32 {
        if hasPwait2 {
            let count: Int32
            if let timeoutNs {
                var limit = timespec(tv_sec: Int(timeoutNs / 1_000_000_000), tv_nsec: Int(timeoutNs % 1_000_000_000))
                count = epoll_pwait2(epollFD, buffer.baseAddress, Int32(buffer.count), &limit, nil)
            } else {
                count = epoll_pwait2(epollFD, buffer.baseAddress, Int32(buffer.count), nil, nil)
            }
            if count >= 0 { return count }
            guard errno == ENOSYS else { return 0 }
            hasPwait2 = false
        }
        let milliseconds = timeoutNs.map { Int32((min($0, 60_000_000_000) + 999_999) / 1_000_000) } ?? -1
        return max(0, epoll_wait(epollFD, buffer.baseAddress, Int32(buffer.count), milliseconds))
    }

    /// Hands the transfers whose send time has come to curl.
    private func startDue() {
        guard !scheduled.isEmpty else { return }
        let now = MonotonicClock.now()
        // A transfer cancelled while it waited is no longer registered.
        while let next = scheduled.nextDue(at: now, isCancelled: { transfers[$0.id] !== $0 }) { start(next) }
    }

    /// Registers a transfer, builds its easy handle now (so that sending it is only adding the
    /// handle) and holds it until its send time.
    private func schedule(_ transfer: Transfer) {
        transfers[transfer.id] = transfer
        guard prepare(transfer) != nil else { return }
        scheduled.add(transfer, sendAt: transfer.sendAt)
    }

    /// Carries out queued commands; `false` after a shutdown.
    private func perform(_ commands: [TransferCommand]) -> Bool {
        for command in commands {
            switch command {
            case .add(let transfer):
                if SendSchedule<Transfer>.isDue(transfer.sendAt, at: MonotonicClock.now()) { start(transfer) } else { schedule(transfer) }
            case .cancel(let id, let kind, let message): cancel(id, kind: kind, message: message)
            case .shutdown:
                for id in Array(transfers.keys) { cancel(id, kind: .cancelled, message: "transport closed") }
                return false
            }
        }
        return true
    }

    /// Builds the transfer's easy handle; on failure the transfer ends and nil is returned.
    private func prepare(_ transfer: Transfer) -> EasyHandle? {
        do {
            return try transfer.prepare()
        } catch {
            transfers[transfer.id] = nil
            transfer.fail(.other, message: "cannot set up request: \(error)")
            return nil
        }
    }

    private func start(_ transfer: Transfer) {
        guard let easy = transfer.handle ?? prepare(transfer) else { return }
        transfers[transfer.id] = transfer
        byHandle[easy.raw] = transfer.id
        transfer.markStarted(at: MonotonicClock.now())
        // Adding the handle arms curl's timer at 0: the transfer starts on this turn of the loop.
        let code = curl_multi_add_handle(multi, easy.raw)
        guard code == CURLM_OK else {
            transfers[transfer.id] = nil
            byHandle[easy.raw] = nil
            transfer.fail(.other, message: "curl_multi_add_handle failed (\(code.rawValue))")
            return
        }
    }

    private func cancel(_ id: UInt64, kind: TransferFailure.Kind, message: String) {
        guard let transfer = transfers.removeValue(forKey: id) else { return }
        if let easy = transfer.handle {
            curl_multi_remove_handle(multi, easy.raw)
            byHandle[easy.raw] = nil
        }
        transfer.fail(kind, message: message)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let raw = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, raw)
            guard let id = byHandle.removeValue(forKey: raw), let transfer = transfers.removeValue(forKey: id) else { continue }
            transfer.complete(code: code)
        }
    }

    /// curl's socket callback: keeps the epoll set in step with what curl waits for.
    fileprivate func socketChanged(_ socket: curl_socket_t, what: Int32) {
        switch what {
        case Int32(CURL_POLL_REMOVE):
            if watched.remove(socket) != nil {
                // curl may already have closed the socket, which removed it from the set: ignore errors.
                _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, socket, nil)
            }
        default:
            var events: UInt32 = 0
            if what & Int32(CURL_POLL_IN) != 0 { events |= EPOLLIN.rawValue }
            if what & Int32(CURL_POLL_OUT) != 0 { events |= EPOLLOUT.rawValue }
            watch(socket, events: events)
        }
    }

    /// curl's timer callback: -1 cancels the timer, 0 means "as soon as possible".
    fileprivate func timerChanged(milliseconds: Int) {
        timerDeadline = milliseconds < 0 ? nil : MonotonicClock.now() + UInt64(milliseconds) * 1_000_000
    }

    /// Adds `fd` to the epoll set or changes what it waits for. A descriptor closed and reopened
    /// under the same number left the set on close, so a failed change falls back to an add and a
    /// failed add to a change.
    private func watch(_ fd: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        if watched.insert(fd).inserted {
            if epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) != 0 && errno == EEXIST {
                _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
            }
        } else if epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event) != 0 && errno == ENOENT {
            _ = epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
        }
    }
}

private let loopSocketCallback: repat_curl_socket_callback = { _, socket, what, userdata, _ in
    guard let userdata else { return 0 }
    Unmanaged<TransferLoop>.fromOpaque(userdata).takeUnretainedValue().socketChanged(socket, what: what)
    return 0
}

private let loopTimerCallback: repat_curl_timer_callback = { _, milliseconds, userdata in
    guard let userdata else { return 0 }
    Unmanaged<TransferLoop>.fromOpaque(userdata).takeUnretainedValue().timerChanged(milliseconds: milliseconds)
    return 0
}
