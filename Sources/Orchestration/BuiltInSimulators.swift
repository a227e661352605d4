import LoadGen
import Results
import Simulator
import Workload

/// The Simulator module's engine behind ``SimulatorHost``: what the command line injects so that
/// `sim://` targets get a real SwiftNIO server on loopback, with the scenario's seed and options.
public struct BuiltInSimulators: SimulatorHost {
    /// Creates the host.
    public init() {}

    public var engineVersion: String { "repat simulator \(RepatVersion.current)" }

    public func rejectedOptions(of target: TargetSpec, seed: UInt64) -> [(option: String, reason: String)] {
        Self.profile(for: target, seed: seed).rejected.map { ($0.name, $0.error.description) }
    }

    public func start(_ target: TargetSpec, seed: UInt64, answers: [String: ExpectedAnswer]) async throws -> any RunningSimulator {
        var (profile, rejected) = Self.profile(for: target, seed: seed)
        if let first = rejected.first { throw first.error }
        if profile.correctShare != nil {
            profile.knownAnswers = answers.mapValues { KnownAnswer(correct: $0.correctExample, wrong: $0.wrongExample) }
        }
        return try await SimulatorServer.start(profile: profile)
    }

    /// The engine profile of a `sim://` target: the scenario's seed, the target's model name,
    /// then its `simulator:` options in order.
    public static func profile(for target: TargetSpec, seed: UInt64) -> (profile: EngineProfile, rejected: [(name: String, error: EngineProfile.OptionError)]) {
        EngineProfile.configured(modelName: target.model, seed: seed, options: target.simulatorOptions)
    }
}

extension SimulatorServer: RunningSimulator {}
