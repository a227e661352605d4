/// A validated benchmark scenario: what to drive, how hard, with what prompts.
public struct Scenario: Sendable {
    /// Short name, used in run ids (letters, digits, `-`, `_`, `.`).
    public var name: String
    /// Seed for every random choice (prompts, simulator behaviour). Same seed, same work.
    public var seed: UInt64
    /// The systems under test, driven one after another with identical work (except those a
    /// pipeline uses, which it drives).
    public var targets: [TargetSpec]
    /// Retrieval pipelines over ``targets`` (`pipelines:`), driven like targets; empty when none.
    public var pipelines: [PipelineSpec] = []
    /// How hard to drive each target.
    public var load: LoadSpec
    /// What each request asks for.
    public var workload: WorkloadSpec
    /// Objectives for the saturation search (and, later, goodput); nil when none are set.
    public var slo: SLOSpec?
    /// Where each field was defined, for problems found after loading (see ``problem(at:_:)``).
    public var locations: SourceLocations
    /// SHA-256 of the scenario file's bytes (hex), recorded with the results.
    public var sourceDigest: String = ""
    /// What to sample besides the requests (`telemetry:`); nil when the section is absent.
    public var telemetry: TelemetrySpec?
    /// What to keep of the answers (`quality:`); the defaults when the section is absent.
    public var quality = QualitySpec()
    /// How sensitive the prompts are and where they may go (`data:`); nil when the section is absent.
    public var data: DataPolicy?

    /// Creates a scenario.
    public init(name: String, seed: UInt64, targets: [TargetSpec], load: LoadSpec, workload: WorkloadSpec, slo: SLOSpec? = nil, locations: SourceLocations) {
        self.name = name
        self.seed = seed
        self.targets = targets
        self.load = load
        self.workload = workload
        self.slo = slo
        self.locations = locations
    }

    /// A problem located at a field of this scenario's file.
    public func problem(at field: String, _ message: String) -> ScenarioProblem {
        locations.problem(at: field, message)
    }

    /// The targets driven on their own: every target no pipeline uses, in file order.
    public var standaloneTargets: [TargetSpec] {
        let members = Set(pipelines.flatMap(\.steps))
        return targets.filter { !members.contains($0.name) }
    }
}

/// One system under test.
public struct TargetSpec: Sendable, Equatable {
    /// Unique name within the scenario; the `target` column of results.
    public var name: String
    /// API dialect id, e.g. `openai-chat`.
    public var dialect: String
    /// Base URL up to the API version, e.g. `http://127.0.0.1:8000/v1`, or `sim://NAME` for the
    /// built-in simulator started in-process. Environment references (`${VAR}`) are expanded.
    public var baseURL: String
    /// Model name sent with each request.
    public var model: String
    /// Name of the environment variable holding the API key (never the key itself).
    public var apiKeyEnv: String?
    /// Extra request headers; values may reference `${VAR}` and are treated as secrets.
    public var headers: [(name: String, value: String)]
    /// Stream responses (SSE). Default true.
    public var stream: Bool
    /// `1.1`, `2` or `auto`.
    public var httpVersion: String
    /// Connect timeout, seconds.
    public var connectTimeout: Double
    /// Whole-request timeout, seconds.
    public var requestTimeout: Double
    /// Simulator engine options by name (only for `sim://` targets), with their text values.
    public var simulatorOptions: [(name: String, value: String)]
    /// Abort a streamed request with no token after this many seconds (`first_token_timeout`).
    public var firstTokenTimeout: Double = 120
    /// Abort a request when no byte arrives for this many seconds (`idle_timeout`).
    public var idleTimeout: Double = 60
    /// Retries of HTTP 429 responses, honouring `Retry-After` (`retry_429`); 0 = record, no retry.
    public var retries429 = 0
    /// Certificate authorities to trust instead of the system store (`ca_bundle`, a PEM path).
    public var caBundle: String?
    /// Client certificate for mutual TLS (`client_cert`, a PEM path).
    public var clientCert: String?
    /// Its private key (`client_key`, a PEM path).
    public var clientKey: String?
    /// Skip TLS verification (`insecure: true`); warned about and recorded in run.json.
    public var insecure = false
    /// The `provider:` preset that filled in defaults, if any.
    public var provider: String?
    /// How the API key is sent (`auth`): `bearer`, or the name of the header carrying it; `nil`
    /// means the dialect's default.
    public var auth: String?
    /// API version (`api_version`): Azure's `api-version`, Anthropic's `anthropic-version`.
    public var apiVersion: String?
    /// Region (`region`): the AWS region Bedrock requests are signed for, or `eu` for a provider's
    /// EU host.
    public var region: String?
    /// Ollama's `keep_alive` (`keep_alive`, e.g. `5m`).
    public var keepAlive: String?
    /// Ollama's `num_ctx` (`num_ctx`).
    public var contextWindow: Int?
    /// What the target asks a reasoning model (`reasoning_effort`, `thinking_budget`, `think`).
    public var reasoning = ReasoningRequest()
    /// Whether the workload's `ignore_eos` is sent to this target (`length_controls`); cloud APIs
    /// reject it, so presets for them turn it off.
    public var lengthControls = true
    /// The cloud API this target stands in for (`stands_for`, a price id `PROVIDER/MODEL` such as
    /// `openai/gpt-4o-mini`): `repat roi` prices the target as that API, with its measured tokens.
    public var standsFor: String?
    /// Whether this target may receive the scenario's data although its provider is outside
    /// `data.allowed_jurisdictions` (`allow_transfer: true`); recorded in run.json.
    public var allowTransfer = false

