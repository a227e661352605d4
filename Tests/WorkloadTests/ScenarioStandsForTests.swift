import Foundation
import Testing
import Workload

/// A scenario with one simulated target whose extra lines (from line 7) are `extra`.
private func scenario(_ extra: String) -> String {
    """
    name: stand-in
    targets:
      - name: rehearsal
        dialect: openai-chat
        base_url: sim://rehearsal
        model: m
    \(extra)
    load:
      concurrency: 1
      requests: 2
    workload:
      prompt_tokens: 16
      max_tokens: 8
    """
}

@Suite("A target's stands_for")
struct ScenarioStandsForTests {
    @Test("stands_for is read as the API price id the target stands in for; absent, it is nil")
    func read() throws {
        let loader = ScenarioLoader(environment: [:], catalog: TargetCatalog())
        let named = try loader.parse(scenario("    stands_for: openai/gpt-4o-mini"), file: "s.yaml")
        #expect(named.targets.map(\.standsFor) == ["openai/gpt-4o-mini"])
        let plain = try loader.parse(scenario(""), file: "s.yaml")
        #expect(plain.targets.map(\.standsFor) == [nil])
    }

    @Test("a stands_for that is not PROVIDER/MODEL is a problem at its line", arguments: ["gpt-4o-mini", "openai/", "/gpt-4o", "openai/gpt 4o"])
    func badShape(value: String) {
        do {
            _ = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(scenario("    stands_for: \"\(value)\""), file: "bad.yaml")
            Issue.record("expected a problem for '\(value)'")
        } catch {
            #expect(error.problems.count == 1)
            let problem = error.problems.first
            #expect(problem?.field == "targets[0].stands_for")
            #expect(problem?.line == 7)
            #expect(problem?.message.contains("expected an API price id PROVIDER/MODEL") == true)
        }
    }
}
