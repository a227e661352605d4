import CurlTransport
import Simulator
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Notes the nice value of the thread that delivers the response head.
private final class PriorityProbe: ResponseHandler, Sendable {
    let nice = Mutex<Int32?>(nil)

    func receivedHead(_ head: ResponseHead) {
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        nice.withLock { $0 = value }
    }

    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> BodyDisposition { .proceed }
}

@Suite("transport thread priority")
struct TransportPriorityTests {
    @Test("transport threads run at the raised nice value when the kernel allows it, at the process's otherwise, and say which")
    func raisedWhenAllowed() async throws {
        let processNice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        try await withTransportAndServer { transport, server in
            let probe = PriorityProbe()
            _ = try await transport.exchange(chatRequest(baseURL: server.baseURL, maxTokens: 1), handler: probe).get()
            let nice = probe.nice.withLock { $0 }
            switch TransportPriority.state {
            case .raised:
                #expect(nice == TransportPriority.raisedNice)
                #expect(TransportPriority.summary.contains("nice -10"))
            case .refused:
                #expect(nice == processNice)
                #expect(TransportPriority.summary.contains("default priority"))
            case .notStarted:
                Issue.record("a transport thread ran without recording its priority")
            }
        }
    }
}
