import Testing
import Workload

/// A catalog where `chat` sends `reasoning_effort`, `local` sends `think`, `claude` sends
/// `thinking_budget` and `plain` sends no reasoning field.
private let catalog = TargetCatalog(dialectTraits: [
    "chat": DialectTraits(reasoningFields: [.reasoningEffort]),
    "local": DialectTraits(reasoningFields: [.think]),
    "claude": DialectTraits(reasoningFields: [.thinkingBudget]),
    "plain": DialectTraits(),
])

/// A scenario with one simulated target of `dialect` whose extra lines (from line 7) are `extra`.
private func scenario(_ dialect: String, _ extra: String) -> String {
    """
    name: reasoning
    targets:
      - name: t
        dialect: \(dialect)
        base_url: sim://t
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

private func load(_ dialect: String, _ extra: String) -> Result<Scenario, ScenarioProblems> {
    Result { () throws(ScenarioProblems) in try ScenarioLoader(environment: [:], catalog: catalog).parse(scenario(dialect, extra), file: "r.yaml") }
}

@Suite("A target's reasoning fields")
struct ScenarioReasoningTests {
    @Test("each field is read where the target's dialect sends it; absent, nothing is asked")
    func read() throws {
        #expect(try load("chat", "    reasoning_effort: high").get().targets[0].reasoning == ReasoningRequest(effort: .high))
        #expect(try load("local", "    think: false").get().targets[0].reasoning == ReasoningRequest(think: false))
        #expect(try load("claude", "    thinking_budget: 2048").get().targets[0].reasoning == ReasoningRequest(thinkingBudget: 2048))
        #expect(try load("plain", "").get().targets[0].reasoning == ReasoningRequest())
    }

    @Test(
        "a field the dialect cannot send is refused at its line, naming the field and the dialect",
        arguments: [
            ("plain", "    think: true", "targets[0].think", "dialect plain cannot send think (it sends no reasoning field)"),
            ("chat", "    thinking_budget: 512", "targets[0].thinking_budget", "dialect chat cannot send thinking_budget (it sends reasoning_effort)"),
            ("claude", "    reasoning_effort: low", "targets[0].reasoning_effort", "dialect claude cannot send reasoning_effort (it sends thinking_budget)"),
        ]
    )
    func refused(dialect: String, extra: String, field: String, message: String) {
        guard case .failure(let error) = load(dialect, extra) else {
            Issue.record("expected \(field) to be refused")
            return
        }
        #expect(error.problems.map(\.field) == [field])
        #expect(error.problems.first?.line == 7)
        #expect(error.problems.first?.message == message)
        #expect(error.description.contains("r.yaml:7"))
    }

    @Test(
        "a value of the wrong kind is a problem at its line",
        arguments: [
            ("chat", "    reasoning_effort: extreme", "expected low, medium or high"),
            ("claude", "    thinking_budget: -5", "thinking_budget"),
            ("local", "    think: maybe", "think"),
        ]
    )
    func badValues(dialect: String, extra: String, fragment: String) {
        guard case .failure(let error) = load(dialect, extra) else {
            Issue.record("expected a problem for \(extra)")
            return
        }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.line == 7)
        #expect(error.description.contains(fragment), "\(error.description)")
    }

    @Test("a dialect the catalog does not know is not judged here")
    func unknownDialect() throws {
        #expect(try load("elsewhere", "    think: true").get().targets[0].reasoning.think == true)
    }
}
