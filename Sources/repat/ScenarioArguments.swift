import ArgumentParser
import Dialects
import Foundation
import LoadGen
import Orchestration
import Workload

/// The scenario argument of `run`, `targets` and `validate`, and how it becomes a plan.
struct ScenarioArguments: ParsableArguments {
    @Argument(help: "Scenario YAML file (see scenarios/README.md).")
    var scenario: String

    /// The scenario resolved against the environment (API keys, headers), with the built-in
    /// simulator behind its `sim://` targets.
    /// - Throws: `ExitCode(2)` after printing every problem with its line and field.
    func plan() throws -> RunPlan {
        let environment = ProcessInfo.processInfo.environment
        do {
            let loaded = try ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).load(path: scenario)
            return try RunPlan(scenario: loaded, environment: environment, simulators: BuiltInSimulators())
        } catch {
            for problem in error.problems { FileHandleOutput.error(problem.description) }
            throw ExitCode(2)
        }
    }
}
