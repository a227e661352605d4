/// Which targets a source's figures describe.
public enum TelemetryScope: Sendable, Hashable {
    /// This machine (`nvidia-smi`, RAPL, `/proc`): targets served here (simulated, loopback, this
    /// host's name).
    case local
    /// A scrape given without `target:`: every target.
    case everyTarget
    /// A scrape given with `target:`, a simulator's own `/metrics`, an Ollama probe.
    case target(String)

    /// How closely the source belongs to `target`: 0 its own, 1 shared, 2 this machine; nil when
    /// it does not describe the target. Lower ranks are preferred.
    func rank(for target: String, isLocal: Bool) -> Int? {
        switch self {
        case .target(let name): name == target ? 0 : nil
        case .everyTarget: 1
        case .local: isLocal ? 2 : nil
        }
    }

    /// The target named by the scope, if any.
    var target: String? {
        if case .target(let name) = self { return name }
        return nil
    }
}
