import LoopbackSupport
@testable import SelfBench
import Testing

/// The timestamp-error steps with the simulator in a child `repat simulate` process, as
/// `repat selfbench` runs them, against the package's own built executable.
@Suite("selfbench with a child simulator", .serialized)
struct ChildSimulatorTests {
    @Test("the API address is read from repat simulate's banner; other lines give none")
    func banner() {
        let line = "repat simulator listening at http://127.0.0.1:44691 (OpenAI-compatible API at http://127.0.0.1:44691/v1; Ctrl-C to stop)"
        #expect(ChildSimulator.baseURL(inBanner: line) == "http://127.0.0.1:44691/v1")
        #expect(ChildSimulator.baseURL(inBanner: "repat: error: address in use") == nil)
        #expect(ChildSimulator.baseURL(inBanner: "API at ftp://x;") == nil)
    }

    @Test("timestamp-error steps run against a child simulator and measure every stream's tokens")
    func timestampSteps() async throws {
        CurlSetup.ensure()
        let executable = try #require(BuiltExecutable.repat(), "no repat executable among \(BuiltExecutable.repatCandidates)")
        var settings = TinySelfBenchTests.tiny
        settings.simulatorExecutable = executable
        let rows = try await TimestampErrorStep(settings: settings, streamCapacity: 100) { _ in }.run()
        #expect(rows.map(\.streams) == [1, 8])
        for row in rows {
            #expect(row.failures == 0, "\(row.firstFailure ?? "")")
            #expect(row.tokens > 0)
            #expect(row.peakOpenStreams == row.streams)
            let p50 = try #require(row.errorP50Us)
            #expect(p50 > 0)
        }
    }

    @Test("a simulator executable that does not serve is a one-line error naming it")
    func notASimulator() async throws {
        do {
            _ = try await ChildSimulator.start(executable: "/bin/true", options: [], threads: 1)
            Issue.record("/bin/true was taken for a simulator")
        } catch {
            #expect(error.description.contains("/bin/true"))
            #expect(!error.description.contains("\n"))
        }
    }
}
