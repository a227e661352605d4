import Workload

/// The built-in simulated server as load generation sees it: something that checks a `sim://`
/// target's `simulator:` options and starts a server for it. LoadGen does not link the
/// simulator itself; the command layer passes the Simulator module's (Orchestration's
/// `BuiltInSimulators`), and tests may pass their own.
public protocol SimulatorHost: Sendable {
    /// The engine and version its servers report, e.g. `repat simulator 0.1.0`.
    var engineVersion: String { get }

    /// The options of `target` (a `sim://` target) that the simulator rejects, in scenario order:
    /// each option's name and why.
    func rejectedOptions(of target: TargetSpec, seed: UInt64) -> [(option: String, reason: String)]

    /// Starts a simulator for `target`, seeded by `seed`, on a free loopback port. `answers` is
    /// the dataset's answer key (last user message → expected answer, see
    /// ``PromptDataset/answerKey``), for a simulator told to answer a share of it correctly.
    /// - Throws: the reason it could not start (a rejected option, a bind error).
    func start(_ target: TargetSpec, seed: UInt64, answers: [String: ExpectedAnswer]) async throws -> any RunningSimulator
}

/// A simulator started by a ``SimulatorHost``.
public protocol RunningSimulator: Sendable {
    /// The server's root URL (`http://127.0.0.1:PORT`), to which each dialect appends its paths.
    var rootURL: String { get }

    /// Stops the server, cutting any stream still open. Idempotent.
    func shutdown() async throws
}
