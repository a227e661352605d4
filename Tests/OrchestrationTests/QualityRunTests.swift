import Foundation
import LoopbackSupport
import Metrics
import Orchestration
import Results
import Testing
import Workload

/// Answer quality measured through whole runs against simulated targets that answer a known share.
@Suite("answer quality end to end")
struct QualityRunTests {
    /// A JSONL dataset of `count` arithmetic and classification items with expected answers.
    private static func dataset(count: Int) -> String {
        (0..<count).map { index in
            index % 2 == 0
                ? #"{"prompt": "What is \#(index) + 7? Reply with the number only.", "max_tokens": 6, "expected": {"number": \#(index + 7)}}"#
                : #"{"prompt": "Item \#(index): positive or negative?", "max_tokens": 4, "expected": {"one_of": ["positive"]}}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test("two simulated targets answering 90% and 40% correctly: measured pass rates match within the 95% interval")
    func knownShares() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = (folder as NSString).appendingPathComponent("eval.jsonl")
        try Self.dataset(count: 50).write(toFile: path, atomically: true, encoding: .utf8)
        let shares = ["strong": 0.9, "weak": 0.4]
        let targets = shares.keys.sorted().map { simulatedTarget($0, options: ["correct_share": String(shares[$0] ?? 0)]) }
        let yaml = scenarioYAML(
            name: "quality", targets: targets.joined(separator: "\n"), load: ["concurrency: [8]", "requests: 300"],
            workload: ["dataset: \(path)", "max_tokens: 6"]) + "quality:\n  save_responses: true\n"
        let (report, _) = try await runBenchmark(yaml, in: folder)
        #expect(report.status == .completed)

        // responses.jsonl: one line per request, its verdict as in requests.csv, the simulator's answer as text.
        let lines = try String(contentsOfFile: report.directory.responsesJSONL, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 600)
        let responses = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let passed = responses.filter { $0["quality"] as? String == "pass" }
        #expect(passed.count == report.summaries.reduce(0) { $0 + $1.quality.passed })
        #expect(passed.allSatisfy { ($0["text"] as? String).map { $0 == "positive" || Double($0) != nil } == true })
        #expect(responses.allSatisfy { Set($0.keys) == ["target", "load_level", "request_id", "warmup", "status", "quality", "quality_score", "text"] })

        let rows = try readRequestRows(report.directory)
        for summary in report.summaries {
            let share = try #require(shares[summary.target])
            let quality = summary.quality
            #expect(quality.scored == 300, "every successful answer is scored")
            let interval = try #require(quality.interval)
            #expect(interval.contains(share), "\(summary.target): \(quality.passed)/\(quality.scored) passed, 95% \(interval), configured \(share)")
            let own = rows.filter { $0["target"] == summary.target }
            #expect(own.filter { $0["quality"] == "pass" }.count == quality.passed)
            #expect(own.allSatisfy { ($0["quality"] == "pass" && $0["quality_score"] == "1.000") || ($0["quality"] == "fail" && $0["quality_score"] == "0.000") })
        }
        let summaryRows = try #require(parseCSV(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)))
        let header = try #require(summaryRows.first)
        let rate = try #require(header.firstIndex(of: "quality_pass_rate"))
        let low = try #require(header.firstIndex(of: "quality_pass_low"))
        for (row, summary) in zip(summaryRows.dropFirst(), report.summaries) {
            #expect(row[rate] == FigureText.cell(summary.quality.passRate))
            #expect(row[low] == FigureText.cell(summary.quality.interval?.lowerBound))
        }
    }

    @Test("reference_target: it runs first; every other answer is judged against its answer to the same prompt (normalised match passes, score F1); its own are not scored")
    func againstReferenceTarget() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let targets = [
            simulatedTarget("twin", options: ["seed": "5"]), simulatedTarget("other", options: ["seed": "6"]), simulatedTarget("ref", options: ["seed": "5"]),
        ]
        let yaml = scenarioYAML(name: "reference", targets: targets.joined(separator: "\n"), load: ["concurrency: [2]", "requests: 12"])
            + "quality:\n  reference_target: ref\n  save_responses: true\n"
        let (report, _) = try await runBenchmark(yaml, in: folder)
        #expect(report.status == .completed)
        #expect(report.summaries.map(\.target) == ["ref", "twin", "other"], "the reference target runs first")
        let lines = try String(contentsOfFile: report.directory.responsesJSONL, encoding: .utf8).split(separator: "\n")
        let responses = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        func text(_ target: String, _ request: Int) -> String? {
            responses.first { $0["target"] as? String == target && $0["request_id"] as? Int == request }?["text"] as? String
        }
        let rows = try readRequestRows(report.directory)
        #expect(rows.filter { $0["target"] == "ref" }.allSatisfy { $0["quality"] == "" && $0["quality_score"] == "" })
        var verdicts: [String: [String]] = [:]
        for row in rows where row["target"] != "ref" {
            let target = try #require(row["target"]), request = try #require(row["request_id"].flatMap { Int($0) })
            let answer = try #require(text(target, request)), reference = try #require(text("ref", request))
            let same = AnswerText.normalised(answer) == AnswerText.normalised(reference)
            #expect(row["quality"] == (same ? "pass" : "fail"), "\(target) \(request): '\(answer)' vs '\(reference)'")
            #expect(row["quality_score"] == FigureText.cell(AnswerText.f1(answer, reference)))
            verdicts[target, default: []].append(row["quality"] ?? "")
        }
        // The same simulator seed answers most prompts as the reference does; another seed does not.
        #expect(verdicts["twin"]?.contains("pass") == true, "\(verdicts)")
        #expect(verdicts["other"]?.contains("fail") == true, "\(verdicts)")
        #expect(report.summaries.first { $0.target == "twin" }?.quality.scored == 12)
    }

    @Test("without expected answers nothing is scored and the quality cells stay empty")
    func unscored() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(name: "plain", targets: simulatedTarget("plain", options: ["correct_share": "1"]), load: ["concurrency: [2]", "requests: 6"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        #expect(report.summaries.allSatisfy { $0.quality.scored == 0 })
        #expect(try readRequestRows(report.directory).allSatisfy { $0["quality"] == "" && $0["quality_score"] == "" })
    }
}
