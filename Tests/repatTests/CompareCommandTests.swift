import Foundation
import Results
import Testing

/// A one-target simulated scenario: closed loop at concurrency 4, 120 measured requests after 8
/// warm-up ones (which hold the start-up burst), 16 output tokens each. `slower` raises decode
/// time by 25% and adds about 20 ms to prefill, so its TTFT p99 stays clear of a scheduling
/// hiccup of a few milliseconds in the baseline on a busy machine.
private func simulatedScenario(name: String, slower: Bool = false, targets: [String] = ["t1"]) -> String {
    let simulator = slower
        ? "      decode_base_ms: 5\n      prefill_tokens_per_second: 12000\n      prefill_overhead_ms: 25"
        : "      decode_base_ms: 4\n      prefill_tokens_per_second: 20000\n      prefill_overhead_ms: 8"
    let targetText = targets.enumerated().map { index, target in
        let speed = index == 0 ? simulator
            : "      decode_base_ms: 5\n      prefill_tokens_per_second: 12000\n      prefill_overhead_ms: 10"
        return """
          - name: \(target)
            dialect: openai-chat
            base_url: sim://\(target)
            model: m
            simulator:
              max_num_seqs: 4
              decode_per_seq_ms: 0.5
        \(speed)
        """
    }.joined(separator: "\n")
    return """
    name: \(name)
    seed: 7
    targets:
    \(targetText)
    load:
      concurrency: 4
      requests: 120
      warmup_requests: 8
    workload:
      prompt_tokens: 128
      max_tokens: 16
      ignore_eos: true
    # Reruns must differ only by chance: no sampler scraping the simulators' /metrics mid-run.
    telemetry: off

    """
}

/// Runs a scenario with `repat run` and returns its run folder.
private func runScenario(_ text: String, named name: String, in workspace: Workspace) async throws -> String {
    let before = Set(workspace.runFolders())
    let file = try workspace.scenario(name + ".yaml", text)
    let outcome = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(60))
    try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
    let created = try #require(Set(workspace.runFolders()).subtracting(before).first)
    return workspace.results + "/" + created
}

