import ArgumentParser
import Dialects
import Foundation
import LoadGen
import Workload

/// `repat validate FILE`: checks a scenario without running it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and report every problem with its line and field."
    )

    @Argument(help: "Scenario YAML file.")
    var scenario: String

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            let loaded = try ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).load(path: scenario)
            let plan = try RunPlan(scenario: loaded, environment: environment)
            let targets = plan.targets.map { "\($0.spec.name) (\($0.spec.dialect))" }.joined(separator: ", ")
            let load = plan.search.map { "saturation search \($0.minRate)–\($0.maxRate) req/s in \($0.steps) steps" }
                ?? "load levels: \(plan.levels.map(\.label).joined(separator: ", "))"
            print("\(scenario): ok — targets: \(targets); \(load)")
        } catch {
            for problem in error.problems { FileHandleOutput.error(problem.description) }
            throw ExitCode(2)
        }
    }
}
