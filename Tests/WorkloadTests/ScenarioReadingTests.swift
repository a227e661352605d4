import Foundation
import Testing
import Workload

/// A scenario of one target with `target` lines, and `workload` lines.
private func scenario(target: String, workload: String = "  prompt_tokens: 4\n  max_tokens: 4") -> String {
    """
    name: reading
    targets:
      - name: a
    \(target)
    load:
      concurrency: 1
      requests: 1
    workload:
    \(workload)
    """
}

private func read(_ text: String, environment: [String: String] = [:]) -> ScenarioReading {
    ScenarioLoader(environment: environment, catalog: TargetCatalog()).read(text, file: "r.yaml")
}

@Suite("Reading a scenario with problems")
struct ScenarioReadingTests {
    @Test("an unset variable in base_url is reported as such, not as a URL without a scheme")
    func unsetVariable() {
        let reading = read(scenario(target: "    dialect: openai-chat\n    base_url: ${REPAT_TEST_UNSET_URL}\n    model: m"))
        #expect(reading.scenario == nil)
        #expect(reading.problems.map(\.description) == ["r.yaml:5: targets[0].base_url: environment variable REPAT_TEST_UNSET_URL is not set"])

        let set = read(scenario(target: "    dialect: openai-chat\n    base_url: ${URL}\n    model: m"), environment: ["URL": "ftp://x"])
        #expect(set.problems.map(\.message) == ["must start with http://, https:// or sim:// (the built-in simulator)"], "a set variable's value is still checked")
    }

    @Test("a file with problems still gives its targets, seed and dataset for the checks made after loading")
    func partsOfABadFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repat-reading-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"prompt\": \"hi\"}\n".write(toFile: folder + "/p.jsonl", atomically: true, encoding: .utf8)
        let text = "seed: 9\n" + scenario(
            target: "    dialect: openai-chat\n    base_url: sim://a\n    model: m\n    simulator:\n      max_num_seq: 4",
            workload: "  dataset: p.jsonl\n  max_tokens: 4\n  temprature: 1"
        )
        let reading = ScenarioLoader(environment: [:], catalog: TargetCatalog()).read(text, file: folder + "/s.yaml")
        #expect(reading.scenario == nil)
        #expect(reading.problems.map(\.field) == ["workload.temprature"])
        #expect(reading.seed == 9)
        #expect(reading.targets.map(\.index) == [0])
        #expect(reading.targets.first?.spec.simulatorOptions.map(\.name) == ["max_num_seq"])
        #expect(reading.dataset?.path == folder + "/p.jsonl")
        #expect(reading.dataset?.format == .jsonl)
        #expect(reading.problem(at: "targets[0].simulator.max_num_seq", "x").line == 9)
    }

    @Test("a misspelt value of a closed list is answered with the nearest", arguments: [
        ("  prompt_tokens: 4\n  max_tokens: 4\n  calibrate: prob", "workload.calibrate", "expected none, auto or probe, got 'prob' (did you mean 'probe'?)"),
        ("  prompt_tokens: {distribution: unifrom, min: 1, max: 2}\n  max_tokens: 4", "workload.prompt_tokens.distribution", "expected fixed, uniform, normal or lognormal, got 'unifrom' (did you mean 'uniform'?)"),
        ("  prompt_tokens: 4\n  max_tokens: 4\n  calibrate: banana", "workload.calibrate", "expected none, auto or probe, got 'banana'"),
    ])
    func didYouMean(workload: String, field: String, message: String) {
        let reading = read(scenario(target: "    dialect: openai-chat\n    base_url: sim://a\n    model: m", workload: workload))
        #expect(reading.problems.map(\.field) == [field])
        #expect(reading.problems.first?.message == message)
    }

    @Test("a misspelt SLO name and a misspelt scrape target are answered with the nearest")
    func didYouMeanSLOAndScrapeTarget() {
        let workload = "  prompt_tokens: 4\n  max_tokens: 4\nslo:\n  max_eror_rate: 0.1\ntelemetry:\n  scrape:\n    - url: http://h/metrics\n      target: aa"
        let reading = read(scenario(target: "    dialect: openai-chat\n    base_url: sim://a\n    model: m", workload: workload))
        #expect(reading.problems.map(\.field) == ["slo.max_eror_rate", "telemetry.scrape[0].target"])
        #expect(reading.problems.first?.message.hasSuffix("or max_error_rate (did you mean 'max_error_rate'?)") == true)
        #expect(reading.problems.last?.message == "no target named 'aa' (did you mean 'a'?) (targets: a)")
    }

    @Test("a correct file reads into its scenario and no problem")
    func correctFile() {
        let reading = read(scenario(target: "    dialect: openai-chat\n    base_url: sim://a\n    model: m"))
        #expect(reading.problems.isEmpty)
        #expect(reading.scenario?.targets.map(\.name) == ["a"])
        #expect(reading.dataset == nil)
    }
}
