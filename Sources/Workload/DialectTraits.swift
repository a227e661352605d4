import Metrics

/// What loading a scenario needs to know about one dialect besides its id: what its requests ask
/// for, whether its targets address a region, whether they need credentials of their own when
/// they name no API key, and which reasoning fields they can send.
///
/// Workload sits upstream of Dialects, so each dialect fills this in and the caller hands the
/// table to ``ScenarioLoader`` in a ``TargetCatalog``. The default (neither) is a dialect whose
/// targets need only what every target has.
public struct DialectTraits: Sendable, Equatable {
    /// What the dialect's requests ask for: generations, embeddings or reranks (a scenario's
    /// workload and pipelines must suit it).
    public var requestKind: RequestKind
    /// Something a real target of the dialect needs from the file or the environment.
    public struct Requirement: Sendable, Equatable {
        /// The environment variables it is read from (their meaning is the property's: see
        /// ``DialectTraits/region`` and ``DialectTraits/credentials``).
        public var environmentVariables: [String]
        /// The problem reported, on the target, when it is missing.
        public var missingMessage: String

        /// Creates a requirement.
        public init(environmentVariables: [String], missingMessage: String) {
            self.environmentVariables = environmentVariables
            self.missingMessage = missingMessage
        }
    }

    /// The region every target of the dialect addresses (Bedrock's AWS region), or `nil` when they
    /// address none. A target that names no `region` takes the first of the variables that is set,
    /// else its `provider:` preset's default; a real target with neither gets the message.
    public var region: Requirement?
    /// Credentials a real target needs when it names no `api_key_env` (Bedrock's AWS keys), or
    /// `nil` when an API key (or none) is all the dialect sends. Every variable must be set and not
    /// empty; otherwise the target gets the message.
    public var credentials: Requirement?
    /// The reasoning fields (``ReasoningRequest/Field``) the dialect's requests can carry; a
    /// target naming another is refused.
    public var reasoningFields: Set<ReasoningRequest.Field>

    /// Creates traits; the defaults describe a generation dialect that needs nothing special and
    /// sends no reasoning field.
    public init(
        requestKind: RequestKind = .generation, region: Requirement? = nil, credentials: Requirement? = nil,
        reasoningFields: Set<ReasoningRequest.Field> = []
    ) {
        self.requestKind = requestKind
        self.region = region
        self.credentials = credentials
        self.reasoningFields = reasoningFields
    }
}