    /// The longest streamed event or line repat holds (`max_event_bytes`, bytes): an SSE event, an
    /// NDJSON line, an AWS event-stream message. A response with a longer one ends as `too_large`.
    public var maxEventBytes = 16 << 20
    /// The longest non-streamed response body repat holds (`max_response_bytes`, bytes); a longer
    /// one ends as `too_large`.
    public var maxResponseBytes = 256 << 20
    /// What `max_event_bytes` and `max_response_bytes` may be set to: 1 KiB to 64 GiB.
    public static let sizeLimitRange = 1024...(64 << 30)

    /// Whether this target is served by the built-in simulator.
    public var isSimulated: Bool { baseURL.hasPrefix("sim://") }

    /// Creates a target.
    public init(
        name: String, dialect: String, baseURL: String, model: String, apiKeyEnv: String? = nil,
        headers: [(name: String, value: String)] = [], stream: Bool = true, httpVersion: String = "auto",
        connectTimeout: Double = 10, requestTimeout: Double = 600, simulatorOptions: [(name: String, value: String)] = []
    ) {
        self.name = name
        self.dialect = dialect
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.headers = headers
        self.stream = stream
        self.httpVersion = httpVersion
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.simulatorOptions = simulatorOptions
    }

    public static func == (lhs: TargetSpec, rhs: TargetSpec) -> Bool {
        lhs.name == rhs.name && lhs.dialect == rhs.dialect && lhs.baseURL == rhs.baseURL && lhs.model == rhs.model
            && lhs.apiKeyEnv == rhs.apiKeyEnv && lhs.headers.elementsEqual(rhs.headers, by: { $0 == $1 })
            && lhs.stream == rhs.stream && lhs.httpVersion == rhs.httpVersion
            && lhs.connectTimeout == rhs.connectTimeout && lhs.requestTimeout == rhs.requestTimeout
            && lhs.simulatorOptions.elementsEqual(rhs.simulatorOptions, by: { $0 == $1 })
            && lhs.firstTokenTimeout == rhs.firstTokenTimeout && lhs.idleTimeout == rhs.idleTimeout
            && lhs.retries429 == rhs.retries429 && lhs.caBundle == rhs.caBundle && lhs.clientCert == rhs.clientCert
            && lhs.clientKey == rhs.clientKey && lhs.insecure == rhs.insecure
            && lhs.provider == rhs.provider && lhs.auth == rhs.auth && lhs.apiVersion == rhs.apiVersion
            && lhs.region == rhs.region && lhs.keepAlive == rhs.keepAlive && lhs.contextWindow == rhs.contextWindow
            && lhs.reasoning == rhs.reasoning
            && lhs.lengthControls == rhs.lengthControls && lhs.standsFor == rhs.standsFor && lhs.allowTransfer == rhs.allowTransfer
            && lhs.maxEventBytes == rhs.maxEventBytes && lhs.maxResponseBytes == rhs.maxResponseBytes
    }
}

/// How hard each target is driven: a list of load levels run one after another, or a search.
public struct LoadSpec: Sendable, Equatable {
    /// The shape of the load.
    public enum Pattern: Sendable, Equatable {
        /// Closed loop: these concurrencies (each a level); with a ramp, concurrency grows linearly
        /// to its level over `rampSeconds`.
        case closed(concurrency: [Int], rampSeconds: Double?)
        /// Open loop: these request rates per second (each a level), arrivals drawn from the
        /// arrival process; at most `maxInFlight` requests outstanding when set.
        case open(rates: [Double], maxInFlight: Int?)
        /// Open loop, searching by bisection for the highest rate that meets the SLOs.
        case saturation(SaturationSearch)
        /// Open loop at the trace's own arrival times (`workload.trace`): one level; at most
        /// `maxInFlight` requests outstanding when set.
        case replay(maxInFlight: Int?)
        /// Open loop whose rate follows a profile of steps, as one level; arrivals drawn from the
        /// arrival process in each step; at most `maxInFlight` outstanding when set.
        case profile(RateProfile, maxInFlight: Int?)
    }

