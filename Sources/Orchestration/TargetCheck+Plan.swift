import CurlTransport
import LoadGen

extension TargetCheck {
    /// Checks every target of `plan` (`repat targets`), starting the plan's simulator for each
    /// `sim://` target first.
    ///
    /// - Throws: ``BenchmarkRun/SetupError`` when a simulator cannot start.
    public static func run(_ plan: RunPlan, log: (String) -> Void = { _ in }) async throws(BenchmarkRun.SetupError) -> [Result] {
        var plan = plan
        let servers = try await plan.startSimulators(log: log)
        let transport = CurlTransport()
        var results: [Result] = []
        for target in plan.targets {
            results.append(await check(target, transport: transport, simulators: plan.simulators))
        }
        transport.close()
        for server in servers { try? await server.shutdown() }
        return results
    }
}
