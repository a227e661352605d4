/// Where a provider processes API data and under which law (`pricing/providers.yaml`): one row of
/// the sovereignty table, sourced and dated like the price tables.
public struct ProviderFacts: Sendable, Equatable {
    /// Key matching `provider:` in `apis.yaml` and, lower-cased, `provider:` in `rent.yaml`.
    public var id: String
    /// Display name.
    public var name: String
    /// Country code of the provider's company (`FR`, `US`).
    public var jurisdiction: String
    /// The group that controls it, as text (`Iliad group (France)`).
    public var parent: String
    /// Country code of that group.
    public var parentJurisdiction: String
    /// Whether US authorities can order the provider to hand over data it controls, wherever stored.
    public var cloudAct: Bool
    /// Why (or why not).
    public var cloudActReason: String
    /// Where API requests are processed.
    public var euProcessing: EUProcessing
    /// The conditions of EU processing and what stays outside the EU.
    public var euTerms: String
    /// Retention of API data.
    public var retention: String
    /// Use of API data for training.
    public var training: String
    /// Each certification (`secnumcloud`, `hds`, `iso27001`, `c5`) with its scope, or `not stated …`.
    public var certifications: [Certification]
    /// Whether the offer repat prices (the API, the rented instance) is itself SecNumCloud-qualified.
    public var secNumCloudOffer: Bool
    /// Pages read.
    public var sources: [String]
    /// When they were read, `YYYY-MM-DD`.
    public var read: String

    /// Creates a row.
    public init(
        id: String, name: String, jurisdiction: String, parent: String, parentJurisdiction: String, cloudAct: Bool, cloudActReason: String,
        euProcessing: EUProcessing, euTerms: String, retention: String, training: String, certifications: [Certification],
        secNumCloudOffer: Bool, sources: [String], read: String
    ) {
        self.id = id
        self.name = name
        self.jurisdiction = jurisdiction
        self.parent = parent
        self.parentJurisdiction = parentJurisdiction
        self.cloudAct = cloudAct
        self.cloudActReason = cloudActReason
        self.euProcessing = euProcessing
        self.euTerms = euTerms
        self.retention = retention
        self.training = training
        self.certifications = certifications
        self.secNumCloudOffer = secNumCloudOffer
        self.sources = sources
        self.read = read
    }

    /// Whether the provider and its parent are both in an EU member state and outside the CLOUD Act.
    public var isEUJurisdiction: Bool {
        Jurisdiction.isEU(jurisdiction) && Jurisdiction.isEU(parentJurisdiction) && !cloudAct
    }
}

/// A certification and what it covers, as the pages read state it.
public struct Certification: Sendable, Equatable {
    /// `secnumcloud`, `hds`, `iso27001` or `c5`.
    public var name: String
    /// Which offers it covers, or `not stated …`.
    public var scope: String

    /// Creates a certification.
    public init(name: String, scope: String) {
        self.name = name
        self.scope = scope
    }
}

/// Where a provider processes API requests (`eu_processing:` in `providers.yaml`).
public enum EUProcessing: String, Sendable, CaseIterable {
    /// In the EU for every customer.
    case byDefault = "default"
    /// In the EU when the customer picks an EU region, data zone or inference profile.
    case onRequest = "on_request"
    /// In the EU only under contractual or eligibility conditions.
    case conditional
    /// No EU-processing offer for the API priced.
    case none

    /// Whether any EU-processing offer exists.
    public var isOffered: Bool { self != .none }
}

/// Country codes and the European Union.
public enum Jurisdiction {
    /// The 27 member states of the European Union (ISO 3166-1 alpha-2, Greece as `GR`).
    public static let euMembers: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO",
        "SK", "SI", "ES", "SE",
    ]

    /// Whether `code` is an EU member state (or `EU` itself).
    public static func isEU(_ code: String) -> Bool {
        let upper = code.uppercased()
        return upper == "EU" || euMembers.contains(upper)
    }

    /// `FR (EU)` or `US`.
    public static func text(_ code: String) -> String {
        let upper = code.uppercased()
        return upper != "EU" && euMembers.contains(upper) ? "\(upper) (EU)" : upper
    }
}
