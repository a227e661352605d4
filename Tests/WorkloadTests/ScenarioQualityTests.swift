import Testing
import Workload

/// The smallest valid scenario followed by `extra` root fields.
private func scenario(_ extra: String) -> String {
    """
    name: small
    targets:
      - name: only
        dialect: openai-chat
        base_url: sim://one
        model: m
    load:
      concurrency: 4
      requests: 10
    workload:
      prompt_tokens: 16
      max_tokens: 8
    \(extra)
    """
}

@Suite("the quality section of a scenario")
struct ScenarioQualityTests {
    private let loader = ScenarioLoader(environment: [:], catalog: TargetCatalog())

    @Test("save_responses is read; without the section nothing is saved")
    func saveResponses() throws {
        #expect(try loader.parse(scenario("quality:\n  save_responses: true"), file: "q.yaml").quality == QualitySpec(saveResponses: true))
        #expect(try loader.parse(scenario(""), file: "q.yaml").quality == QualitySpec())
    }

    @Test("reference_target names a target of the scenario; another name is one problem naming the line and the targets")
    func referenceTarget() throws {
        #expect(try loader.parse(scenario("quality:\n  reference_target: only"), file: "q.yaml").quality == QualitySpec(referenceTarget: "only"))
        do {
            _ = try loader.parse(scenario("quality:\n  reference_target: gpt"), file: "q.yaml")
            Issue.record("expected a problem for an unknown reference target")
        } catch {
            #expect(error.problems.map(\.field) == ["quality.reference_target"])
            #expect(error.problems.first?.line == 14)
            #expect(error.problems.first?.message == "no target named 'gpt' (targets: only)")
        }
    }

    @Test("an unknown field or a value that is not a boolean is one problem naming the line and field")
    func problems() throws {
        for (extra, field) in [("quality:\n  save_respones: true", "quality.save_respones"), ("quality:\n  save_responses: maybe", "quality.save_responses")] {
            do {
                _ = try loader.parse(scenario(extra), file: "q.yaml")
                Issue.record("expected a problem for \(extra)")
            } catch {
                #expect(error.problems.map(\.field) == [field])
                #expect(error.problems.first?.line == 14)
            }
        }
    }
}
