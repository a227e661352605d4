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
    /// The file's problems and the plan's (dialects, simulator options, dataset lines) are found
    /// in one pass, so a person sees them all at once.
    /// - Throws: `ExitCode(2)` after printing every problem with its line and field.
    func plan() throws -> RunPlan {
        let environment = ProcessInfo.processInfo.environment
        let reading = ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).read(path: scenario)
        do {
            return try RunPlan(reading: reading, environment: environment, simulators: BuiltInSimulators())
        } catch {
            for problem in error.problems { FileHandleOutput.error(problem.description) }
            throw ExitCode(2)
        }
    }
}
