import CurlTransport
import LoopbackSupport
import Simulator
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Records what the transport hands a ``ResponseHandler``, and on which thread.
private final class RecordingHandler: ResponseHandler, @unchecked Sendable {
    var head: ResponseHead?
    var body: [UInt8] = []
    var stamps: [UInt64] = []
    var threadNames: Set<String> = []
    var bodyBeforeHead = false
    /// Cancel (``BodyDisposition/cancel``) once this many body bytes have arrived.
    let abortAfterBytes: Int?
    /// What to answer once ``abortAfterBytes`` have arrived.
    let disposition: BodyDisposition

    init(abortAfterBytes: Int? = nil, disposition: BodyDisposition = .cancel) {
        self.abortAfterBytes = abortAfterBytes
        self.disposition = disposition
    }

    func receivedHead(_ head: ResponseHead) {
        self.head = head
        threadNames.insert(currentThreadName())
    }

    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> BodyDisposition {
        if head == nil { bodyBeforeHead = true }
        body.append(contentsOf: bytes)
        stamps.append(time)
        threadNames.insert(currentThreadName())
        if let limit = abortAfterBytes, body.count >= limit { return disposition }
        return .proceed
    }
}

/// The kernel's name of the calling thread (`/proc/thread-self/comm`).
private func currentThreadName() -> String {
    guard let file = fopen("/proc/thread-self/comm", "r") else { return "" }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 64)
    guard fgets(&buffer, 64, file) != nil else { return "" }
    return String(decoding: buffer.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `exchange`: responses handed over on the transport threads, scheduled sends, cancellation.
@Suite("exchange: responses read on the transport thread")
struct ExchangeTests {
    @Test("the handler gets the head, then the whole body with rising stamps, on a transport thread; timings carry the send time")
    func wholeResponse() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 2 }) { transport, server in
            let handler = RecordingHandler()
            let before = MonotonicClock.now()
            let end = await transport.exchange(chatRequest(baseURL: server.baseURL, maxTokens: 6), handler: handler)
            let timings = try end.get()
            #expect(handler.head?.status == 200)
            #expect(!handler.bodyBeforeHead)
            let text = String(decoding: handler.body, as: UTF8.self)
            #expect(text.contains("data: [DONE]"))
            #expect(zip(handler.stamps, handler.stamps.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(handler.threadNames.allSatisfy { $0.hasPrefix("repat-curl-") }, "\(handler.threadNames)")
            #expect(timings.startedAt >= before && timings.startedAt <= (handler.head?.receivedAt ?? 0))
        }
    }

    @Test("a scheduled send goes out at its time, not when it was submitted")
    func scheduledSend() async throws {
        try await withTransportAndServer { transport, server in
            let handler = RecordingHandler()
            let sendAt = MonotonicClock.now() + 80_000_000
            let timings = try await transport.exchange(chatRequest(baseURL: server.baseURL, maxTokens: 2), sendAt: sendAt, handler: handler).get()
            #expect(timings.startedAt >= sendAt, "sent \(Int64(bitPattern: timings.startedAt &- sendAt)) ns before its time")
            // Generous: this checks the send is held and then released, not the machine's precision.
            #expect(timings.startedAt - sendAt < 50_000_000)
            #expect(handler.head?.status == 200)
        }
    }

    @Test("sends scheduled out of order go out in time order")
    func scheduledOrder() async throws {
        try await withTransportAndServer { transport, server in
            let base = MonotonicClock.now() + 200_000_000
            let offsets: [UInt64] = [40, 0, 30, 10, 20].map { $0 * 1_000_000 }
            let started = await withTaskGroup(of: (UInt64, UInt64).self) { group in
                for offset in offsets {
                    group.addTask {
                        let end = await transport.exchange(
                            chatRequest(baseURL: server.baseURL, maxTokens: 1), sendAt: base + offset, handler: RecordingHandler())
                        return (offset, (try? end.get().startedAt) ?? 0)
                    }
                }
                var pairs: [(UInt64, UInt64)] = []
                for await pair in group { pairs.append(pair) }
                return pairs.sorted { $0.0 < $1.0 }
            }
            #expect(started.allSatisfy { $0.1 >= base + $0.0 }, "\(started)")
            #expect(zip(started, started.dropFirst()).allSatisfy { $0.1 <= $1.1 }, "\(started)")
        }
    }

    @Test("cancelling the task of a scheduled send ends it as cancelled without sending it")
    func cancelScheduled() async throws {
        try await withTransportAndServer { transport, server in
            let handler = RecordingHandler()
            let task = Task {
                await transport.exchange(
                    chatRequest(baseURL: server.baseURL, maxTokens: 2), sendAt: MonotonicClock.now() + 5_000_000_000, handler: handler)
            }
            try await Task.sleep(nanoseconds: 50_000_000)
            task.cancel()
            let end = await task.value
            guard case .failure(let failure) = end else {
                Issue.record("a cancelled exchange succeeded")
                return
            }
            #expect(failure.kind == .cancelled)
            #expect(failure.timings.startedAt == 0, "never handed to curl")
            #expect(handler.head == nil)
        }
    }

    @Test("a handler that answers cancel aborts its transfer, which ends as cancelled")
    func handlerAborts() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 5 }) { transport, server in
            let handler = RecordingHandler(abortAfterBytes: 1)
            let start = MonotonicClock.now()
            let end = await transport.exchange(chatRequest(baseURL: server.baseURL, maxTokens: 400), handler: handler)
            guard case .failure(let failure) = end else {
                Issue.record("an aborted exchange succeeded")
                return
            }
            #expect(failure.kind == .cancelled)
            #expect(elapsedMs(since: start) < 1_000, "400 tokens at 5 ms would take 2 s")
        }
    }

    @Test("a handler's abort ends its transfer inside the write callback, with the handler's reason and message")
    func handlerAbortsWithReason() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 5 }) { transport, server in
            let reason = AbortReason("tooMuch")
            let handler = RecordingHandler(abortAfterBytes: 1, disposition: .abort(reason, message: "enough bytes"))
            let start = MonotonicClock.now()
            let end = await transport.exchange(chatRequest(baseURL: server.baseURL, maxTokens: 400), handler: handler)
            guard case .failure(let failure) = end else {
                Issue.record("an aborted exchange succeeded")
                return
            }
            #expect(failure.kind == .aborted(reason))
            #expect(failure.description == "tooMuch: enough bytes")
            #expect(handler.stamps.count == 1, "no byte is handed over after the abort")
            #expect(elapsedMs(since: start) < 1_000, "400 tokens at 5 ms would take 2 s")
        }
    }

    @Test("three transport threads share 90 concurrent transfers, each read whole")
    func severalThreads() async throws {
        CurlSetup.ensure()
        var profile = EngineProfile()
        profile.decodeBaseMs = 1
        let server = try await SimulatorServer.start(profile: profile, threads: 2)
        let transport = CurlTransport(threads: 3)
        let handlers = (0..<90).map { _ in RecordingHandler() }
        let ends = await withTaskGroup(of: Bool.self) { group in
            for handler in handlers {
                group.addTask {
                    let end = await transport.exchange(chatRequest(baseURL: server.baseURL, maxTokens: 5), handler: handler)
                    return (try? end.get()) != nil
                }
            }
            var succeeded = 0
            for await ok in group where ok { succeeded += 1 }
            return succeeded
        }
        transport.close()
        try await server.shutdown()
        #expect(ends == 90)
        #expect(handlers.allSatisfy { String(decoding: $0.body, as: UTF8.self).contains("[DONE]") })
        let threads = handlers.reduce(into: Set<String>()) { $0.formUnion($1.threadNames) }
        #expect(threads == ["repat-curl-0", "repat-curl-1", "repat-curl-2"])
    }

    @Test("after close, an exchange ends at once as cancelled")
    func afterClose() async throws {
        CurlSetup.ensure()
        let transport = CurlTransport()
        transport.close()
        let end = await transport.exchange(HTTPRequest(method: "GET", url: "http://127.0.0.1:9/"), handler: RecordingHandler())
        guard case .failure(let failure) = end else {
            Issue.record("an exchange on a closed transport succeeded")
            return
        }
        #expect(failure.kind == .cancelled)
    }
}
