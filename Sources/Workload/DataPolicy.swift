/// How sensitive a scenario's prompts are, and where they may go (`data:` in a scenario).
public struct DataPolicy: Sendable, Equatable {
    /// The prompts' classification.
    public var classification: DataClassification
    /// Jurisdictions (two-letter country codes, or `EU` for any member state) a target's provider
    /// and its parent must be under; empty: anywhere.
    public var allowedJurisdictions: [String]

    /// Creates a policy; without `allowedJurisdictions` the classification's default applies.
    public init(classification: DataClassification, allowedJurisdictions: [String]? = nil) {
        self.classification = classification
        self.allowedJurisdictions = allowedJurisdictions ?? classification.defaultJurisdictions
    }
}

/// `data.classification`: the four levels of common information-classification schemes.
public enum DataClassification: String, Sendable, CaseIterable {
    /// May be published: no restriction.
    case `public`
    /// Internal use: no restriction by default.
    case `internal`
    /// Confidential (professional, legal, medical or industrial secrecy): EU only by default.
    case confidential
    /// Restricted: EU only by default.
    case restricted

    /// Where data of this class may go unless `allowed_jurisdictions` says otherwise: the EU for
    /// confidential and restricted data, anywhere for the rest.
    public var defaultJurisdictions: [String] {
        switch self {
        case .public, .internal: return []
        case .confidential, .restricted: return ["EU"]
        }
    }
}
