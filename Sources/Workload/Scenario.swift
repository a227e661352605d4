/// A validated benchmark scenario: what to drive, how hard, with what prompts.
public struct Scenario: Sendable {
    /// Short name, used in run ids (letters, digits, `-`, `_`, `.`).
    public var name: String
    /// Seed for every random choice (prompts, simulator behaviour). Same seed, same work.
    public var seed: UInt64
    /// The systems under test, driven one after another with identical work.
    public var targets: [TargetSpec]
    /// How hard to drive each target.
    public var load: LoadSpec
    /// What each request asks for.
    public var workload: WorkloadSpec
    /// Where each field was defined, for problems found after loading (see ``problem(at:_:)``).
    public var locations: SourceLocations

    /// Creates a scenario.
    public init(name: String, seed: UInt64, targets: [TargetSpec], load: LoadSpec, workload: WorkloadSpec, locations: SourceLocations) {
        self.name = name
        self.seed = seed
        self.targets = targets
        self.load = load
        self.workload = workload
        self.locations = locations
    }

    /// A problem located at a field of this scenario's file.
    public func problem(at field: String, _ message: String) -> ScenarioProblem {
        ScenarioProblem(file: locations.file, line: locations.line(of: field), field: field, message: message)
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
    }
}

/// Closed-loop load: a fixed number of requests in flight, each level run in turn.
public struct LoadSpec: Sendable, Equatable {
    /// Concurrency levels, run one after another; each is a `load_level` in the results.
    public var concurrency: [Int]
    /// Requests per load level, when bounded by count.
    public var requests: Int?
    /// Seconds per load level, when bounded by time. With both, whichever comes first.
    public var duration: Double?

    /// Creates a load spec.
    public init(concurrency: [Int], requests: Int?, duration: Double?) {
        self.concurrency = concurrency
        self.requests = requests
        self.duration = duration
    }
}

/// Synthetic prompts: every request asks for the same shape of work.
public struct WorkloadSpec: Sendable, Equatable {
    /// Prompt length in tokens (approximately, on real tokenizers: one common English word each).
    public var promptTokens: Int
    /// Output budget per request (`max_tokens`).
    public var maxTokens: Int
    /// Ask the server to ignore end-of-sequence so every request generates `maxTokens`.
    public var ignoreEOS: Bool
    /// Sampling temperature, when set.
    public var temperature: Double?
    /// Optional system prompt prepended to every conversation.
    public var systemPrompt: String?

    /// Creates a workload spec.
    public init(promptTokens: Int, maxTokens: Int, ignoreEOS: Bool = false, temperature: Double? = nil, systemPrompt: String? = nil) {
        self.promptTokens = promptTokens
        self.maxTokens = maxTokens
        self.ignoreEOS = ignoreEOS
        self.temperature = temperature
        self.systemPrompt = systemPrompt
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
}
