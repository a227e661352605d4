import CurlTransport
import LoopbackSupport
import Simulator
import Testing

/// How transfers end when they do not complete: refused connections, consumer cancellation,
/// transport shutdown.
@Suite("transfer failures and cancellation")
struct FailureTests {
    @Test("a refused connection throws TransferFailure of kind connect")
    func connectionRefused() async throws {
        CurlSetup.ensure()
        let transport = CurlTransport()
        defer { transport.close() }
        let closed = try #require(RefusingPort())
        defer { closed.release() }
        let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:\(closed.port)/v1/models")
        let failure = await #expect(throws: TransferFailure.self) {
            _ = try await collect(transport.stream(request))
        }
        #expect(failure?.kind == .connect)
        #expect(failure?.httpStatus == 0)
        #expect(failure?.curlCode != 0)
    }

    @Test("cancelling the consumer mid-stream ends the stream promptly and frees the server's slot")
    func cancelFreesSlot() async throws {
        // One slot, 50 ms per token: the first request would hold the slot for 20 s if not aborted.
        try await withTransportAndServer({ $0.maxNumSeqs = 1; $0.decodeBaseMs = 50 }) { transport, server in
            let (firstChunk, firstChunkSeen) = AsyncStream<Void>.makeStream()
            let consumer = Task {
                var chunks = 0
                var sawFinished = false
                do {
                    for try await event in transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 400)) {
                        switch event {
                        case .head: break
                        case .body:
                            chunks += 1
                            firstChunkSeen.yield()
                        case .finished: sawFinished = true
                        }
                    }
                } catch let failure as TransferFailure {
                    // Depending on where the cancellation lands, the stream either just ends or
                    // reports the abort; either way it must say "cancelled".
                    #expect(failure.kind == .cancelled)
                }
                return (chunks, sawFinished)
            }
            for await _ in firstChunk { break }
            let cancelledAt = MonotonicClock.now()
            consumer.cancel()
            let (chunks, sawFinished) = try await consumer.value
            #expect(!sawFinished)
            #expect(elapsedMs(since: cancelledAt) < 2_000, "the stream should end soon after cancellation")
            #expect(chunks < 100, "the stream must not run on to its end")

            // The second request can only run once the first one's slot is free.
            let secondStart = MonotonicClock.now()
            let second = try await collect(transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 3)))
            #expect(second.head?.status == 200)
            #expect(second.bodyText.contains("data: [DONE]"))
            #expect(elapsedMs(since: secondStart) < 5_000, "the cancelled request still holds the only slot")
            #expect(server.statistics.peakRunning == 1)
        }
    }

    @Test("after close(), stream() fails at once with kind cancelled")
    func closedTransportRejects() async throws {
        try await withTransportAndServer { transport, server in
            let before = try await collect(transport.stream(HTTPRequest(method: "GET", url: server.baseURL + "/models")))
            #expect(before.head?.status == 200)
            transport.close()
            transport.close()  // idempotent
            let failure = await #expect(throws: TransferFailure.self) {
                _ = try await collect(transport.stream(HTTPRequest(method: "GET", url: server.baseURL + "/models")))
            }
            #expect(failure?.kind == .cancelled)
        }
    }

    @Test("close() fails a transfer in flight as cancelled")
    func closeCancelsInFlight() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 50 }) { transport, server in
            let stream = transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 400))
            var iterator = stream.makeAsyncIterator()
            var sawBody = false
            while !sawBody, let event = try await iterator.next() {
                if case .body = event { sawBody = true }
            }
            #expect(sawBody)
            transport.close()
            let failure = await #expect(throws: TransferFailure.self) {
                while try await iterator.next() != nil {}
            }
            #expect(failure?.kind == .cancelled)
        }
    }

    @Test("a consumer's abort ends the transfer as aborted, carrying the consumer's reason and message")
    func consumerAbort() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 50 }) { transport, server in
            let (stream, control) = transport.controlledStream(chatRequest(baseURL: server.baseURL, maxTokens: 400))
            var iterator = stream.makeAsyncIterator()
            var sawBody = false
            while !sawBody, let event = try await iterator.next() {
                if case .body = event { sawBody = true }
            }
            #expect(sawBody)
            control.abort(AbortReason("enoughSeen"), message: "the test had seen enough")
            let failure = await #expect(throws: TransferFailure.self) {
                while try await iterator.next() != nil {}
            }
            #expect(failure?.kind == .aborted(AbortReason("enoughSeen")))
            #expect(failure?.kind != .aborted(AbortReason("other")))
            #expect(failure?.description == "enoughSeen: the test had seen enough")
        }
    }

    @Test("a failure's description names its kind, or for an abort the consumer's reason")
    func descriptions() {
        let cases: [(TransferFailure.Kind, String)] = [
            (.connectTimeout, "connectTimeout: m"), (.idleTimeout, "idleTimeout: m"), (.cancelled, "cancelled: m"),
            (.aborted(AbortReason("firstTokenTimeout")), "firstTokenTimeout: m"), (.other, "other: m"),
        ]
        for (kind, description) in cases {
            #expect(TransferFailure(kind: kind, curlCode: 0, message: "m").description == description)
        }
    }
}