    /// Levels, or the search.
    public var pattern: Pattern
    /// Spacing of open-loop arrivals.
    public var arrival: ArrivalProcess
    /// Requests per load level, when bounded by count.
    public var requests: Int?
    /// Seconds per load level, when bounded by time. With both, whichever comes first.
    public var duration: Double?
    /// The first this-many requests of each level are warm-up: kept in the file, not in summaries.
    public var warmupRequests: Int
    /// Requests sent in the first this-many seconds of each level are warm-up too.
    public var warmupSeconds: Double?
    /// Abort a level when too many of its recent requests fail.
    public var abort: ErrorRateAbort?
    /// Whether all levels of one target run before the next target (`sequential`), or each level
    /// runs on every target before the next level (`interleaved`).
    public var interleaved: Bool
    /// How many times each level runs (`repeat`, at least 1), with the same prompts and schedule
    /// every time; repeats of a level alternate across targets (repeat 1 of every target, then
    /// repeat 2, …), so `compare` can judge a difference against the spread between repeats.
    public var repeats: Int

    /// Creates a load spec.
    public init(
        pattern: Pattern, arrival: ArrivalProcess = .poisson, requests: Int?, duration: Double?,
        warmupRequests: Int = 0, warmupSeconds: Double? = nil, abort: ErrorRateAbort? = nil, interleaved: Bool = false,
        repeats: Int = 1
    ) {
        self.pattern = pattern
        self.arrival = arrival
        self.requests = requests
        self.duration = duration
        self.warmupRequests = warmupRequests
        self.warmupSeconds = warmupSeconds
        self.abort = abort
        self.interleaved = interleaved
        self.repeats = repeats
    }
}

/// The saturation search: bisection between two rates for the highest that meets the SLOs.
public struct SaturationSearch: Sendable, Equatable {
    /// Lowest rate tried, requests per second.
    public var minRate: Double
    /// Highest rate tried, requests per second.
    public var maxRate: Double
    /// Bisection steps after the two bounds (each a level; the answer is within
    /// (max − min) / 2^steps).
    public var steps: Int
    /// Cap on requests in flight, when set.
    public var maxInFlight: Int?

    /// Creates a search.
    public init(minRate: Double, maxRate: Double, steps: Int, maxInFlight: Int? = nil) {
        self.minRate = minRate
        self.maxRate = maxRate
        self.steps = steps
        self.maxInFlight = maxInFlight
    }
}

/// Stops a level when more than `threshold` of the last `window` requests failed.
public struct ErrorRateAbort: Sendable, Equatable {
    /// Failure fraction, 0–1.
    public var threshold: Double
    /// Requests considered.
    public var window: Int

    /// Creates a guard.
    public init(threshold: Double, window: Int) {
        self.threshold = threshold
        self.window = window
    }
}

/// Service-level objectives a load level must meet (saturation search, goodput).
public struct SLOSpec: Sendable, Equatable {
    /// One limit on a latency percentile.
    public struct Limit: Sendable, Equatable {
        /// `ttft`, `tpot`, `itl` or `e2e`.
        public var metric: String
        /// Percentile, 0–100.
        public var percentile: Double
        /// Largest allowed value, ms.
        public var maxMs: Double
        /// The field as written (`ttft_p99_ms`).
        public var field: String

        /// Creates a limit.
        public init(metric: String, percentile: Double, maxMs: Double, field: String) {
            self.metric = metric
            self.percentile = percentile
            self.maxMs = maxMs
            self.field = field
        }
    }

    /// Latency limits.
    public var limits: [Limit]
    /// Largest allowed fraction of failed requests (0–1), when set.
    public var maxErrorRate: Double?
    /// Per-request limits for goodput, ms, by metric (`ttft`, `tpot`, `e2e`), from `ttft_ms: 500`.
    public var perRequest: [String: Double]

    /// Creates SLOs.
    public init(limits: [Limit], maxErrorRate: Double? = nil, perRequest: [String: Double] = [:]) {
        self.limits = limits
        self.maxErrorRate = maxErrorRate
        self.perRequest = perRequest
    }
}

