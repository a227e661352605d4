import LoopbackSupport
import Dialects
import LoadGen
import Orchestration
import Simulator
import Testing
import Workload

/// Problems only a resolved plan can find, located in the scenario file.
@Suite("resolving a scenario into a run plan")
struct RunPlanTests {
    private static let yaml = """
        name: bad-plan
        targets:
          - name: klingon
            dialect: openai-klingon
            base_url: sim://a
            model: m
          - name: warped
            dialect: openai-chat
            base_url: sim://b
            model: m
            simulator:
              max_num_seqs: zero
              warp_factor: 9
        load:
          concurrency: [1]
          requests: 1
        workload:
          prompt_tokens: 4
          max_tokens: 4
        """

    @Test("an unknown dialect and bad simulator options are reported with file, line and field path")
    func problemsAreLocated() throws {
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(Self.yaml, file: "scenarios/bad.yaml")
        let error = #expect(throws: ScenarioProblems.self) {
            _ = try RunPlan(scenario: scenario, environment: [:], simulators: BuiltInSimulators())
        }
        let problems = try #require(error?.problems)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.allSatisfy { $0.file == "scenarios/bad.yaml" })

        let dialect = try #require(problems.first { $0.field == "targets[0].dialect" })
        #expect(dialect.line == 4)
        #expect(dialect.message.contains("openai-klingon"))
        #expect(dialect.message.contains("openai-chat"), "the message lists the known dialects")

        let seqs = try #require(problems.first { $0.field == "targets[1].simulator.max_num_seqs" })
        #expect(seqs.line == 12)
        #expect(seqs.message.contains("zero"))

        let unknown = try #require(problems.first { $0.field == "targets[1].simulator.warp_factor" })
        #expect(unknown.line == 13)
        #expect(unknown.message.contains("max_num_seqs"), "the message lists the valid options")
        #expect(unknown.description.hasPrefix("scenarios/bad.yaml:13: targets[1].simulator.warp_factor: "))
    }

    @Test("a valid scenario gives one level per concurrency value and leaves sim:// targets to the simulator host")
    func validPlan() throws {
        let plan = try makePlan(scenarioYAML(targets: simulatedTarget("ok", options: ["max_num_seqs": "7"]), concurrency: [1, 4], requests: 3))
        #expect(plan.levels.map(\.label) == ["c1", "c4"])
        #expect(plan.levels.allSatisfy { $0.requestLimit == 3 && $0.durationLimit == nil })
        #expect(plan.targets.count == 1)
        #expect(plan.targets[0].spec.simulatorOptions.map(\.name) == ["decode_base_ms", "decode_per_seq_ms", "max_num_seqs", "prefill_overhead_ms"])
        #expect(plan.targets[0].parameters.ignoreEOS)
    }
}
