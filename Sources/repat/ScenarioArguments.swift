import ArgumentParser
import Dialects
import Foundation
import LoadGen
import Orchestration
import Workload

/// The scenario argument of `run`, `targets` and `validate`, and how it becomes a plan.
struct ScenarioArguments: ParsableArguments {
    @Argument(help: "Scenario YAML file, or the name of one shipped with repat (quickstart, chat, rag and the others of scenarios/README.md).")
    var scenario: String

    /// The scenario file: `scenario` as given, or, when no such file exists and it is a bare name
    /// (`quickstart`, `chat.yaml`), that file among the shipped scenarios (``ShippedFiles``).
    var file: String {
        guard !scenario.contains("/"), !FileManager.default.fileExists(atPath: scenario) else { return scenario }
        let name = scenario.hasSuffix(".yaml") ? scenario : scenario + ".yaml"
        return ShippedFiles.folder("scenarios", holding: name).map { $0 + "/" + name } ?? scenario
    }

    /// The scenario resolved against the environment (API keys, headers), with the built-in
    /// simulator behind its `sim://` targets.
    /// The file's problems and the plan's (dialects, simulator options, dataset lines) are found
    /// in one pass, so a person sees them all at once.
    /// - Throws: `ExitCode(2)` after printing every problem with its line and field.
    func plan() throws -> RunPlan {
        let environment = ProcessInfo.processInfo.environment
        let reading = ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).read(path: file)
        do {
            return try RunPlan(reading: reading, environment: environment, simulators: BuiltInSimulators())
        } catch {
            for problem in error.problems { FileHandleOutput.error(problem.description) }
            throw ExitCode(2)
        }
    }
}
