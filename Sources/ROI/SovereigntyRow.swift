/// One option of the report seen from where its data goes: who holds it, under which law, where
/// it is processed, and which `--require` conditions it meets.
public struct SovereigntyRow: Sendable, Equatable {
    /// Option name as in the cost tables (`buy …`, `rent …`, `API openai/gpt-4o`).
    public var option: String
    /// Who processes the data (`you`, a provider name).
    public var provider: String
    /// `FR (EU) / parent FR (EU)`.
    public var jurisdiction: String
    /// `yes: …` or `no: …`.
    public var cloudAct: String
    /// Where the data is processed, with the terms; starts with `FLAGGED:` when api_eu_processing
    /// asks for EU processing this option does not have at the price shown.
    public var processing: String
    /// Retention terms.
    public var retention: String
    /// Training-use terms.
    public var training: String
    /// `secnumcloud: …; hds: …; iso27001: …; c5: …`.
    public var certifications: String
    /// Pages read.
    public var sources: String
    /// When.
    public var read: String
    /// The requirements it meets.
    public var meets: Set<SovereigntyRequirement>
    /// Why processing is flagged, when it is (a note of the report).
    public var flag: String?

    /// Whether it meets every requirement of `requirements`.
    public func meetsAll(_ requirements: [SovereigntyRequirement]) -> Bool {
        requirements.allSatisfy(meets.contains)
    }
}

/// Builds ``SovereigntyRow``s for on-prem, rented and API options.
public enum SovereigntyAssessment {
    /// On-prem: your own jurisdiction, processing on your premises; no cloud qualification needed.
    public static func onPrem(_ option: String, _ inputs: SovereigntyInputs) -> SovereigntyRow {
        let own = inputs.ownJurisdiction
        let eu = Jurisdiction.isEU(own)
        var meets: Set<SovereigntyRequirement> = [.secNumCloud]
        if eu { meets.formUnion([.euJurisdiction, .euProcessing]) }
        return SovereigntyRow(
            option: option, provider: "you (own premises)", jurisdiction: "\(Jurisdiction.text(own)), your own (\(inputs.ownJurisdictionSource))",
            cloudAct: "no provider: the data stays with you", processing: "on your premises (\(Jurisdiction.text(own)))",
            retention: "yours", training: "yours", certifications: "yours; SecNumCloud qualifies cloud offers, not your own premises",
            sources: inputs.ownJurisdictionSource, read: "", meets: meets, flag: nil
        )
    }

    /// A rented GPU instance: the provider's row; processing in the instance's (EU) region by
    /// your own software.
    public static func rent(_ option: String, offer: RentOffer, _ inputs: SovereigntyInputs) -> SovereigntyRow {
        guard let facts = inputs.facts(for: offer.provider) else { return unknown(option, provider: offer.provider) }
        var meets: Set<SovereigntyRequirement> = [.euProcessing]
        if facts.isEUJurisdiction { meets.insert(.euJurisdiction) }
        if facts.secNumCloudOffer { meets.insert(.secNumCloud) }
        return row(
            option, facts, processing: "EU: the rented instance's region (\(facts.euTerms))", retention: "your own software on the instance",
            training: "your own software on the instance", meets: meets, flag: nil
        )
    }

    /// An API: the provider's row; EU processing as priced (see ``SovereigntyRow/processing``).
    public static func api(_ option: String, price: APIPrice, _ inputs: SovereigntyInputs) -> SovereigntyRow {
        guard let facts = inputs.facts(for: price.provider) else { return unknown(option, provider: price.provider) }
        let pricedEU = price.euPrice || (inputs.euProcessing && price.regionUplift != 1)
        var processing: String
        var flag: String?
        switch facts.euProcessing {
        case .byDefault:
            processing = "EU by default"
        case .onRequest, .conditional:
            let offer = facts.euProcessing == .onRequest ? "on request" : "under conditions"
            if price.euPrice {
                processing = "EU: this entry is the EU price"
            } else if pricedEU {
                processing = "EU, priced with the ×\(ROIFormat.number(price.regionUplift)) EU uplift"
            } else if inputs.euProcessing {
                flag = "\(option): \(facts.name) offers EU processing \(offer), but apis.yaml has no EU price for \(price.id): priced at its global rate"
                processing = "FLAGGED: EU \(offer), no EU price in apis.yaml: priced at the global rate"
            } else {
                processing = "global as priced; EU \(offer) (api_eu_processing: true prices it where apis.yaml has the uplift)"
            }
        case .none:
            processing = "outside the EU: no EU-processing offer"
            if inputs.euProcessing {
                flag = "\(option): \(facts.name) has no EU-processing offer: priced at its global rate, and the data is processed outside the EU"
                processing = "FLAGGED: " + processing
            }
        }
        var meets: Set<SovereigntyRequirement> = []
        if facts.isEUJurisdiction { meets.insert(.euJurisdiction) }
        if facts.euProcessing == .byDefault || pricedEU && facts.euProcessing.isOffered { meets.insert(.euProcessing) }
        if facts.secNumCloudOffer { meets.insert(.secNumCloud) }
        return row(option, facts, processing: "\(processing) (\(facts.euTerms))", retention: facts.retention, training: facts.training, meets: meets, flag: flag)
    }

    private static func row(
        _ option: String, _ facts: ProviderFacts, processing: String, retention: String, training: String, meets: Set<SovereigntyRequirement>, flag: String?
    ) -> SovereigntyRow {
        SovereigntyRow(
            option: option, provider: facts.name,
            jurisdiction: "\(Jurisdiction.text(facts.jurisdiction)) / parent \(facts.parent), \(Jurisdiction.text(facts.parentJurisdiction))",
            cloudAct: "\(facts.cloudAct ? "yes" : "no"): \(facts.cloudActReason)", processing: processing, retention: retention, training: training,
            certifications: facts.certifications.map { "\($0.name): \($0.scope)" }.joined(separator: "; "),
            sources: facts.sources.joined(separator: " "), read: facts.read, meets: meets, flag: flag
        )
    }

    private static func unknown(_ option: String, provider: String) -> SovereigntyRow {
        let missing = "not stated: no row for '\(provider)' in providers.yaml"
        return SovereigntyRow(
            option: option, provider: provider, jurisdiction: missing, cloudAct: missing, processing: missing, retention: missing, training: missing,
            certifications: missing, sources: "", read: "", meets: [], flag: nil
        )
    }
}
