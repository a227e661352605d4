import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Results
import Testing

/// Prompt-length calibration against the simulator, whose tokenizer counts one token per word.
@Suite("prompt-length calibration, end to end")
struct CalibrationTests {
    private static func yaml(calibrate: String, target: String = simulatedTarget("words")) -> String {
        scenarioYAML(
            name: "calibrate-\(calibrate)", targets: target, load: ["concurrency: [1]", "requests: 2"],
            workload: ["prompt_tokens: 16", "max_tokens: 4", "ignore_eos: true", "calibrate: \(calibrate)"]
        )
    }

    @Test("calibrate: probe and calibrate: auto (no /tokenize on the simulator) both measure one token per word by probing", arguments: ["probe", "auto"])
    func probe(mode: String) async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let (report, log) = try await runBenchmark(Self.yaml(calibrate: mode), in: folder)
        #expect(report.status == .completed)
        let calibration = try #require(try readRunJSON(report.directory)["calibration"] as? [String: Any])
        #expect(calibration["target"] as? String == "words")
        #expect(calibration["method"] as? String == "probe")
        let tokensPerWord = try #require(calibration["tokens_per_word"] as? Double)
        #expect(abs(tokensPerWord - 1) < 0.05, "\(tokensPerWord) tokens per word")
        #expect(log.contains { $0.hasPrefix("calibration: ") && $0.contains("'words'") })
        let rows = try readRequestRows(report.directory)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["status"] == "ok" })
    }

    @Test("a target whose probes all fail makes calibration a setup error naming it, and no run folder is made")
    func probeFails() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let failing = simulatedTarget("mute", options: ["error_rate": "1"])
        let error = await #expect(throws: BenchmarkRun.SetupError.self) {
            _ = try await runBenchmark(Self.yaml(calibrate: "probe", target: failing), in: folder)
        }
        let lines = try #require(error?.lines)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("'mute'") == true, "\(lines)")
        #expect(lines.first?.contains("calibrate") == true, "\(lines)")
        #expect(runFolders(in: folder).isEmpty, "nothing may be written before the checks pass")
    }
}
