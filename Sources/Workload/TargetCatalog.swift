import Metrics

/// The provider presets and dialect traits a scenario's targets are checked against.
///
/// Workload cannot import Dialects (it is downstream), so the caller builds the catalog from the
/// dialect registry and hands it to ``ScenarioLoader``. An empty catalog knows no `provider:` and
/// no dialect with a region or credentials of its own.
public struct TargetCatalog: Sendable {
    /// Every preset a target's `provider:` may name, in the order problems list them.
    public var presets: [ProviderPreset]
    /// Traits by dialect id; a dialect missing here has the default ``DialectTraits``.
    public var dialectTraits: [String: DialectTraits]

    /// Creates a catalog.
    public init(presets: [ProviderPreset] = [], dialectTraits: [String: DialectTraits] = [:]) {
        self.presets = presets
        self.dialectTraits = dialectTraits
    }

    /// The names of ``presets``, in order.
    public var presetNames: [String] { presets.map(\.name) }

    /// The preset named `name`, or `nil`.
    public func preset(named name: String) -> ProviderPreset? {
        presets.first { $0.name == name }
    }

    /// What requests of the dialect whose id is `dialect` ask for; nil when the catalog does not
    /// know the dialect (an unknown one is reported elsewhere).
    public func requestKind(of dialect: String) -> RequestKind? {
        dialectTraits[dialect]?.requestKind
    }

    /// The traits of the dialect whose id is `dialect`.
    public func traits(of dialect: String) -> DialectTraits {
        dialectTraits[dialect] ?? DialectTraits()
    }
}
