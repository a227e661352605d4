import CurlTransport
import Simulator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide libcurl set-up, run once however many tests use the transport (tests have no `main`).
enum CurlSetup {
    private static let initialised: Bool = Curl.globalInit()

    /// Initialises libcurl on first use; later calls do nothing.
    static func ensure() {
        _ = initialised
    }
}

/// Runs `body` with a fresh transport and a fresh simulator on an ephemeral loopback port; both
/// are shut down afterwards, whatever `body` does.
func withTransportAndServer<T>(
    _ configure: (inout EngineProfile) -> Void = { _ in },
    _ body: (CurlTransport, SimulatorServer) async throws -> T
) async throws -> T {
    CurlSetup.ensure()
    var profile = EngineProfile()
    profile.prefillOverheadMs = 1
    profile.decodeBaseMs = 1
    profile.decodePerSeqMs = 0
    configure(&profile)
    let server = try await SimulatorServer.start(profile: profile, threads: 2)
    let transport = CurlTransport()
    defer { transport.close() }
    do {
        let result = try await body(transport, server)
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}

/// A streamed chat-completions request for the simulator.
func chatRequest(baseURL: String, maxTokens: Int, stream: Bool = true) -> HTTPRequest {
    let body = #"{"model":"sim-model","messages":[{"role":"user","content":"hello there"}],"max_tokens":\#(maxTokens),"ignore_eos":true,"stream":\#(stream)}"#
    return HTTPRequest(
        method: "POST", url: baseURL + "/chat/completions",
        headers: [HTTPHeader("Content-Type", "application/json")], body: Array(body.utf8)
    )
}

/// Everything one transfer's stream delivered, in order.
struct CollectedResponse {
    /// The response head, if one arrived.
    var head: ResponseHead?
    /// Body chunks in arrival order.
    var chunks: [BodyChunk] = []
    /// The final timings, if the stream finished normally.
    var timings: TransferTimings?
    /// Event order violations seen (body before head, anything after finished, two heads).
    var orderProblems: [String] = []

    /// The body bytes as text.
    var bodyText: String { String(decoding: chunks.flatMap(\.bytes), as: UTF8.self) }
}

/// Reads a transfer's stream to its end; rethrows the stream's failure.
func collect(_ stream: AsyncThrowingStream<TransferEvent, any Error>) async throws -> CollectedResponse {
    var collected = CollectedResponse()
    for try await event in stream {
        if collected.timings != nil { collected.orderProblems.append("event after finished") }
        switch event {
        case .head(let head):
            if collected.head != nil { collected.orderProblems.append("second head") }
            collected.head = head
        case .body(let chunk):
            if collected.head == nil { collected.orderProblems.append("body before head") }
            collected.chunks.append(chunk)
        case .finished(let timings):
            collected.timings = timings
        }
    }
    return collected
}

/// A loopback TCP port that is bound but not listening, so connecting to it is refused. The port
/// stays reserved (no other socket can take it) until ``release()``.
final class RefusingPort {
    /// The reserved port.
    let port: Int
    private var descriptor: Int32

    /// Binds a fresh socket to `127.0.0.1:0`; returns nil when the system refuses.
    init?() {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        guard bound == 0, named == 0 else {
            _ = close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    deinit {
        release()
    }

    /// Closes the socket, freeing the port.
    func release() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }
}

/// Milliseconds elapsed since `start` on the monotonic clock.
func elapsedMs(since start: UInt64) -> Double {
    Double(MonotonicClock.now() - start) / 1e6
}
