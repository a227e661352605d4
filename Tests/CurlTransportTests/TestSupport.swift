import CurlTransport
import LoopbackSupport
import Simulator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Milliseconds elapsed since `start` on the monotonic clock.
func elapsedMs(since start: UInt64) -> Double {
    Double(MonotonicClock.now() - start) / 1e6
}
