import CCurl
import CCurlShim
import Foundation
import Synchronization

/// The HTTP client every request goes through: one `curl_multi` handle driven by one dedicated
/// thread, serving any number of concurrent transfers.
///
/// Async code never touches curl. ``stream(_:options:)`` queues a command and wakes the thread
/// with `curl_multi_wakeup`; the thread drains the queue after each `curl_multi_poll`. Body bytes
/// are stamped with ``MonotonicClock`` inside curl's write callback and yielded straight into the
/// request's `AsyncThrowingStream`: no actor hop, no thread per request. Keep-alive connections
/// are reused across requests through the multi handle's connection cache, which has no cap below
/// the number of transfers.
public final class CurlTransport: Sendable {
    private enum Command {
        case add(Transfer)
        case cancel(UInt64, TransferFailure.Kind, String)
        case shutdown
    }

    /// The multi handle's address. Only the transport thread calls curl with it, except
    /// `curl_multi_wakeup`, which libcurl documents as callable from any thread.
    private struct MultiHandle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    private struct Shared {
        var commands: [Command] = []
        var nextID: UInt64 = 1
        var closed = false
    }

    /// The command queue and id counter, shared by submitters and the transport thread.
    private final class SharedBox: Sendable {
        let mutex = Mutex(Shared())

        func withLock<R>(_ body: (inout Shared) -> R) -> R {
            mutex.withLock { body(&$0) }
        }
    }

    private let multi: MultiHandle
    private let shared = SharedBox()
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts the transport thread.
    /// - Parameter maxConnections: cap on open connections (0: none). Each concurrent stream needs
    ///   its own HTTP/1.1 connection, so leave it at 0 unless the server demands otherwise.
    public init(maxConnections: Int = 0) {
        // curl_multi_init only fails on allocation failure, which Swift treats as fatal anyway.
        guard let raw = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        multi = MultiHandle(raw: raw)
        _ = repat_curl_multi_setopt_long(raw, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        // The connection cache must hold every idle connection, or keep-alive silently degrades to
        // reconnecting at high concurrency.
        _ = repat_curl_multi_setopt_long(raw, CURLMOPT_MAXCONNECTS, 100_000)
        let multi = self.multi
        let thread = Thread { [shared, stopped] in
            var loop = EventLoop(multi: multi.raw, shared: shared)
            loop.run()
            curl_multi_cleanup(multi.raw)
            stopped.signal()
        }
        thread.name = "repat-curl"
        thread.start()
    }

    deinit {
        close()
    }

    /// Sends a request. The stream yields the response head, the body chunks as they arrive, and
    /// the final timings; it throws ``TransferFailure`` when the transfer fails. Cancelling the
    /// consuming task (or dropping the stream) aborts the transfer and removes its handle.
    public func stream(_ request: HTTPRequest, options: TransferOptions = TransferOptions()) -> AsyncThrowingStream<TransferEvent, any Error> {
        controlledStream(request, options: options).stream
    }

    /// Like ``stream(_:options:)``, with a control to abort the transfer from elsewhere (a
    /// watchdog) with a reason of its own: the stream then throws that ``TransferFailure``.
    public func controlledStream(
        _ request: HTTPRequest, options: TransferOptions = TransferOptions()
    ) -> (stream: AsyncThrowingStream<TransferEvent, any Error>, control: TransferControl) {
        let (stream, continuation) = AsyncThrowingStream<TransferEvent, any Error>.makeStream()
        let id: UInt64? = shared.withLock { state in
            guard !state.closed else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.commands.append(.add(Transfer(id: id, request: request, options: options, continuation: continuation)))
            return id
        }
        guard let id else {
            continuation.finish(throwing: TransferFailure(kind: .cancelled, curlCode: 0, message: "transport closed"))
            return (stream, TransferControl(transport: nil, id: 0))
        }
        continuation.onTermination = { [weak self] termination in
            if case .cancelled = termination { self?.enqueue(.cancel(id, .cancelled, "cancelled by consumer")) }
        }
        curl_multi_wakeup(multi.raw)
        return (stream, TransferControl(transport: self, id: id))
    }

    /// Aborts a transfer still in flight; a finished one is left alone.
    func abort(_ id: UInt64, kind: TransferFailure.Kind, message: String) {
        enqueue(.cancel(id, kind, message))
    }

    /// Stops the transport: transfers in flight fail as cancelled, later requests fail at once.
    /// Blocks until the thread has exited. Idempotent.
    public func close() {
        let first = shared.withLock { state in
            guard !state.closed else { return false }
            state.closed = true
            state.commands.append(.shutdown)
            return true
        }
        guard first else { return }
        curl_multi_wakeup(multi.raw)
        stopped.wait()
    }

    private func enqueue(_ command: Command) {
        let accepted = shared.withLock { state in
            guard !state.closed else { return false }
            state.commands.append(command)
            return true
        }
        if accepted { curl_multi_wakeup(multi.raw) }
    }

    /// The loop run by the transport thread; all curl state lives here.
    private struct EventLoop {
        let multi: UnsafeMutableRawPointer
        let shared: SharedBox
        var transfers: [UInt64: Transfer] = [:]
        var byHandle: [UnsafeMutableRawPointer: UInt64] = [:]

        init(multi: UnsafeMutableRawPointer, shared: SharedBox) {
            self.multi = multi
            self.shared = shared
        }

        mutating func run() {
            var pending: [Command] = []
            while true {
                shared.withLock { state in swap(&state.commands, &pending) }
                for command in pending {
                    switch command {
                    case .add(let transfer): start(transfer)
                    case .cancel(let id, let kind, let message): cancel(id, kind: kind, message: message)
                    case .shutdown:
                        for id in Array(transfers.keys) { cancel(id, kind: .cancelled, message: "transport closed") }
                        return
                    }
                }
                pending.removeAll(keepingCapacity: true)
                var running: Int32 = 0
                curl_multi_perform(multi, &running)
                collectFinished()
                var ready: Int32 = 0
                curl_multi_poll(multi, nil, 0, 1_000, &ready)
            }
        }

        private mutating func start(_ transfer: Transfer) {
            let easy: EasyHandle
            do {
                easy = try transfer.prepare()
            } catch {
                transfer.fail(.other, message: "cannot set up request: \(error)")
                return
            }
            let code = curl_multi_add_handle(multi, easy.raw)
            guard code == CURLM_OK else {
                transfer.fail(.other, message: "curl_multi_add_handle failed (\(code.rawValue))")
                return
            }
            transfers[transfer.id] = transfer
            byHandle[easy.raw] = transfer.id
        }

        private mutating func cancel(_ id: UInt64, kind: TransferFailure.Kind, message: String) {
            guard let transfer = transfers.removeValue(forKey: id) else { return }
            if let easy = transfer.handle {
                curl_multi_remove_handle(multi, easy.raw)
                byHandle[easy.raw] = nil
            }
            transfer.fail(kind, message: message)
        }

        private mutating func collectFinished() {
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let raw = message.pointee.easy_handle else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi, raw)
                guard let id = byHandle.removeValue(forKey: raw), let transfer = transfers.removeValue(forKey: id) else { continue }
                transfer.complete(code: code)
            }
        }
    }
}

/// Aborts one transfer from outside its consuming loop (a first-token watchdog, say).
public struct TransferControl: Sendable {
    weak var transport: CurlTransport?
    let id: UInt64

    /// Ends the transfer now; its stream throws a ``TransferFailure`` of `kind` with `message`.
    /// Does nothing once the transfer has finished.
    public func abort(_ kind: TransferFailure.Kind, message: String) {
        transport?.abort(id, kind: kind, message: message)
    }
}
