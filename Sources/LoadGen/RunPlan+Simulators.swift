import Simulator
import Workload

extension RunPlan {
    /// Starts one built-in simulator per `sim://` target and points the target at it.
    ///
    /// - Returns: the started servers; the caller shuts them down.
    /// - Throws: ``BenchmarkRun/SetupError`` naming the target's `base_url` when one cannot start
    ///   (those already started are shut down first).
    mutating func startSimulators(log: (String) -> Void) async throws(BenchmarkRun.SetupError) -> [SimulatorServer] {
        var servers: [SimulatorServer] = []
        for index in targets.indices {
            guard let profile = targets[index].simulatorProfile else { continue }
            do {
                let server = try await SimulatorServer.start(profile: profile)
                servers.append(server)
                targets[index].attach(to: server)
                log("simulator for '\(targets[index].spec.name)' listening at \(targets[index].baseURL)")
            } catch {
                for server in servers { try? await server.shutdown() }
                throw BenchmarkRun.SetupError(lines: [scenario.problem(at: "targets[\(index)].base_url", "cannot start the built-in simulator: \(error)").description])
            }
        }
        return servers
    }
}
