import LoadGen
import Workload

extension RunPlan {
    /// Starts one simulator per `sim://` target through the plan's ``SimulatorHost`` and points
    /// the target at it.
    ///
    /// - Returns: the started servers; the caller shuts them down.
    /// - Throws: ``BenchmarkRun/SetupError`` naming the target's `base_url` when one cannot start
    ///   (those already started are shut down first).
    mutating func startSimulators(log: (String) -> Void) async throws(BenchmarkRun.SetupError) -> [any RunningSimulator] {
        var servers: [any RunningSimulator] = []
        let answers = dataset?.answerKey ?? [:]
        for index in targets.indices where targets[index].spec.isSimulated {
            do {
                let server = try await simulators.start(targets[index].spec, seed: scenario.seed, answers: answers)
                servers.append(server)
                targets[index].attach(toSimulatorAt: server.rootURL)
                log("simulator for '\(targets[index].spec.name)' listening at \(targets[index].baseURL)")
            } catch {
                for server in servers { try? await server.shutdown() }
                throw BenchmarkRun.SetupError(lines: [scenario.problem(at: "targets[\(index)].base_url", "cannot start the built-in simulator: \(error)").description])
            }
        }
        return servers
    }
}
