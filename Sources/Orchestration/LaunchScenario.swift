import Dialects
import Foundation
import LoadGen
import Workload

/// A scenario read for `repat deploy`: the plan, and the names of the environment variables it
/// reads (API keys, `${VAR}` references), which the launchers pass on by name. The variables need
/// not be set where `deploy` runs: the keys stay with the scheduler.
public struct LaunchScenario: Sendable {
    /// The plan, resolved with stand-ins for the variables that are not set here.
    public var plan: RunPlan
    /// The scenario file's text.
    public var text: String
    /// Every variable the scenario reads, sorted.
    public var variables: [String]

    /// Reads `path`.
    /// - Throws: ``ScenarioProblems`` for problems other than unset variables.
    public init(path: String, environment: [String: String]) throws(ScenarioProblems) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioProblems([ScenarioProblem(file: path, line: nil, field: "", message: "cannot read the scenario file")])
        }
        text = String(decoding: data, as: UTF8.self)
        var names = Set(Self.references(in: text))
        var stand = environment
        // Unset variables the loader names get a stand-in until it names none.
        for _ in 0..<16 {
            for name in names where stand[name] == nil { stand[name] = "set-where-the-shards-run" }
            let reading = ScenarioLoader(environment: stand, catalog: DialectRegistry.catalog).read(path: path)
            let unset = reading.problems.compactMap { Self.unsetVariable(in: $0.message) }.filter { stand[$0] == nil }
            if !unset.isEmpty {
                names.formUnion(unset)
                continue
            }
            let plan = try RunPlan(reading: reading, environment: stand, simulators: BuiltInSimulators())
            self.plan = plan
            variables = names.union(plan.scenario.targets.compactMap(\.apiKeyEnv)).sorted()
            return
        }
        throw ScenarioProblems([ScenarioProblem(file: path, line: nil, field: "", message: "too many unset environment variables")])
    }

    /// `NAME` of every `${NAME}` or `${NAME:-fallback}` in `text`.
    static func references(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "${") {
            let name = rest[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.append(String(name)) }
            rest = rest[start.upperBound...]
        }
        return names
    }

    /// `NAME` from a loader message `environment variable NAME is not set …`.
    private static func unsetVariable(in message: String) -> String? {
        guard let start = message.range(of: "environment variable "), let end = message.range(of: " is not set", range: start.upperBound..<message.endIndex)
        else { return nil }
        let name = message[start.upperBound..<end.lowerBound]
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? String(name) : nil
    }
}
