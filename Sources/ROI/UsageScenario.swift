/// A scenario replaying a usage profile's busiest hour: open-loop Poisson arrivals at that hour's
/// request rate, prompts and answers of its mean lengths, and a shared prompt prefix of its
/// cached share, so the on-prem targets are measured under the load the APIs actually carried.
public struct UsageScenario: Sendable {
    /// The target to measure.
    public struct Target: Sendable {
        /// Its name in the results.
        public var name: String
        /// API dialect (`openai-chat`, `ollama-chat`…).
        public var dialect: String
        /// Base URL (`http://gpu-1:8000`, or `sim://NAME` for the built-in simulator).
        public var baseURL: String
        /// Model name sent.
        public var model: String
        /// Environment variable holding its API key, if any.
        public var apiKeyEnv: String?

        /// Creates a target.
        public init(name: String, dialect: String, baseURL: String, model: String, apiKeyEnv: String?) {
            self.name = name
            self.dialect = dialect
            self.baseURL = baseURL
            self.model = model
            self.apiKeyEnv = apiKeyEnv
        }
    }

    /// The busiest hour's figures, read from the profile.
    public var start: String
    /// Requests in that hour.
    public var requests: Double
    /// Input tokens in that hour, cached ones included.
    public var inputTokens: Double
    /// Cached input tokens in that hour.
    public var cachedTokens: Double
    /// Output tokens in that hour.
    public var outputTokens: Double
    /// Requests in each minute of that hour, when the usage had minute buckets.
    public var requestsPerMinute: [Double]?
    /// The profile file.
    public var file: String

    /// Reads the busiest hour of the usage profile at `file`.
    /// - Throws: ``ROIError`` naming the file and field; a profile made from daily buckets has no
    ///   busiest hour.
    public init(profile file: String) throws(ROIError) {
        let root = try YAMLValue.load(file: file)
        let usage = try UsageProvenance.section(of: root)
        guard let hour = try usage.field("busiest_hour") else {
            throw usage.error("no busiest_hour: the usage was exported in buckets longer than an hour (export with bucket_width=1h)")
        }
        start = try hour.required("start").text()
        requests = try hour.required("requests").number(in: 0...1e15)
        inputTokens = try hour.required("input_tokens").number(in: 0...1e18)
        cachedTokens = try hour.required("cached_tokens").number(in: 0...1e18)
        outputTokens = try hour.required("output_tokens").number(in: 0...1e18)
        if let minutes = try hour.field("requests_per_minute") {
            let values = try minutes.items().map { item throws(ROIError) in try item.number(in: 0...1e15) }
            guard values.count == 60 else { throw minutes.error("expected 60 minutes, got \(values.count)") }
            requestsPerMinute = values
        }
        self.file = file
        guard requests / 3600 >= 0.001 else {
            throw hour.error("\(Int(requests)) requests in the busiest hour is under 0.001 a second, too little traffic to replay")
        }
    }

    /// Requests a second in the busiest hour.
    public var rate: Double { requests / 3600 }
    /// Mean input tokens per request, at least 1.
    public var promptTokens: Int { max(1, Int((inputTokens / requests).rounded())) }
    /// Mean output tokens per request, at least 1.
    public var maxTokens: Int { max(1, Int((outputTokens / requests).rounded())) }
    /// Cached input over input.
    public var cacheShare: Double { inputTokens > 0 ? cachedTokens / inputTokens : 0 }

    /// The scenario's YAML for `target`, written on `today`: the hour replayed in `seconds` — at its
    /// mean rate, or minute by minute as a rate profile of 60 steps when the usage had minute
    /// buckets (each step `seconds` ÷ 60 long, at that minute's rate).
    public func yaml(target: Target, seconds: Double, today: String) -> String {
        let prefix = Int((cacheShare * Double(promptTokens)).rounded())
        var lines = [
            "# The busiest hour of \(file) (\(start)): \(UsageProfile.plain(requests)) requests, \(promptTokens) input and \(maxTokens) output",
            "# tokens per request, \(ROIFormat.percent(cacheShare)) of input tokens cached. Written by `repat usage scenario` on \(today).",
            "# Run it with: repat run THIS_FILE",
            "name: usage-busiest-hour",
            "description: \(UsageProfile.quoted("Replays the busiest hour of \(file) (\(start)) against \(target.name)."))",
            "seed: 1",
            "",
            "targets:",
            "  - name: \(UsageProfile.quoted(target.name))",
            "    dialect: \(UsageProfile.quoted(target.dialect))",
            "    base_url: \(UsageProfile.quoted(target.baseURL))",
            "    model: \(UsageProfile.quoted(target.model))",
        ]
        if let env = target.apiKeyEnv { lines.append("    api_key_env: \(UsageProfile.quoted(env))") }
        lines += [
            "",
            "load:",
        ]
        if let minutes = requestsPerMinute {
            let step = UsageProfile.plain(UsageProfile.round(seconds / 60, places: 3))
            lines += [
                "  rate:                # the busiest hour minute by minute: each minute's requests per second",
                "    steps:",
            ] + minutes.map { "      - { duration: \(step)s, rate: \(UsageProfile.plain(UsageProfile.round($0 / 60, places: 4))) }" }
        } else {
            lines += [
                "  rate: [\(UsageProfile.plain(UsageProfile.round(rate, places: 4)))]   # requests per second of the busiest hour",
                "  duration: \(UsageProfile.plain(seconds))s",
            ]
        }
        lines += [
            "  arrival: poisson",
            "",
            "workload:",
            "  prompt_tokens: \(promptTokens)   # mean input tokens per request",
            "  max_tokens: \(maxTokens)   # mean output tokens per request",
            "  ignore_eos: true",
        ]
        if prefix > 0 {
            lines.append("  shared_prefix: { groups: 1, tokens: \(prefix) }   # the cached share of the prompt, common to every request")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
