import CurlTransport
import Dialects
import Workload

/// A target ready to be driven: its dialect, endpoint (with its secret resolved), request
/// parameters and transfer options.
public struct ResolvedTarget: Sendable {
    /// The scenario's target.
    public var spec: TargetSpec
    /// The dialect that encodes requests and decodes responses.
    public var dialect: any Dialect
    /// URL, model and credentials. Holds the API key: never log it.
    public var endpoint: Endpoint
    /// Parameters sent with every request.
    public var parameters: GenerationParameters
    /// Timeouts and protocol choices.
    public var options: TransferOptions
    /// Scrubs this target's secrets from error text.
    public var redactor: SecretRedactor
    /// Abort a streamed request when no token arrived within this many seconds (nil: never).
    public var firstTokenTimeoutSeconds: Double?
    /// Abort a request when no byte arrived for this many seconds (nil: never).
    public var idleTimeoutSeconds: Double?
    /// Retries of HTTP 429 responses, when opted in.
    public var retry: RetryPolicy?
    /// When this stands for a retrieval pipeline (named by ``spec``, speaking its generation
    /// step's dialect): its steps, which the runner drives in turn for each item; nil for a
    /// target driven on its own.
    public var pipeline: ResolvedPipeline?

    /// Where requests go: the scenario's URL, or the in-process simulator's loopback URL once started.
    public var baseURL: String { endpoint.baseURL }

    /// Points the target at a started simulator whose root URL is `rootURL`, at the base path
    /// its dialect expects.
    public mutating func attach(toSimulatorAt rootURL: String) {
        endpoint.baseURL = rootURL + dialect.defaultBasePath
    }
}
