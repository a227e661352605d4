import LoadGen
import LoopbackSupport
import Orchestration
import Simulator
import Testing
import Workload

@Suite("The built-in simulator host")
struct BuiltInSimulatorsTests {
    @Test("a sim:// target's profile carries the scenario's seed, the target's model and its options")
    func profile() throws {
        let plan = try makePlan(scenarioYAML(targets: simulatedTarget("ok", options: ["max_num_seqs": "7"]), concurrency: [1], requests: 1))
        let (profile, rejected) = BuiltInSimulators.profile(for: plan.targets[0].spec, seed: plan.scenario.seed)
        #expect(rejected.isEmpty)
        #expect(profile.maxNumSeqs == 7)
        #expect(profile.seed == 11, "the scenario seed seeds the simulator")
        #expect(profile.modelName == "sim-model")
    }

    @Test("rejected options are named in scenario order with the simulator's reason")
    func rejected() {
        let spec = TargetSpec(name: "bad", dialect: "openai-chat", baseURL: "sim://bad", model: "m",
                              simulatorOptions: [("max_num_seqs", "0"), ("decode_base_ms", "3"), ("warp_factor", "9")])
        let rejected = BuiltInSimulators().rejectedOptions(of: spec, seed: 1)
        #expect(rejected.map(\.option) == ["max_num_seqs", "warp_factor"])
        #expect(rejected[1].reason.contains("max_num_seqs"), "an unknown option's reason lists the valid ones")
    }

    @Test("a started simulator answers at its root URL and reports repat's version")
    func start() async throws {
        let host = BuiltInSimulators()
        let spec = TargetSpec(name: "s", dialect: "openai-chat", baseURL: "sim://s", model: "m")
        let server = try await host.start(spec, seed: 3, answers: [:])
        #expect(server.rootURL.hasPrefix("http://127.0.0.1:"))
        #expect(host.engineVersion.hasPrefix("repat simulator "))
        try await server.shutdown()
    }
}
