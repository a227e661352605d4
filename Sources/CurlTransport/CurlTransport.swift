import CCurl
import CCurlShim
import Foundation
import Synchronization

/// The HTTP client every request goes through: a few dedicated threads, each driving one
/// `curl_multi` handle with `curl_multi_socket_action` over epoll, serving any number of concurrent
/// transfers.
///
/// Async code never touches curl. A request is queued to one thread (round robin by id), which
/// is woken through an eventfd. Body bytes are stamped with ``MonotonicClock`` inside curl's write
/// callback and handed, still in curl's buffer, to the request's ``ResponseHandler`` on that
/// thread: ``exchange(_:options:handler:started:)`` resumes the sending task once, when the
/// transfer ends, not once per chunk. ``stream(_:options:)`` is the convenience for callers that
/// read a response in their own task. Keep-alive connections are reused through each thread's
/// connection cache, which has no cap below the number of transfers.
public final class CurlTransport: Sendable {
    private let inboxes: [TransferInbox]
    private let nextID = Atomic<UInt64>(1)
    private let closed = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// Threads a transport starts by default: one per four cores, between one and four, so that
    /// tens of thousands of streams spread over several cores on a large client host while a
    /// small one (or one shared with the server under test) keeps its cores for the server.
    public static var defaultThreads: Int {
        max(1, min(4, ProcessInfo.processInfo.activeProcessorCount / 4))
    }

    /// Starts the transport threads.
    /// - Parameters:
    ///   - threads: transport threads, each with its own multi handle and connection cache.
    ///   - maxConnections: cap on open connections per thread (0: none). Each concurrent stream
    ///     needs its own HTTP/1.1 connection, so leave it at 0 unless the server demands otherwise.
    public init(threads: Int = CurlTransport.defaultThreads, maxConnections: Int = 0) {
        inboxes = (0..<max(1, threads)).map { _ in TransferInbox() }
        for (index, inbox) in inboxes.enumerated() {
            let thread = Thread { [stopped] in
                // Named from inside: Foundation passes only the current thread's name on to the
                // kernel, where top, perf and /proc see it.
                Thread.current.name = "repat-curl-\(index)"
                TransportPriority.raiseCurrentThread()
                TransferLoop(inbox: inbox, maxConnections: maxConnections).run()
                stopped.signal()
            }
            thread.start()
        }
    }

    deinit {
        close()
    }

    /// Sends a request and waits for it to end. `handler` takes the response on the transport
    /// thread as it arrives (see ``ResponseHandler``); `started` receives the transfer's control
    /// before the transfer can begin, so a handler may abort it from its first callback on.
    /// Cancelling the calling task aborts the transfer, which then ends as
    /// ``TransferFailure/Kind/cancelled``.
    ///
    /// With `sendAt` (monotonic ns), the transport thread holds the prepared request and hands
    /// it to curl at that time, polling rather than sleeping for the last stretch (twice the
    /// recent worst lateness of the kernel's wake-ups, 20 to 500 µs): submit a little early and
    /// the send is on time to within microseconds, whatever the submitting task's own scheduling
    /// delay. The timings' `startedAt` is the actual send time.
    public func exchange(
        _ request: HTTPRequest, options: TransferOptions = TransferOptions(), sendAt: UInt64 = 0,
        handler: some ResponseHandler, started: (TransferControl) -> Void = { _ in }
    ) async -> TransferEnd {
        let completion = TransferCompletion()
        let control = submit(request, options: options, sendAt: sendAt, handler: handler, started: started) { end in
            completion.resolve(end)
        }
        return await withTaskCancellationHandler {
            await completion.wait()
        } onCancel: {
            control.cancel(message: "cancelled by consumer")
        }
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
        let forwarder = StreamForwarder(continuation)
        let control = submit(request, options: options, sendAt: 0, handler: forwarder, started: { control in
            continuation.onTermination = { termination in
                if case .cancelled = termination { control.cancel(message: "cancelled by consumer") }
            }
        }) { end in
            forwarder.ended(end)
        }
        return (stream, control)
    }

    /// Queues a transfer on its thread; when the transport is closed it ends at once, as cancelled.
    private func submit(
        _ request: HTTPRequest, options: TransferOptions, sendAt: UInt64, handler: any ResponseHandler,
        started: (TransferControl) -> Void, onEnd: @escaping @Sendable (TransferEnd) -> Void
    ) -> TransferControl {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        let control = TransferControl(transport: self, id: id)
        started(control)
        let transfer = Transfer(id: id, request: request, options: options, sendAt: sendAt, handler: handler, onEnd: onEnd)
        if closed.load(ordering: .acquiring) || !inbox(for: id).post(.add(transfer)) {
            transfer.fail(.cancelled, message: "transport closed")
        }
        return control
    }

    /// Aborts a transfer still in flight; a finished one is left alone.
    func abort(_ id: UInt64, kind: TransferFailure.Kind, message: String) {
        inbox(for: id).post(.cancel(id, kind, message))
    }

    /// Stops the transport: transfers in flight fail as cancelled, later requests fail at once.
    /// Blocks until every thread has exited. Idempotent.
    public func close() {
        guard closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        for inbox in inboxes { inbox.post(.shutdown) }
        for _ in inboxes { stopped.wait() }
    }

    private func inbox(for id: UInt64) -> TransferInbox {
        inboxes[Int(id % UInt64(inboxes.count))]
    }
}
