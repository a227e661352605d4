import CurlTransport
import Dialects
import Foundation
import LoopbackSupport
import Simulator
import Testing

/// The simulator's ground-truth mode: each token's text carries the monotonic time it was written
/// at, on the client's clock, and an optional log lists the same times.
@Suite("simulator ground truth", .serialized)
struct GroundTruthTests {
    @Test("a token text made for a write time parses back to it; text without a stamp gives none")
    func roundTrip() {
        let text = GroundTruth.tokenText(writtenAt: 1_234_567_890_123)
        let event = Array("{\"choices\":[{\"delta\":{\"content\":\"\(text)\"}}]}".utf8)
        #expect(GroundTruth.writeTime(in: event) == 1_234_567_890_123)
        #expect(GroundTruth.writeTime(in: Array("{\"content\":\" hello\"}".utf8)) == nil)
        #expect(GroundTruth.writeTime(in: Array("[DONE]".utf8)) == nil)
    }

    @Test("streamed stamps are monotone, after the send and before the client's receive stamp, and match the log")
    func stampsPrecedeReceipt() async throws {
        CurlSetup.ensure()
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("repat-ground-truth-\(getpid()).log").path
        defer { unlink(logPath) }
        var profile = EngineProfile()
        profile.decodeBaseMs = 1
        profile.prefillOverheadMs = 0
        try profile.set("ground_truth", to: "true")
        try profile.set("ground_truth_log", to: logPath)
        let server = try await SimulatorServer.start(profile: profile, threads: 1)
        let transport = CurlTransport()
        defer { transport.close() }
        let body = #"{"model":"sim-model","stream":true,"max_tokens":40,"ignore_eos":true,"messages":[{"role":"user","content":"one two three"}]}"#
        let request = HTTPRequest(url: server.baseURL + "/chat/completions", headers: [HTTPHeader("Content-Type", "application/json")], body: Array(body.utf8))
        let sent = MonotonicClock.now()
        var parser = SSEParser()
        var pairs: [(written: UInt64, received: UInt64)] = []
        for try await event in transport.stream(request) {
            guard case .body(let chunk) = event else { continue }
            parser.feed(chunk.bytes) { sse in
                if let written = GroundTruth.writeTime(in: sse.data) { pairs.append((written, chunk.receivedAt)) }
            }
        }
        try await server.shutdown()
        #expect(pairs.count == 40)
        #expect(pairs.allSatisfy { $0.written > sent && $0.written < $0.received })
        #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.written < $1.written })

        let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "request,token,write_ns")
        let logged = lines.dropFirst().map { $0.split(separator: ",") }
        #expect(logged.map { $0[1] } == (0..<40).map { Substring(String($0)) })
        #expect(logged.compactMap { UInt64($0[2]) } == pairs.map(\.written))
    }
}
