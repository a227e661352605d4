/// What loading a scenario needs to know about one dialect besides its id: whether its targets
/// address a region, and whether they need credentials of their own when they name no API key.
///
/// Workload sits upstream of Dialects, so each dialect fills this in and the caller hands the
/// table to ``ScenarioLoader`` in a ``TargetCatalog``. The default (neither) is a dialect whose
/// targets need only what every target has.
public struct DialectTraits: Sendable, Equatable {
    /// The region every target of a dialect addresses (Bedrock's AWS region).
    public struct Region: Sendable, Equatable {
        /// Environment variables, in order, the first of which that is set gives the region of a
        /// target that names none.
        public var environmentVariables: [String]
        /// The problem reported for a real target that names no region, finds none in the
        /// environment and has no `provider:` preset to take a default from.
        public var missingMessage: String

        /// Creates a region rule.
        public init(environmentVariables: [String], missingMessage: String) {
            self.environmentVariables = environmentVariables
            self.missingMessage = missingMessage
        }
    }

    /// Credentials a real target needs when it names no `api_key_env` (Bedrock's AWS keys).
    public struct Credentials: Sendable, Equatable {
        /// Environment variables that must all be set and not empty.
        public var environmentVariables: [String]
        /// The problem reported when one of them is missing.
        public var missingMessage: String

        /// Creates a credentials rule.
        public init(environmentVariables: [String], missingMessage: String) {
            self.environmentVariables = environmentVariables
            self.missingMessage = missingMessage
        }
    }

    /// The region the dialect's targets address, or `nil` when they address none.
    public var region: Region?
    /// The credentials the dialect's targets need besides an API key, or `nil` when an API key
    /// (or none) is all they send.
    public var credentials: Credentials?

    /// Creates traits; the defaults describe a dialect that needs nothing special.
    public init(region: Region? = nil, credentials: Credentials? = nil) {
        self.region = region
        self.credentials = credentials
    }
}
