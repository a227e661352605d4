/// What the sovereignty table is built from: the provider rows, your own jurisdiction (for
/// on-prem) and whether API prices carry their EU uplift.
public struct SovereigntyInputs: Sendable, Equatable {
    /// Rows of `pricing/providers.yaml`.
    public var facts: [ProviderFacts]
    /// Country code of your own premises and company (default `FR`).
    public var ownJurisdiction: String
    /// Where ``ownJurisdiction`` came from.
    public var ownJurisdictionSource: String
    /// `api_eu_processing`: API prices carry their EU uplift.
    public var euProcessing: Bool

    /// Creates inputs.
    public init(facts: [ProviderFacts], ownJurisdiction: String, ownJurisdictionSource: String, euProcessing: Bool) {
        self.facts = facts
        self.ownJurisdiction = ownJurisdiction
        self.ownJurisdictionSource = ownJurisdictionSource
        self.euProcessing = euProcessing
    }

    /// The row for an API provider key, or a rent offer's provider name (case-insensitive).
    public func facts(for provider: String) -> ProviderFacts? {
        let key = provider.lowercased()
        return facts.first { $0.id.lowercased() == key || $0.name.lowercased() == key }
    }
}
