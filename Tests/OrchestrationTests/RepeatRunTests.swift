import Foundation
import LoopbackSupport
import LoadGen
import Metrics
import Orchestration
import Results
import Testing
import Workload

/// Runs with `load.repeat`: the order repeats run in, the work each sends, and the rows they leave.
@Suite("repeated levels, end to end")
struct RepeatRunTests {
    @Test("repeat: 3 runs each level round by round across targets, with the same work every time, a repeat column, and a pooled row before each level's repeat rows")
    func interleavedRepeats() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        func yaml(repeats: Int) -> String {
            scenarioYAML(
                name: "repeats", targets: simulatedTarget("a") + "\n" + simulatedTarget("b"),
                load: ["concurrency: [1, 2]", "requests: 4", "repeat: \(repeats)"]
            )
        }
        let (report, log) = try await runBenchmark(yaml(repeats: 3), in: folder)
        #expect(report.status == .completed)
        let rounds = ["c1", "c2"].flatMap { level in (1...3).flatMap { number in ["a", "b"].map { "\($0)/\(level)/\(number)" } } }
        #expect(report.summaries.map { "\($0.target)/\($0.loadLevel)/\($0.repetition ?? 0)" } == rounds)

        // Rows are written as requests finish, so the file shows the order the repeats ran in.
        let rows = try readRequestRows(report.directory)
        #expect(rows.map { "\($0["target"] ?? "")/\($0["load_level"] ?? "")/\($0["repeat"] ?? "")" } == rounds.flatMap { Array(repeating: $0, count: 4) })
        #expect(rows.allSatisfy { ["0", "1", "2", "3"].contains($0["request_id"] ?? "") })
        for level in ["c1", "c2"] {
            let digests = Set(report.summaries.filter { $0.loadLevel == level }.map(\.workloadDigest))
            #expect(digests.count == 1 && digests.first != nil, "\(level): every target and repeat sent the same work")
        }

        let metadata = try readRunJSON(report.directory)
        #expect(metadata["repeats"] as? Int == 3)
        let levels = try #require(metadata["levels"] as? [[String: Any]])
        #expect(levels.map { "\($0["target"] as? String ?? "")/\($0["load_level"] as? String ?? "")/\($0["repeat"] as? Int ?? 0)" } == rounds)

        let summary = try #require(parseCSV(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)))
        let header = try #require(summary.first)
        let cells = summary.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        let expected = ["c1", "c2"].flatMap { level in ["a", "b"].flatMap { target in ["", "1", "2", "3"].map { "\(target)/\(level)/\($0)" } } }
        #expect(cells.map { "\($0["target"] ?? "")/\($0["load_level"] ?? "")/\($0["repeat"] ?? "")" } == expected)
        #expect(cells.filter { $0["repeat"] == "" }.allSatisfy { $0["requests"] == "12" && $0["status"] == "completed" })
        #expect(cells.filter { $0["repeat"] != "" }.allSatisfy { $0["requests"] == "4" })

        // repat report and roi rebuild each level from requests.csv, repeats pooled: the same figures.
        let pooled = try RunResults.load(report.directory.path).summaries()
        #expect(pooled.map { "\($0.target)/\($0.loadLevel)" } == ["a/c1", "b/c1", "a/c2", "b/c2"])
        for level in pooled {
            let row = try #require(cells.first { $0["target"] == level.target && $0["load_level"] == level.loadLevel && $0["repeat"] == "" })
            #expect(row["req_per_s"] == FigureText.cell(level.requestsPerSecond), "\(level.target) \(level.loadLevel)")
            #expect(row["duration_s"] == FigureText.cell(level.durationS))
            #expect(row["ttft_p50_ms"] == FigureText.cell(level.ttft.percentileMs(50)))
            #expect(row["e2e_p99_ms"] == FigureText.cell(level.e2e.percentileMs(99)))
            let ended = try #require(log.first { $0.hasPrefix("\(level.target) \(level.loadLevel) (3 repeats pooled): ") })
            #expect(ended.contains("\(FigureText.cell(level.requestsPerSecond)) req/s"), "\(ended)")
        }

        // The run's digest is that of the same scenario run once: the repeats sent nothing else.
        let (once, _) = try await runBenchmark(yaml(repeats: 1), in: folder)
        #expect(once.summaries.allSatisfy { $0.repetition == nil })
        #expect(try readRunJSON(once.directory)["workload_digest"] as? String == metadata["workload_digest"] as? String)
        #expect(try readRunJSON(once.directory)["repeats"] == nil)
    }

    @Test("with repeats, the quality reference target still runs first in every round")
    func referenceFirst() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "reference-repeats", targets: simulatedTarget("x") + "\n" + simulatedTarget("ref"), load: ["concurrency: [2]", "requests: 4", "repeat: 2"]
        ) + "quality:\n  reference_target: ref\n"
        let (report, _) = try await runBenchmark(yaml, in: folder)
        #expect(report.summaries.map { "\($0.target)/\($0.repetition ?? 0)" } == ["ref/1", "x/1", "ref/2", "x/2"])
    }

    @Test("--repeat overrides load.repeat; a saturation search refuses it with one line")
    func repeatOverride() throws {
        var plan = try makePlan(scenarioYAML(name: "over", targets: simulatedTarget("a"), load: ["concurrency: [1]", "requests: 2", "repeat: 2"]))
        #expect(plan.repeats == 2)
        try plan.repeatingLevels(4)
        #expect(plan.repeats == 4)
        #expect(plan.repeatsOf(plan.levels[0]).map(\.repetition) == [1, 2, 3, 4])
        try plan.repeatingLevels(1)
        #expect(plan.repeatsOf(plan.levels[0]).map(\.repetition) == [nil])
        var search = try makePlan(
            scenarioYAML(name: "search", targets: simulatedTarget("a"), load: ["saturation: {min_rate: 1, max_rate: 4}", "requests: 2"]) + "slo:\n  ttft_p99_ms: 500\n"
        )
        #expect(throws: ScenarioProblems.self) { try search.repeatingLevels(2) }
        do {
            try search.repeatingLevels(2)
        } catch {
            #expect(error.problems.map(\.description) == ["test.yaml: --repeat: \(LoadSpec.saturationRepeatProblem)"])
        }
    }
}