/// What each request asks for.
public struct WorkloadSpec: Sendable, Equatable {
    /// Where prompts come from.
    public enum Source: Sendable, Equatable {
        /// Generated text of this many tokens (one common English word each, before calibration).
        case synthetic(promptTokens: LengthDistribution)
        /// A prompt file; the path as resolved against the scenario's folder.
        case dataset(path: String, format: PromptDataset.Format)
        /// A timestamped trace replayed at its own times (load `replay`); the path as resolved
        /// against the scenario's folder.
        case trace(path: String, format: TraceFormat, window: TraceWindow)
        /// Generated queries and document batches (`embeddings:`), for embedding and rerank
        /// targets and retrieval pipelines.
        case embeddings(EmbeddingWorkload)
    }

    /// How prompt lengths are brought close to the requested token counts on the target.
    public enum Calibration: String, Sendable, Equatable, CaseIterable {
        /// One word per token, uncorrected.
        case none
        /// Ask the first target's tokenize endpoint (vLLM, llama.cpp `/tokenize`), falling back to
        /// `probe` where it has none.
        case auto
        /// Send two probe requests of different lengths and read `usage.prompt_tokens`.
        case probe
    }

    /// Prompt source.
    public var source: Source
    /// Output budget per request (`max_tokens`); for datasets, used where an entry has none.
    public var maxTokens: LengthDistribution
    /// Ask the server to ignore end-of-sequence so every request generates its budget.
    public var ignoreEOS: Bool
    /// Sampling temperature, when set.
    public var temperature: Double?
    /// Optional system prompt prepended to every conversation.
    public var systemPrompt: String?
    /// Groups sharing a long system prompt, to measure prefix caching.
    public var sharedPrefix: SharedPrefix?
    /// Turns per conversation; turn `t` sends the history of turns `0..<t` (default 1).
    public var turns: Int
    /// Prompt length calibration.
    public var calibration: Calibration
    /// Tools offered with every synthetic prompt, and a dataset line that gives none (workload
    /// `tools`, `tool_choice`, `max_turns`, `tool_results`); none by default.
    public var tools = ItemTools()
    /// The schema every answer must follow (structured output) for synthetic prompts and dataset
    /// lines that give none (workload `output_schema`); nil for free text.
    public var outputSchema: OutputSchema?

    /// Creates a workload spec.
    public init(
        source: Source, maxTokens: LengthDistribution, ignoreEOS: Bool = false, temperature: Double? = nil,
        systemPrompt: String? = nil, sharedPrefix: SharedPrefix? = nil, turns: Int = 1, calibration: Calibration = .none
    ) {
        self.source = source
        self.maxTokens = maxTokens
        self.ignoreEOS = ignoreEOS
        self.temperature = temperature
        self.systemPrompt = systemPrompt
        self.sharedPrefix = sharedPrefix
        self.turns = turns
        self.calibration = calibration
    }

    /// A fixed-length synthetic workload.
    public init(promptTokens: Int, maxTokens: Int, ignoreEOS: Bool = false, temperature: Double? = nil, systemPrompt: String? = nil) {
        self.init(
            source: .synthetic(promptTokens: .fixed(promptTokens)), maxTokens: .fixed(maxTokens),
            ignoreEOS: ignoreEOS, temperature: temperature, systemPrompt: systemPrompt
        )
    }
}

/// A system prompt shared by groups of conversations.
public struct SharedPrefix: Sendable, Equatable {
    /// Number of distinct prefixes; conversation `s` uses prefix `s mod groups`.
    public var groups: Int
    /// Prefix length, tokens.
    public var tokens: Int

    /// Creates a shared-prefix spec.
    public init(groups: Int, tokens: Int) {
        self.groups = groups
        self.tokens = tokens
    }
}

/// Lines at which a scenario's fields were defined.
public struct SourceLocations: Sendable {
    /// The scenario file as given.
    public var file: String
    private var lines: [String: Int] = [:]

    /// Empty locations for a file.
    public init(file: String) {
        self.file = file
    }

    /// Records a field's line.
    public mutating func record(_ field: String, line: Int?) {
        if let line { lines[field] = line }
    }

    /// The line of a field, or of its nearest recorded parent (`a.b[2].c` → `a.b[2]` → `a.b` → `a`).
    public func line(of field: String) -> Int? {
        var path = Substring(field)
        while !path.isEmpty {
            if let line = lines[String(path)] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return nil
    }

    /// A problem located at `field` of this file (its line, or its nearest parent's).
    public func problem(at field: String, _ message: String) -> ScenarioProblem {
        ScenarioProblem(file: file, line: line(of: field), field: field, message: message)
    }
}
