import Foundation
import LoadGen
import Orchestration
import Testing
import Workload

/// A scenario with a loader problem, a bad simulator option and a bad dataset gets every problem
/// reported in one pass.
@Suite("checking a scenario in one pass")
struct RunPlanOnePassTests {
    /// A fresh folder holding `p.jsonl` with `lines`; the caller removes it.
    private static func folder(dataset lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-onepass-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try lines.joined(separator: "\n").write(toFile: path + "/p.jsonl", atomically: true, encoding: .utf8)
        return path
    }

    private static let yaml = """
        name: one-pass
        targets:
          - name: sim
            dialect: openai-chat
            base_url: sim://a
            model: m
            simulator:
              max_num_seq: 4
          - name: typo
            dialect: openai-caht
            base_url: sim://b
            model: m
        load:
          concurency: 2
          requests: 1
        workload:
          dataset: p.jsonl
          max_tokens: 4
        """

    @Test("the loader's problems, the simulator's, the dialect's and every bad dataset line come together, in file order")
    func everyProblem() throws {
        let folder = try Self.folder(dataset: [#"{"prompt": "ok"}"#, "nope", #"{"text": 1}"#, #"{"prompt": "ok"}"#, "[]"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/s.yaml"
        let reading = ScenarioLoader(environment: [:], catalog: TargetCatalog()).read(Self.yaml, file: file)
        let error = #expect(throws: ScenarioProblems.self) {
            _ = try RunPlan(reading: reading, environment: [:], simulators: BuiltInSimulators())
        }
        let problems = try #require(error?.problems)
        #expect(problems.map { "\($0.line.map(String.init) ?? "-") \($0.field)" } == [
            "8 targets[0].simulator.max_num_seq",
            "10 targets[1].dialect",
            "14 load.concurency",
            "14 load",
            "2 ", "3 ", "5 ",
        ])
        #expect(problems.prefix(4).allSatisfy { $0.file == file })
        #expect(problems.suffix(3).allSatisfy { $0.file == folder + "/p.jsonl" })
        #expect(problems[0].message.hasPrefix("unknown simulator option 'max_num_seq' (did you mean 'max_num_seqs'?); valid options: model_name, max_num_seqs,"))
        #expect(problems[1].message.hasPrefix("unknown dialect 'openai-caht' (did you mean 'openai-chat'?) (known: "))
        #expect(problems[2].message.hasPrefix("unknown field (did you mean 'concurrency'?)"))
        #expect(problems[4].message == "not a JSON object (workload.dataset of \(file))")
    }

    @Test("a field the loader faulted is not checked again by the plan")
    func noEcho() throws {
        let yaml = Self.yaml
            .replacingOccurrences(of: "base_url: sim://b", with: "base_url: ${REPAT_TEST_UNSET_URL}")
            .replacingOccurrences(of: "openai-caht", with: "openai-chat")
        let folder = try Self.folder(dataset: [#"{"prompt": "ok"}"#])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reading = ScenarioLoader(environment: [:], catalog: TargetCatalog()).read(yaml, file: folder + "/s.yaml")
        let error = #expect(throws: ScenarioProblems.self) {
            _ = try RunPlan(reading: reading, environment: [:], simulators: BuiltInSimulators())
        }
        #expect(error?.problems.map(\.field) == ["targets[0].simulator.max_num_seq", "targets[1].base_url", "load.concurency", "load"])
        #expect(error?.problems[1].message == "environment variable REPAT_TEST_UNSET_URL is not set")
    }
}
