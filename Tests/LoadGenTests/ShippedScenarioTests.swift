import Dialects
import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Testing
import Workload

/// Every scenario shipped under `scenarios/` loads and resolves, so templates never drift from
/// the schema, the presets or the dialect list.
@Suite("Shipped scenarios")
struct ShippedScenarioTests {
    /// `scenarios/` of this package.
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios")

    /// Stand-ins for the keys templates name: the check is of the files, not of anyone's account.
    private static let environment = Dictionary(uniqueKeysWithValues: DialectRegistry.presets.compactMap(\.apiKeyEnv).map { ($0, "test-key") })
        .merging(["AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "test-secret"]) { $1 }

    @Test("each scenario file loads and resolves into a plan")
    func shippedScenariosResolve() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let path = Self.folder.appendingPathComponent(file).path
            do {
                let scenario = try ScenarioLoader(environment: Self.environment, catalog: DialectRegistry.catalog).load(path: path)
                _ = try RunPlan(scenario: scenario, environment: Self.environment, simulators: BuiltInSimulators())
            } catch {
                Issue.record("\(file): \(error.problems.map(\.description).joined(separator: "; "))")
            }
        }
    }
}
