import Foundation
import Testing
import Workload

/// A scenario with one simulated target and a closed-loop load; `workload` starts on line 11.
private func scenario(workload: String) -> String {
    """
    name: fields
    targets:
      - name: a
        dialect: openai-chat
        base_url: sim://a
        model: m
    load:
      concurrency: 1
      requests: 1
    workload:
    \(workload)
    """
}

private func parse(_ text: String, file: String = "w.yaml") throws -> Scenario {
    try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(text, file: file)
}

/// The problems of `text`, recording an issue when it parses.
private func problems(_ text: String, file: String = "w.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioProblem] {
    do {
        _ = try parse(text, file: file)
        Issue.record("expected problems", sourceLocation: sourceLocation)
        return []
    } catch let error as ScenarioProblems {
        return error.problems
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// The only problem of `text`.
private func onlyProblem(_ text: String, file: String = "w.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioProblem? {
    let found = problems(text, file: file, sourceLocation: sourceLocation)
    #expect(found.count == 1, "problems: \(found.map(\.description))", sourceLocation: sourceLocation)
    return found.first
}

/// A fresh temporary folder; the caller removes it.
private func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-scenario-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("Scenario workload fields")
struct ScenarioWorkloadFieldTests {
    @Test(
        "lengths in mapping form parse, for every distribution",
        arguments: [
            ("{distribution: fixed, value: 64}", LengthDistribution.fixed(64)),
            ("{distribution: uniform, min: 10, max: 90}", .uniform(min: 10, max: 90)),
            ("{distribution: normal, mean: 200, stddev: 40, min: 50, max: 400}", .normal(mean: 200, stddev: 40, min: 50, max: 400)),
            ("{distribution: lognormal, mean: 300, stddev: 250.5}", .lognormal(mean: 300, stddev: 250.5, min: 1, max: 10_000_000)),
            ("{distribution: normal, mean: 20, stddev: 0, max: 30}", .normal(mean: 20, stddev: 0, min: 1, max: 30)),
        ]
    )
    func distributions(text: String, expected: LengthDistribution) throws {
        let prompt = try parse(scenario(workload: "  prompt_tokens: \(text)\n  max_tokens: 8"))
        #expect(prompt.workload.source == .synthetic(promptTokens: expected))
        #expect(prompt.workload.maxTokens == .fixed(8))
        let output = try parse(scenario(workload: "  prompt_tokens: 8\n  max_tokens: \(text)"))
        #expect(output.workload.maxTokens == expected)
    }

    @Test("a block-style distribution mapping parses too")
    func blockDistribution() throws {
        let parsed = try parse(scenario(workload: "  prompt_tokens:\n    distribution: lognormal\n    mean: 500\n    stddev: 300\n    max: 4000\n  max_tokens: 8"))
        #expect(parsed.workload.source == .synthetic(promptTokens: .lognormal(mean: 500, stddev: 300, min: 1, max: 4000)))
    }

    @Test(
        "a bad distribution is reported at the right field",
        arguments: [
            ("{distribution: zipf, mean: 3}", "workload.prompt_tokens.distribution", "expected fixed, uniform, normal or lognormal, got 'zipf'"),
            ("{mean: 3, stddev: 1}", "workload.prompt_tokens.distribution", "required field is missing"),
            ("{distribution: uniform, min: 50, max: 10}", "workload.prompt_tokens.max", "must not be below min (50)"),
            ("{distribution: uniform, min: 5}", "workload.prompt_tokens", "a uniform distribution needs min and max"),
            ("{distribution: normal, mean: 100}", "workload.prompt_tokens.stddev", "required field is missing"),
            ("{distribution: fixed}", "workload.prompt_tokens.value", "required field is missing"),
            ("{distribution: normal, mean: 100, stddev: -1}", "workload.prompt_tokens.stddev", "must be between 0.0 and 10000000.0, got -1.0"),
            ("{distribution: uniform, min: 0, max: 5}", "workload.prompt_tokens.min", "must be between 1 and 10000000, got 0"),
            ("{distribution: fixed, value: 3, sd: 1}", "workload.prompt_tokens.sd", "unknown field"),
        ]
    )
    func badDistribution(text: String, field: String, message: String) throws {
        let problem = try #require(onlyProblem(scenario(workload: "  prompt_tokens: \(text)\n  max_tokens: 8")))
        #expect(problem.field == field)
        #expect(problem.line == 11)
        #expect(problem.message.hasPrefix(message))
    }

    @Test("a dataset path is resolved against the scenario file's folder, its format taken from the extension")
    func datasetPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try "{\"prompt\": \"hi\"}\n".write(toFile: folder + "/data/p.jsonl", atomically: true, encoding: .utf8)
        try "[]".write(toFile: folder + "/data/chats.json", atomically: true, encoding: .utf8)
        let file = folder + "/scenario.yaml"
        try scenario(workload: "  dataset: data/p.jsonl\n  max_tokens: 8").write(toFile: file, atomically: true, encoding: .utf8)

        let loaded = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).load(path: file)
        #expect(loaded.workload.source == .dataset(path: folder + "/data/p.jsonl", format: .jsonl))

        let shareGPT = try parse(scenario(workload: "  dataset: data/chats.json\n  max_tokens: 8"), file: file)
        #expect(shareGPT.workload.source == .dataset(path: folder + "/data/chats.json", format: .sharegpt))

        let explicit = try parse(scenario(workload: "  dataset: data/chats.json\n  format: jsonl\n  max_tokens: 8"), file: file)
        #expect(explicit.workload.source == .dataset(path: folder + "/data/chats.json", format: .jsonl))

        let absolute = try parse(scenario(workload: "  dataset: \(folder)/data/p.jsonl\n  max_tokens: 8"), file: "/elsewhere/s.yaml")
        #expect(absolute.workload.source == .dataset(path: folder + "/data/p.jsonl", format: .jsonl))
    }

    @Test("a missing dataset file is reported at workload.dataset with its line")
    func missingDataset() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let problem = try #require(onlyProblem(scenario(workload: "  max_tokens: 8\n  dataset: nowhere.jsonl"), file: folder + "/s.yaml"))
        #expect(problem.field == "workload.dataset")
        #expect(problem.line == 12)
        #expect(problem.message == "cannot read \(folder)/nowhere.jsonl (No such file or directory)")
    }

    @Test("an unknown dataset format is refused at workload.format")
    func badFormat() throws {
        let problem = try #require(onlyProblem(scenario(workload: "  dataset: p.csv\n  format: csv\n  max_tokens: 8")))
        #expect(problem.description == "w.yaml:12: workload.format: expected jsonl or sharegpt, got 'csv'")
    }

    @Test("prompt_tokens, dataset and trace: two together, or none, are refused at workload")
    func promptSource() throws {
        let both = try #require(onlyProblem(scenario(workload: "  prompt_tokens: 8\n  dataset: p.jsonl\n  max_tokens: 8")))
        #expect(both.field == "workload")
        #expect(both.line == 11)
        #expect(both.message.hasSuffix(", not prompt_tokens and dataset"))
        let neither = try #require(onlyProblem(scenario(workload: "  max_tokens: 8")))
        #expect(neither.field == "workload")
        let format = try #require(onlyProblem(scenario(workload: "  prompt_tokens: 8\n  format: jsonl\n  max_tokens: 8")))
        #expect(format.field == "workload.format")
        #expect(format.message == "applies to dataset or trace only")
    }

    @Test("calibrate takes none, auto or probe", arguments: [("none", WorkloadSpec.Calibration.none), ("auto", .auto), ("probe", .probe)])
    func calibrate(text: String, expected: WorkloadSpec.Calibration) throws {
        let parsed = try parse(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8\n  calibrate: \(text)"))
        #expect(parsed.workload.calibration == expected)
    }

    @Test("a bogus calibrate value, or calibrating a dataset, is refused at workload.calibrate")
    func badCalibrate() throws {
        let bogus = try #require(onlyProblem(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8\n  calibrate: always")))
        #expect(bogus.description == "w.yaml:13: workload.calibrate: expected none, auto or probe, got 'always'")

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"prompt\": \"hi\"}\n".write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let dataset = try #require(onlyProblem(scenario(workload: "  dataset: p.jsonl\n  max_tokens: 8\n  calibrate: auto"), file: folder + "/s.yaml"))
        #expect(dataset.field == "workload.calibrate")
        #expect(dataset.line == 13)
    }

    @Test("shared_prefix and turns parse; turns defaults to 1 and calibration to none")
    func prefixAndTurns() throws {
        let parsed = try parse(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8\n  shared_prefix: {groups: 4, tokens: 1000}\n  turns: 3"))
        #expect(parsed.workload.sharedPrefix == SharedPrefix(groups: 4, tokens: 1000))
        #expect(parsed.workload.turns == 3)
        let plain = try parse(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8"))
        #expect(plain.workload.sharedPrefix == nil)
        #expect(plain.workload.turns == 1)
        #expect(plain.workload.calibration == .none)
    }

    @Test("bad shared_prefix and turns values are refused at their fields")
    func badPrefixAndTurns() throws {
        let groups = try #require(onlyProblem(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8\n  shared_prefix: {groups: 0, tokens: 10}")))
        #expect(groups.field == "workload.shared_prefix.groups")
        let tokens = try #require(onlyProblem(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8\n  shared_prefix: {groups: 2}")))
        #expect(tokens.field == "workload.shared_prefix.tokens")
        let turns = try #require(onlyProblem(scenario(workload: "  prompt_tokens: 8\n  max_tokens: 8\n  turns: 0")))
        #expect(turns.field == "workload.turns")
        #expect(turns.line == 13)
    }
}

@Suite("Scenario dataset paths in problems")
struct ScenarioDatasetPathTests {
    @Test("a missing dataset next to a relative scenario path is named by its absolute path")
    func absolutePath() throws {
        let problem = try #require(onlyProblem(scenario(workload: "  max_tokens: 8\n  dataset: data/x-\(UUID().uuidString).jsonl"), file: "w.yaml"))
        let cwd = FileManager.default.currentDirectoryPath
        #expect(problem.message.hasPrefix("cannot read \(cwd)/data/x-"))
        #expect(problem.message.hasSuffix(".jsonl (No such file or directory)"))
    }

    @Test("a folder given as the dataset is refused with the system's reason")
    func folder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/d.jsonl", withIntermediateDirectories: true)
        let problem = try #require(onlyProblem(scenario(workload: "  max_tokens: 8\n  dataset: d.jsonl"), file: folder + "/s.yaml"))
        #expect(problem.message == "cannot read \(folder)/d.jsonl (Is a directory)")
    }
}
