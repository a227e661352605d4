import ArgumentParser
import Dialects
import Foundation
import LoadGen
import Metrics
import Orchestration

/// `repat targets SCENARIO`: checks every target before a long run.
struct Targets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check each target of a scenario: reachable, authenticated, model listed, one tiny request, engine version, served model.",
        discussion: """
        Sends one model-listing request (where the API has one) and one short request of at most \
        8 tokens per target; sim:// targets start the built-in simulator. A target is ready when \
        the short request succeeds: a model name missing from the listing is a warning naming what \
        is served (some servers, like llama.cpp, answer any name). Exit codes: 0 every target \
        ready (warnings allowed), 1 a target failed a check, 2 bad input (scenario).
        """
    )

    @OptionGroup var input: ScenarioArguments

    func run() async throws {
        let plan = try input.plan()
        try DataPlan.check(plan) { print($0) }
        let results: [TargetCheck.Result]
        do {
            results = try await TargetCheck.run(plan)
        } catch {
            FileHandleOutput.error("repat: \(error.description)")
            throw ExitCode(2)
        }
        for result in results {
            print("\(result.target) (\(result.dialect), \(result.url)): \(Self.headline(result))")
            for step in result.steps {
                print("  \(step.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(step.verdict.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(step.detail)")
            }
            print("  \("engine".padding(toLength: 14, withPad: " ", startingAt: 0)) \(result.engineVersion ?? "not reported")")
            print("  \("served model".padding(toLength: 14, withPad: " ", startingAt: 0)) \(result.servedModel?.description ?? "not reported")")
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    /// `ready`, `ready (1 warning)` or `NOT READY`.
    static func headline(_ result: TargetCheck.Result) -> String {
        guard result.passed else { return "NOT READY" }
        switch result.warnings {
        case 0: return "ready"
        case 1: return "ready (1 warning)"
        case let count: return "ready (\(count) warnings)"
        }
    }
}