/// CSV output of `compare` as rows keyed by column name.
private func csvRows(_ text: String) throws -> [[String: String]] {
    let rows = try #require(parseCSV(text))
    let header = try #require(rows.first)
    #expect(header == ComparisonReport.csvColumns)
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

private let medianMetrics: Set<String> = ["ttft_p50_ms", "tpot_p50_ms", "e2e_p50_ms"]

@Suite("repat compare", .serialized)
struct CompareCommandTests {
    @Test("a same-seed rerun's medians are noise and pass --fail-if; a slower simulator is worse and fails it with exit 1")
    func rerunAndRegression() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let base = try await runScenario(simulatedScenario(name: "base"), named: "base", in: workspace)
        let rerun = try await runScenario(simulatedScenario(name: "base"), named: "base", in: workspace)
        let slow = try await runScenario(simulatedScenario(name: "slow", slower: true), named: "slow", in: workspace)

        // A same-seed rerun: the medians are noise and a gate on them passes. Tail percentiles of
        // 112 requests are left unjudged here: the bootstrap resamples requests within each run,
        // so on a busy machine run-to-run spread can move a p99 by more than its interval (issue
        // 19: A/A-stable tail verdicts); the slower simulator below is judged on p99 as well.
        // The run-to-run shift of a median on a loaded 2-core machine reached 34% (TTFT p50 of
        // 16.9 vs 22.7 ms, both runs' own intervals narrow): only an effect above 50% counts here.
        let same = try await runRepat(
            ["compare", base, rerun + "/requests.csv", "--format", "csv", "--min-change", "50", "--fail-if", "ttft_p50_ms>+50%"], in: workspace
        )
        #expect(same.status == 0, "stderr: \(same.stderr)\nstdout: \(same.stdout)")
        #expect(same.stderr.isEmpty)
        let sameRows = try csvRows(same.stdout)
        #expect(Set(sameRows.compactMap { $0["metric"] }) == Set(ComparisonMetric.defaults.map(\.name)))
        for row in sameRows where medianMetrics.contains(row["metric"] ?? "") {
            #expect(row["verdict"] == "noise", "\(row)")
        }

        let worse = try await runRepat(["compare", base, slow, "--format", "csv", "--fail-if", "ttft_p99_ms>+10%"], in: workspace)
        #expect(worse.status == 1, "stderr: \(worse.stderr)")
        let verdicts = Dictionary(uniqueKeysWithValues: try csvRows(worse.stdout).map { ($0["metric"] ?? "", $0["verdict"] ?? "") })
        for metric in ["ttft_p50_ms", "ttft_p99_ms", "tpot_p50_ms", "e2e_p50_ms"] {
            #expect(verdicts[metric] == "worse", "\(metric): \(verdicts)")
        }
        #expect(verdicts["req_per_s"] == "worse")
        #expect(verdicts["output_tok_per_s"] == "worse")
        #expect(verdicts["error_rate"] == "noise")
        #expect(worse.stderrLines.count == 1)
        #expect(worse.stderrLines.first?.hasPrefix("repat: fail-if: ttft_p99_ms>+10%: ") == true, "\(worse.stderr)")

        // Swapped, the slow run is the baseline and the fast one is better: no gate trips.
        let better = try await runRepat(["compare", slow, base, "--fail-if", "ttft_p99_ms>+10%", "--fail-if", "error_rate>0.01"], in: workspace)
        #expect(better.status == 0, "stderr: \(better.stderr)")
        #expect(better.stdout.contains(" better\n"))
        #expect(better.stdout.hasSuffix(ComparisonOptions().methodLine + "\n"))
    }

    @Test("ttft_p99_ms has the same interval with default metrics, with --metrics alone and reordered; --seed moves it")
    func intervalsIndependentOfMetrics() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let base = try await runScenario(simulatedScenario(name: "base"), named: "base", in: workspace)
        let slow = try await runScenario(simulatedScenario(name: "slow", slower: true), named: "slow", in: workspace)
        func interval(_ extra: [String]) async throws -> [String] {
            let outcome = try await runRepat(["compare", base, slow, "--format", "csv"] + extra, in: workspace)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let row = try #require(try csvRows(outcome.stdout).first { $0["metric"] == "ttft_p99_ms" })
            return [row["ci_low"] ?? "", row["ci_high"] ?? ""]
        }
        let defaults = try await interval([])
        #expect(defaults.allSatisfy { !$0.isEmpty }, "\(defaults)")
        #expect(try await interval(["--metrics", "ttft_p99_ms"]) == defaults)
        #expect(try await interval(["--metrics", "error_rate,e2e_p50_ms,ttft_p99_ms,ttft_p50_ms"]) == defaults)
        #expect(try await interval(["--seed", "1592639710"]) == defaults)
        // Another seed draws other resamples. One percentile's interval can land on the same two
        // request values by chance, so the check covers every default metric's interval at once.
        func allIntervals(_ extra: [String]) async throws -> [String] {
            let outcome = try await runRepat(["compare", base, slow, "--format", "csv"] + extra, in: workspace)
            return try csvRows(outcome.stdout).flatMap { [$0["ci_low"] ?? "", $0["ci_high"] ?? ""] }
        }
        #expect(try await allIntervals(["--seed", "7"]) != allIntervals([]))
        let method = try await runRepat(["compare", base, slow, "--metrics", "ttft_p99_ms", "--seed", "7"], in: workspace)
        #expect(method.stdout.hasSuffix(ComparisonOptions(seed: 7).methodLine + "\n"), "\(method.stdout)")
        #expect(method.stdout.contains("(seed 7, one stream per target, level and metric)"))
    }

    @Test("one run with two targets compares them within itself, as a table or as Markdown")
    func targetsWithinOneRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await runScenario(simulatedScenario(name: "pair", targets: ["fast", "slow"]), named: "pair", in: workspace)

        let table = try await runRepat(["compare", run], in: workspace)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "slow vs baseline fast")
        #expect(lines.dropFirst().first?.hasPrefix("level  metric ") == true, "\(table.stdout)")
        #expect(lines.contains { $0.hasPrefix("c4     ttft_p50_ms") && $0.hasSuffix("worse") }, "\(table.stdout)")

        let markdown = try await runRepat(["compare", run, "--baseline", "slow", "--format", "markdown", "--metrics", "ttft_p50_ms,req_per_s"], in: workspace)
        #expect(markdown.status == 0, "stderr: \(markdown.stderr)")
        let rows = markdown.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 5, "\(markdown.stdout)")
        #expect(rows.first == "| baseline | candidate | level | metric | baseline value | candidate value | diff | diff % | CI low | CI high | verdict |")
        #expect(rows.dropFirst().first == "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        #expect(rows.dropFirst(2).first?.hasPrefix("| slow | fast | c4 | ttft_p50_ms |") == true)
        #expect(rows.dropFirst(2).first?.hasSuffix("| better |") == true)
        #expect(rows.dropFirst(3).first?.hasPrefix("| slow | fast | c4 | req_per_s |") == true)
        #expect(rows.last?.hasPrefix("_verdicts: percentile bootstrap 95% CI") == true)
    }

    @Test(
        "bad input is one line on stderr and exit 2",
        arguments: [
            "one input", "missing input", "unknown metric", "bad fail-if", "unknown fail-if metric", "bad confidence",
            "unknown baseline", "nothing aligned",
        ]
    )
    func badInput(kind: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let header = RequestsCSV.columns.joined(separator: ",")
        func csv(_ name: String, target: String) throws -> String {
            var cells = RequestsCSV.columns.map { _ in "" }
            let set = { (column: String, value: String) in
                if let index = RequestsCSV.columns.firstIndex(of: column) { cells[index] = value }
            }
            for (column, value) in [
                ("run_id", name), ("target", target), ("load_level", "c1"), ("request_id", "0"), ("scheduled_s", "0"),
                ("start_s", "0"), ("ttft_ms", "5"), ("e2e_ms", "9"), ("duration_ms", "9"), ("output_tokens", "4"),
                ("status", "ok"), ("warmup", "false"), ("connection_reused", "false"), ("token_events", "4"), ("parse_errors", "0"),
                ("http_status", "200"),
            ] { set(column, value) }
            let path = workspace.path + "/\(name).csv"
            try (header + "\n" + cells.joined(separator: ",") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let a = try csv("a", target: "t1")
        let b = try csv("b", target: "t1")
        let arguments: [String]
        let prefix: String
        switch kind {
        case "one input": (arguments, prefix) = ([a], "repat: error: nothing to compare: a has one target")
        case "missing input": (arguments, prefix) = ([a, workspace.path + "/nope"], "repat: error: \(workspace.path)/nope: no such run folder or file")
        case "unknown metric": (arguments, prefix) = ([a, b, "--metrics", "ttft_p50_ms,speed"], "repat: error: --metrics: unknown metric 'speed'")
        case "bad fail-if": (arguments, prefix) = ([a, b, "--fail-if", "ttft_p99_ms=10%"], "repat: error: --fail-if 'ttft_p99_ms=10%': expected METRIC OP LIMIT")
        case "unknown fail-if metric": (arguments, prefix) = ([a, b, "--fail-if", "latency>10%"], "repat: error: --fail-if 'latency>10%': unknown metric 'latency'")
        case "bad confidence": (arguments, prefix) = ([a, b, "--confidence", "95"], "repat: error: --confidence 95.0: expected a value between 0.5 and 0.999")
        case "unknown baseline": (arguments, prefix) = ([a, b, "--baseline", "c"], "repat: error: --baseline c: no such run among the inputs (a, b)")
        default: (arguments, prefix) = ([a, try csv("c", target: "t2")], "repat: error: nothing to compare: no target and load level")
        }
        let outcome = try await runRepat(["compare"] + arguments, in: workspace)
        #expect(outcome.status == 2, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1, "stderr: \(outcome.stderr)")
        #expect(outcome.stderrLines.first?.hasPrefix(prefix) == true, "'\(outcome.stderr)' should start with '\(prefix)'")
    }
}
