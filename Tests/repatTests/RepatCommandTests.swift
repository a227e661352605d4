import Foundation
import Results
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scenario with one target whose fields are `target`, and the given `load` and `workload`.
private func scenarioText(
    name: String = "cli", target: String, load: String = "  concurrency: 1\n  requests: 1",
    workload: String = "  prompt_tokens: 8\n  max_tokens: 4"
) -> String {
    """
    name: \(name)
    targets:
      - name: t1
    \(target)
    load:
    \(load)
    workload:
    \(workload)

    """
}

/// The columns of `requests.csv`, as the CLI writes them.
private let csvColumns = RequestsCSV.columns.count

@Suite("repat command line", .serialized)
struct RepatCommandTests {
    @Test("--help lists the subcommands and --version prints the version, the commit and libcurl's version")
    func helpAndVersion() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let help = try await runRepat(["--help"], in: workspace)
        #expect(help.status == 0)
        for subcommand in ["run", "validate", "simulate"] {
            #expect(help.stdout.contains("\n  \(subcommand) "), "\(subcommand) missing from:\n\(help.stdout)")
        }
        #expect(help.stdout.contains("--version"))
        let version = try await runRepat(["--version"], in: workspace)
        #expect(version.status == 0)
        let lines = version.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 4, "three lines expected: \(version.stdout)")
        #expect(lines[0] == "repat \(RepatVersion.current)")
        // The test bundle sits in the same checkout as the binary, so it finds the same commit.
        #expect(lines[1] == "commit \(await RepatVersion.gitCommit() ?? "unknown")")
        #expect(lines[2].hasPrefix("libcurl/"), "libcurl's version string: \(lines[2])")
        #expect(lines[3].isEmpty)
    }

    @Test("validate accepts the quickstart scenario")
    func validateQuickstart() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = packageRoot + "/scenarios/quickstart.yaml"
        let outcome = try await runRepat(["validate", path], in: workspace)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "\(path): ok — targets: sim-fast (openai-chat), sim-slow (openai-chat); load levels: c1, c8\n")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("validate reports every problem of a bad scenario and exits 2")
    func validateProblems() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("bad.yaml", scenarioText(target: "    dialect: openai-chat\n    base_url: ftp://x\n    model: m", load: "  concurency: 2\n  requests: 1"))
        let outcome = try await runRepat(["validate", file], in: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "\(file):5: targets[0].base_url",
            "\(file):8: load.concurency",
            "\(file):8: load",
        ])
    }

    @Test("validate reports a loader problem, a bad simulator option and every bad dataset line in one run")
    func validateOnePass() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let dataset = try workspace.scenario("p.jsonl", "nope\n{\"prompt\": \"ok\"}\n[1]\n{\"text\": \"x\"}\n")
        let file = try workspace.scenario("bad.yaml", scenarioText(
            target: "    dialect: openai-chat\n    base_url: sim://x\n    model: m\n    simulator:\n      max_num_seq: 4",
            load: "  concurency: 2\n  requests: 1", workload: "  dataset: p.jsonl\n  max_tokens: 4"
        ))
        let outcome = try await runRepat(["validate", file], in: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "\(file):8: targets[0].simulator.max_num_seq",
            "\(file):10: load.concurency",
            "\(file):10: load",
            "\(dataset):1: not a JSON object (workload.dataset of \(file))",
            "\(dataset):3: not a JSON object (workload.dataset of \(file))",
            "\(dataset):4: needs a text 'prompt' or a 'messages' list (workload.dataset of \(file))",
        ])
        #expect(outcome.stderrLines.first?.contains("unknown simulator option 'max_num_seq' (did you mean 'max_num_seqs'?)") == true)
    }

    @Test("validate names an unset variable as such and a missing dataset by absolute path and the system's reason")
    func validateUnsetAndMissing() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["REPAT_TEST_UNSET_URL"] = nil
        _ = try workspace.scenario("bad.yaml", scenarioText(
            target: "    dialect: openai-chat\n    base_url: ${REPAT_TEST_UNSET_URL}\n    model: m",
            workload: "  dataset: data/missing.jsonl\n  max_tokens: 4"
        ))
        let outcome = try await runRepat(["validate", "bad.yaml"], in: workspace, environment: environment)
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines.count == 2, "\(outcome.stderr)")
        #expect(outcome.stderrLines.first == "bad.yaml:5: targets[0].base_url: environment variable REPAT_TEST_UNSET_URL is not set")
        let missing = try #require(outcome.stderrLines.last)
        #expect(missing.hasPrefix("bad.yaml:11: workload.dataset: cannot read /"), "\(missing)")
        #expect(missing.hasSuffix("\((workspace.path as NSString).lastPathComponent)/data/missing.jsonl (No such file or directory)"), "\(missing)")
    }

    @Test("validate reports control characters in headers and model names at their lines, one line each, and never a variable's value")
    func validateControlCharacters() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["REPAT_TEST_TOKEN"] = "sk-never-shown\nX-Injected: 1"
        let file = try workspace.scenario("bad.yaml", scenarioText(
            target: "    dialect: openai-chat\n    base_url: sim://x\n    model: \"m\\0\"\n    headers:\n      X-A: \"a\\r\\nX-Injected: 1\"\n"
                + "      Authorization: Bearer ${REPAT_TEST_TOKEN}\n      \"Bad Name\": v"
        ))
        let outcome = try await runRepat(["validate", file], in: workspace, environment: environment)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines == [
            "\(file):6: targets[0].model: contains a control character (NUL, 0x00), which a model name may not hold",
            "\(file):8: targets[0].headers.X-A: contains a control character (CR, 0x0D), which a header value may not hold",
            "\(file):9: targets[0].headers.Authorization: the value of ${REPAT_TEST_TOKEN} contains a control character (LF, 0x0A), which a header value may not hold",
            "\(file):10: targets[0].headers: header name 'Bad Name' is not an HTTP token: use letters, digits and !#$%&'*+-.^_`|~ only",
        ])
        #expect(!outcome.stderr.contains("sk-never-shown"))
    }

    @Test(
        "run refuses bad input with exactly the problem lines, exit 2 and no run folder",
        arguments: ["unknown dialect", "missing field", "unset api key", "header injection", "unreachable target"]
    )
    func runRefusesBadInput(kind: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["REPAT_TEST_UNSET_KEY"] = nil
        environment["REPAT_TEST_HEADER"] = "v-secret-77\r\nX-Injected: 1"
        let port = try closedLoopbackPort()
        let target: String
        let expected: (String) -> [String]
        switch kind {
        case "unknown dialect":
            target = "    dialect: klingon\n    base_url: sim://x\n    model: m"
            expected = { ["\($0):4: targets[0].dialect: unknown dialect 'klingon' (known: "] }
        case "missing field":
            target = "    dialect: openai-chat\n    base_url: sim://x"
            expected = { ["\($0):3: targets[0].model: required field is missing"] }
        case "unset api key":
            target = "    dialect: openai-chat\n    base_url: https://api.example.com/v1\n    model: m\n    api_key_env: REPAT_TEST_UNSET_KEY"
            expected = { ["\($0):7: targets[0].api_key_env: environment variable REPAT_TEST_UNSET_KEY is not set (target 't1' needs it for its API key)"] }
        case "header injection":
            target = "    dialect: openai-chat\n    base_url: sim://x\n    model: m\n    headers:\n      X-A: ${REPAT_TEST_HEADER}"
            expected = { ["\($0):8: targets[0].headers.X-A: the value of ${REPAT_TEST_HEADER} contains a control character (CR, 0x0D), which a header value may not hold"] }
        default:
            target = "    dialect: openai-chat\n    base_url: http://127.0.0.1:\(port)/v1\n    model: m"
            expected = { ["\($0):5: targets[0].base_url: target 't1' is unreachable at http://127.0.0.1:\(port)/v1 ("] }
        }
        let file = try workspace.scenario("bad.yaml", scenarioText(target: target))
        let outcome = try await runRepat(["run", file, "--results-dir", workspace.results], in: workspace, environment: environment, timeout: .seconds(30))
        #expect(outcome.status == 2, "stderr: \(outcome.stderr)")
        #expect(!outcome.signalled)
        let lines = outcome.stderrLines
        let prefixes = expected(file)
        #expect(lines.count == prefixes.count, "stderr: \(outcome.stderr)")
        for (line, prefix) in zip(lines, prefixes) {
            #expect(line.hasPrefix(prefix), "'\(line)' should start with '\(prefix)'")
        }
        #expect(outcome.stdout.isEmpty)
        #expect(workspace.runFolders().isEmpty, "run folders: \(workspace.runFolders())")
    }

    @Test("a small simulated run exits 0, prints the summary and writes requests.csv and run.json")
    func simulatedRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("tiny.yaml", scenarioText(
            name: "tiny",
            target: "    dialect: openai-chat\n    base_url: sim://tiny\n    model: m\n    simulator:\n      decode_base_ms: 1\n      prefill_tokens_per_second: 100000",
            load: "  concurrency: 2\n  requests: 6",
            workload: "  prompt_tokens: 16\n  max_tokens: 8\n  ignore_eos: true"
        ))
        let outcome = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(30))
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "stdout: \(outcome.stdout)")
        #expect(lines[0].split(separator: " ").prefix(5) == ["target", "level", "requests", "errors", "req/s"])
        #expect(lines[1].split(separator: " ").prefix(4) == ["t1", "c2", "6", "0"])

        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        let folder = workspace.results + "/" + folders[0]
        #expect(folders[0].hasSuffix("Z-tiny"))
        #expect(lines[2] == "results: \(folder)")

        let rows = try #require(parseCSV(try String(contentsOfFile: folder + "/requests.csv", encoding: .utf8)))
        #expect(rows.count == 7)
        #expect(rows.first == RequestsCSV.columns)
        let data = rows.dropFirst()
        #expect(data.allSatisfy { $0.count == csvColumns })
        let status = try #require(RequestsCSV.columns.firstIndex(of: "status"))
        let outputTokens = try #require(RequestsCSV.columns.firstIndex(of: "output_tokens"))
        let requestID = try #require(RequestsCSV.columns.firstIndex(of: "request_id"))
        #expect(data.map { $0[status] } == Array(repeating: "ok", count: 6))
        #expect(data.map { $0[outputTokens] } == Array(repeating: "8", count: 6))
        #expect(Set(data.map { $0[requestID] }) == Set((0..<6).map(String.init)))

        let metadata = try RunMetadata.read(from: folder + "/run.json")
        #expect(metadata.status == .completed)
        #expect(metadata.runID == folders[0])
        #expect(metadata.scenarioName == "tiny")
        #expect(metadata.loadLevels == ["c2"])
        #expect(metadata.endedAt != nil)
    }

    @Test("Ctrl-C stops a run: exit 130, status interrupted, every written row complete")
    func interruptedRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("long.yaml", scenarioText(
            name: "long",
            target: "    dialect: openai-chat\n    base_url: sim://slow\n    model: m\n    simulator:\n      decode_base_ms: 20",
            load: "  concurrency: 2\n  requests: 2000",
            workload: "  prompt_tokens: 16\n  max_tokens: 8\n  ignore_eos: true"
        ))
        let results = workspace.results
        let outcome = try await runRepat(["run", file, "--results-dir", results], in: workspace, timeout: .seconds(30)) { pid in
            // Wait until the run is under way (its run.json exists), then let it run ~1.5 s more.
            let deadline = ContinuousClock.now + .seconds(15)
            while ContinuousClock.now < deadline {
                let folders = (try? FileManager.default.contentsOfDirectory(atPath: results)) ?? []
                if let folder = folders.first, FileManager.default.fileExists(atPath: results + "/" + folder + "/run.json") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .milliseconds(1500))
            kill(pid, SIGINT)
        }
        #expect(!outcome.signalled, "repat died of signal \(outcome.status)")
        #expect(outcome.status == 130, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("repat: stopping: no new requests"))
        #expect(outcome.stdout.contains("TTFT p50 ms"), "the partial summary is printed")

        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        let folder = results + "/" + folders[0]
        let metadata = try RunMetadata.read(from: folder + "/run.json")
        #expect(metadata.status == .interrupted)
        #expect(metadata.endedAt != nil)

        let text = try String(contentsOfFile: folder + "/requests.csv", encoding: .utf8)
        let rows = try #require(parseCSV(text), "requests.csv ends in a partial row")
        #expect(rows.first == RequestsCSV.columns)
        let data = rows.dropFirst()
        #expect(data.count >= 2, "some requests finished in 1.5 s")
        #expect(data.count < 2000, "the run stopped early")
        #expect(data.allSatisfy { $0.count == csvColumns })
        let status = try #require(RequestsCSV.columns.firstIndex(of: "status"))
        #expect(data.allSatisfy { $0[status] == "ok" }, "in-flight requests finish normally after one Ctrl-C")
    }
}
