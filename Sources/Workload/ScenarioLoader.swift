import Crypto
import Foundation
import RepatSupport
import Yams

/// Reads a scenario YAML file into a ``Scenario``, reporting every problem with file, line and field.
///
/// Checks here are those the file alone decides (types, ranges, required fields, unknown fields,
/// environment references), and those the injected ``TargetCatalog`` describes (provider presets, a
/// dialect's region and credentials). Checks that need other modules — is the dialect known, are
/// the simulator options valid — are made by the caller through ``Scenario/problem(at:_:)``.
public struct ScenarioLoader {
    /// Fields allowed at the top level.
    static let rootFields = ["name", "description", "seed", "targets", "load", "workload", "slo", "telemetry", "quality", "data", "pipelines"]
    /// Fields allowed under `telemetry`.
    static let telemetryFields = ["interval", "gpu", "rapl", "idle_seconds", "scrape"]
    /// Fields allowed in a `telemetry.scrape` entry.
    static let scrapeFields = ["url", "interval", "metrics", "target"]
    /// Fields allowed in a target.
    static let targetFields = [
        "name", "dialect", "base_url", "model", "api_key_env", "headers", "stream", "http_version",
        "connect_timeout", "request_timeout", "first_token_timeout", "idle_timeout", "retry_429",
        "ca_bundle", "client_cert", "client_key", "insecure", "simulator", "provider", "auth", "api_version",
        "region", "keep_alive", "num_ctx", "length_controls", "stands_for", "allow_transfer",
        "max_event_bytes", "max_response_bytes", "reasoning_effort", "thinking_budget", "think",
    ]
    /// Fields allowed under `load`.
    static let loadFields = [
        "concurrency", "ramp", "rate", "arrival", "burstiness", "max_in_flight", "saturation",
        "requests", "duration", "warmup_requests", "warmup", "abort_error_rate", "abort_window", "order",
        "repeat",
    ]
    /// Fields allowed under `load.saturation`.
    static let saturationFields = ["min_rate", "max_rate", "steps", "max_in_flight"]
    /// Fields allowed under `workload`.
    static let workloadFields = [
        "prompt_tokens", "max_tokens", "dataset", "format", "ignore_eos", "temperature", "system_prompt",
        "shared_prefix", "turns", "calibrate", "trace", "speedup", "from", "to", "embeddings",
        "output_schema",
    ] + ItemTools.fieldNames
    /// Fields allowed in a length distribution mapping.
    static let lengthFields = ["distribution", "value", "min", "max", "mean", "stddev"]

    /// Where `${VAR}` references, API-key variables and a dialect's own credentials are looked up.
    let environment: [String: String]
    /// The provider presets and dialect traits targets are checked against.
    let catalog: TargetCatalog

    /// A loader that resolves `${VAR}` references and API-key variables against `environment`, and
    /// `provider:` presets and dialect requirements (region, credentials) against `catalog`.
    ///
    /// Callers that load a scenario to run or validate it pass the dialect registry's catalog
    /// (`DialectRegistry.catalog`); an empty `TargetCatalog()` knows no provider and no dialect
    /// requirement (tests of the loader alone).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, catalog: TargetCatalog) {
        self.environment = environment
        self.catalog = catalog
    }

    /// Loads and validates the file at `path`.
    /// - Throws: ``ScenarioProblems`` listing every problem found.
    public func load(path: String) throws(ScenarioProblems) -> Scenario {
        try Self.scenario(of: read(path: path))
    }

    /// Parses scenario text; `file` names it in problems.
    /// - Throws: ``ScenarioProblems`` listing every problem found.
    public func parse(_ text: String, file: String) throws(ScenarioProblems) -> Scenario {
        try Self.scenario(of: read(text, file: file))
    }

    /// Reads the file at `path`: the scenario when it is correct, else every problem and what
    /// could be read, for the checks made after loading (see ``ScenarioReading``).
    public func read(path: String) -> ScenarioReading {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let problem = ScenarioProblem(file: path, line: nil, field: "", message: "cannot read the file (\(Self.reason(error)))")
            return ScenarioReading(problems: [problem], locations: SourceLocations(file: path))
        }
        return read(text, file: path)
    }

    /// Reads scenario text; `file` names it in problems (see ``read(path:)``).
    public func read(_ text: String, file: String) -> ScenarioReading {
        var report = ProblemReport(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report.add("", line: nil, "the file is empty")
                return ScenarioReading(problems: report.problems, locations: report.locations)
            }
            root = node
        } catch {
            return ScenarioReading(problems: [Self.yamlProblem(error, file: file)], locations: report.locations)
        }
        guard let fields = YAMLFields(root, path: "", allowed: Self.rootFields, into: &report) else {
            return ScenarioReading(problems: report.problems, locations: report.locations)
        }
        let name = fields.string("name", required: true, into: &report) ?? ""
        if !name.isEmpty && !name.allSatisfy(Self.isNameCharacter) {
            report.add("name", line: fields.node("name")?.mark?.line, "use only letters, digits, '-', '_' and '.' (it becomes part of the run id)")
        }
        let seed = fields.int("seed", range: 0...Int.max, into: &report) ?? 0
        let targets = readTargets(fields, file: file, into: &report)
        let load = readLoad(fields, into: &report)
        let workload = readWorkload(fields, file: file, into: &report)
        let pipelines = readPipelines(fields, targets: targets, source: workload.source, into: &report)
        checkRequestKinds(targets: targets, pipelines: pipelines, source: workload.source, into: &report)
        let slo = readSLO(fields, into: &report)
        let telemetry = readTelemetry(fields, targets: targets.map(\.spec), into: &report)
        let quality = readQuality(fields, targets: targets.map(\.spec.name), into: &report)
        let data = readData(fields, into: &report)
        if let load, case .saturation = load.pattern, slo == nil || slo?.limits.isEmpty == true {
            report.add("load.saturation", line: report.locations.line(of: "load.saturation"), "a saturation search needs latency limits under slo: (e.g. ttft_p99_ms: 2000)")
        }
        guard report.problems.isEmpty, let load, let spec = workload.spec else {
            var dataset: (path: String, format: PromptDataset.Format)?
            if case .dataset(let path, let format) = workload.source { dataset = (path, format) }
            return ScenarioReading(
                problems: report.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }, targets: targets,
                seed: UInt64(seed), dataset: dataset, locations: report.locations
            )
        }
        var scenario = Scenario(name: name, seed: UInt64(seed), targets: targets.map(\.spec), load: load, workload: spec, slo: slo, locations: report.locations)
        scenario.sourceDigest = Hex.encode(SHA256.hash(data: Array(text.utf8)))
        scenario.telemetry = telemetry
        scenario.quality = quality
        scenario.data = data
        scenario.pipelines = pipelines
        return ScenarioReading(scenario)
    }

    /// The scenario of a reading, or its problems.
    private static func scenario(of reading: ScenarioReading) throws(ScenarioProblems) -> Scenario {
        guard let scenario = reading.scenario else { throw ScenarioProblems(reading.problems) }
        return scenario
    }

    private func readLoad(_ root: YAMLFields, into report: inout ProblemReport) -> LoadSpec? {
        guard let node = root.node("load") else {
            report.add("load", line: root.line, "required field is missing (concurrency, rate or saturation; and requests or duration)")
            return nil
        }
        guard let fields = YAMLFields(node, path: "load", allowed: Self.loadFields, into: &report) else { return nil }
        let shapes = ["concurrency", "rate", "saturation"].filter { fields.node($0) != nil }
        let replaying = Self.replaysTrace(root)
        if replaying {
            reportReplayMisfits(fields, shapes: shapes, into: &report)
        } else if shapes.count != 1 {
            let message = shapes.isEmpty
                ? "give one of concurrency (closed loop), rate (open loop) or saturation (search)"
                : "give only one of \(shapes.joined(separator: ", "))"
            report.add("load", line: fields.line, message)
            return nil
        }
        let maxInFlight = fields.int("max_in_flight", range: 1...1_000_000, into: &report)
        var pattern: LoadSpec.Pattern?
        switch replaying ? "replay" : shapes[0] {
        case "replay":
            pattern = shapes.isEmpty ? .replay(maxInFlight: maxInFlight) : nil
        case "concurrency":
            pattern = fields.intList("concurrency", required: true, range: 1...100_000, into: &report)
                .map { .closed(concurrency: $0, rampSeconds: fields.seconds("ramp", into: &report)) }
        case "rate" where Self.rateIsProfile(fields):
            pattern = readRateProfile(fields, into: &report).map { .profile($0, maxInFlight: maxInFlight) }
        case "rate":
            pattern = fields.doubleList("rate", range: 0.001...1_000_000, into: &report).map { .open(rates: $0, maxInFlight: maxInFlight) }
        default:
            pattern = readSaturation(fields, into: &report).map { .saturation($0) }
        }
        if case .closed? = pattern {
            for name in ["arrival", "burstiness", "max_in_flight"] where fields.node(name) != nil {
                report.add(fields.field(name), line: fields.node(name)?.mark?.line, "applies to open-loop load (rate or saturation), not to concurrency")
            }
        } else if !replaying, pattern != nil, fields.node("ramp") != nil {
            report.add(fields.field("ramp"), line: fields.node("ramp")?.mark?.line, "applies to closed-loop load (concurrency) only")
        }
        let arrival = replaying ? ArrivalProcess.poisson : readArrival(fields, into: &report)
        let requests = fields.int("requests", range: 1...100_000_000, into: &report)
        let duration = fields.seconds("duration", into: &report)
        if fields.node("requests") == nil && fields.node("duration") == nil && !Self.rateIsProfile(fields) && !replaying {
            report.add("load", line: fields.line, "give requests (per load level), duration (per load level), or both")
        }
        var abort: ErrorRateAbort?
        if let threshold = fields.double("abort_error_rate", range: 0...1, into: &report) {
            abort = ErrorRateAbort(threshold: threshold, window: fields.int("abort_window", range: 1...1_000_000, into: &report) ?? 20)
        } else if fields.node("abort_window") != nil {
            report.add(fields.field("abort_window"), line: fields.node("abort_window")?.mark?.line, "needs abort_error_rate")
        }
        let order = fields.string("order", into: &report) ?? "sequential"
        if !["sequential", "interleaved"].contains(order) {
            report.add(fields.field("order"), line: fields.node("order")?.mark?.line, "expected sequential or interleaved, got \(Self.quoted(order, among: ["sequential", "interleaved"]))")
        }
        let warmupRequests = fields.int("warmup_requests", range: 0...100_000_000, into: &report) ?? 0
        let warmupSeconds = fields.seconds("warmup", into: &report)
        let repeats = fields.int("repeat", range: 1...LoadSpec.maxRepeats, into: &report) ?? 1
        if repeats > 1, case .saturation? = pattern {
            report.add(fields.field("repeat"), line: fields.node("repeat")?.mark?.line, LoadSpec.saturationRepeatProblem)
        }
        guard let pattern else { return nil }
        return LoadSpec(
            pattern: pattern, arrival: arrival, requests: requests, duration: duration,
            warmupRequests: warmupRequests, warmupSeconds: warmupSeconds, abort: abort, interleaved: order == "interleaved",
            repeats: repeats
        )
    }

    private func readArrival(_ fields: YAMLFields, into report: inout ProblemReport) -> ArrivalProcess {
        let name = fields.string("arrival", into: &report) ?? "poisson"
        let burstiness = fields.double("burstiness", range: 0.01...1000, into: &report)
        switch name {
        case "constant", "poisson":
            if burstiness != nil {
                report.add(fields.field("burstiness"), line: fields.node("burstiness")?.mark?.line, "applies to arrival: gamma only")
            }
            return name == "constant" ? .constant : .poisson
        case "gamma":
            guard let burstiness else {
                report.add(fields.field("arrival"), line: fields.node("arrival")?.mark?.line, "gamma arrivals need burstiness (1 = Poisson, below 1 burstier)")
                return .poisson
            }
            return .gamma(burstiness: burstiness)
        default:
            report.add(fields.field("arrival"), line: fields.node("arrival")?.mark?.line, "expected constant, poisson or gamma, got \(Self.quoted(name, among: ["constant", "poisson", "gamma"]))")
            return .poisson
        }
    }

    private func readSaturation(_ load: YAMLFields, into report: inout ProblemReport) -> SaturationSearch? {
        guard let node = load.node("saturation"),
              let fields = YAMLFields(node, path: "load.saturation", allowed: Self.saturationFields, into: &report) else { return nil }
        let minRate = fields.double("min_rate", required: true, range: 0.001...1_000_000, into: &report)
        let maxRate = fields.double("max_rate", required: true, range: 0.001...1_000_000, into: &report)
        let steps = fields.int("steps", range: 0...30, into: &report) ?? 5
        let maxInFlight = fields.int("max_in_flight", range: 1...1_000_000, into: &report)
        guard let minRate, let maxRate else { return nil }
        guard minRate < maxRate else {
            report.add("load.saturation.max_rate", line: fields.node("max_rate")?.mark?.line, "must be above min_rate (\(minRate))")
            return nil
        }
        return SaturationSearch(minRate: minRate, maxRate: maxRate, steps: steps, maxInFlight: maxInFlight)
    }

    /// The workload, and its prompt source on its own: a dataset whose path and format are right
    /// is read for its lines even when other workload fields are wrong.
    private func readWorkload(_ root: YAMLFields, file: String, into report: inout ProblemReport) -> (spec: WorkloadSpec?, source: WorkloadSpec.Source?) {
        guard let node = root.node("workload") else {
            report.add("workload", line: root.line, "required field is missing (prompt_tokens or dataset, and max_tokens)")
            return (nil, nil)
        }
        guard let fields = YAMLFields(node, path: "workload", allowed: Self.workloadFields, into: &report) else { return (nil, nil) }
        var source: WorkloadSpec.Source?
        let sources = ["prompt_tokens", "dataset", "trace", "embeddings"].filter { fields.node($0) != nil }
        if sources.count != 1 {
            report.add("workload", line: fields.line, "give prompt_tokens (synthetic prompts), dataset (a prompt file), trace (a timestamped trace) or embeddings (queries and documents)\(sources.isEmpty ? "" : ", not \(sources.joined(separator: " and "))")")
        } else if sources[0] == "prompt_tokens" {
            source = length("prompt_tokens", in: fields, into: &report).map { .synthetic(promptTokens: $0) }
        } else if sources[0] == "dataset" {
            source = dataset(fields, file: file, into: &report)
        } else if sources[0] == "embeddings" {
            source = embeddingSource(fields, into: &report)
        } else {
            source = trace(fields, file: file, into: &report)
        }
        if fields.node("format") != nil && fields.node("dataset") == nil && fields.node("trace") == nil {
            report.add(fields.field("format"), line: fields.node("format")?.mark?.line, "applies to dataset or trace only")
        }
        if fields.node("trace") == nil {
            for name in ["speedup", "from", "to"] where fields.node(name) != nil {
                report.add(fields.field(name), line: fields.node(name)?.mark?.line, "applies to trace only")
            }
        }
        // A trace gives every request its own answer length; max_tokens is then not needed. A
        // retrieval workload generates only in a pipeline's last step, 128 tokens unless told.
        let replaying = fields.node("trace") != nil
        let retrieving = fields.node("embeddings") != nil
        let maxTokens = length("max_tokens", in: fields, required: !replaying && !retrieving, into: &report)
            ?? (replaying ? .fixed(1) : retrieving ? .fixed(128) : nil)
        var sharedPrefix: SharedPrefix?
        if let prefixNode = fields.node("shared_prefix"),
           let prefix = YAMLFields(prefixNode, path: "workload.shared_prefix", allowed: ["groups", "tokens"], into: &report) {
            let groups = prefix.int("groups", required: true, range: 1...1_000_000, into: &report)
            let tokens = prefix.int("tokens", required: true, range: 1...10_000_000, into: &report)
            if let groups, let tokens { sharedPrefix = SharedPrefix(groups: groups, tokens: tokens) }
        }
        let calibrationName = fields.string("calibrate", into: &report) ?? "none"
        let calibration = WorkloadSpec.Calibration(rawValue: calibrationName)
        if calibration == nil {
            report.add(fields.field("calibrate"), line: fields.node("calibrate")?.mark?.line, "expected none, auto or probe, got \(Self.quoted(calibrationName, among: WorkloadSpec.Calibration.allCases.map(\.rawValue)))")
        }
        if retrieving {
            for name in ["turns", "shared_prefix", "calibrate"] where fields.node(name) != nil {
                report.add(fields.field(name), line: fields.node(name)?.mark?.line, "does not apply to workload.embeddings")
            }
        }
        if calibration != WorkloadSpec.Calibration.none, case .dataset = source {
            report.add(fields.field("calibrate"), line: fields.node("calibrate")?.mark?.line, "applies to synthetic prompts only (a dataset's text is sent as it is)")
        }
        let ignoreEOS = fields.bool("ignore_eos", into: &report) ?? false
        let temperature = fields.double("temperature", range: 0...10, into: &report)
        let systemPrompt = fields.string("system_prompt", into: &report)
        let turns = fields.int("turns", range: 1...1000, into: &report) ?? 1
        if replaying {
            for name in ["turns", "shared_prefix"] where fields.node(name) != nil {
                report.add(fields.field(name), line: fields.node(name)?.mark?.line, "does not apply to a trace (its requests and block hashes say what they share)")
            }
        }
        let tools = readTools(fields, file: file, into: &report)
        let outputSchema = readOutputSchema(fields, into: &report)
        guard let source, let maxTokens else { return (nil, source) }
        var spec = WorkloadSpec(
            source: source, maxTokens: maxTokens, ignoreEOS: ignoreEOS, temperature: temperature,
            systemPrompt: systemPrompt, sharedPrefix: sharedPrefix, turns: turns, calibration: calibration ?? .none
        )
        spec.tools = tools
        spec.outputSchema = outputSchema
        return (spec, source)
    }

    /// A dataset reference; the path is resolved against the scenario file's folder and the file
    /// is opened now, so a missing dataset is reported with the scenario, by its absolute path and
    /// the system's reason.
    private func dataset(_ fields: YAMLFields, file: String, into report: inout ProblemReport) -> WorkloadSpec.Source? {
        guard let path = fields.string("dataset", into: &report) else { return nil }
        let resolved = path.hasPrefix("/") ? path : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        let formatName = fields.string("format", into: &report) ?? (path.hasSuffix(".jsonl") ? "jsonl" : "sharegpt")
        guard let format = PromptDataset.Format(rawValue: formatName) else {
            report.add(fields.field("format"), line: fields.node("format")?.mark?.line, "expected jsonl or sharegpt, got \(Self.quoted(formatName, among: PromptDataset.Format.allCases.map(\.rawValue)))")
            return nil
        }
        if let problem = FileAccess.problem(reading: resolved) {
            report.add(fields.field("dataset"), line: fields.node("dataset")?.mark?.line, problem)
            return nil
        }
        return .dataset(path: resolved, format: format)
    }

    /// A length: a whole number, or a mapping `{distribution: uniform|normal|lognormal, …}`.
    func length(_ name: String, in fields: YAMLFields, required: Bool = false, into report: inout ProblemReport) -> LengthDistribution? {
        guard let node = fields.node(name) else {
            if required { report.add(fields.field(name), line: fields.line, "required field is missing") }
            return nil
        }
        guard case .mapping = node else {
            return fields.int(name, range: 1...10_000_000, into: &report).map { .fixed($0) }
        }
        let path = fields.field(name)
        guard let spec = YAMLFields(node, path: path, allowed: Self.lengthFields, into: &report) else { return nil }
        let kind = spec.string("distribution", required: true, into: &report) ?? ""
        let low = spec.int("min", range: 1...10_000_000, into: &report)
        let high = spec.int("max", range: 1...10_000_000, into: &report)
        if let low, let high, low > high {
            report.add("\(path).max", line: spec.node("max")?.mark?.line, "must not be below min (\(low))")
            return nil
        }
        switch kind {
        case "fixed":
            return spec.int("value", required: true, range: 1...10_000_000, into: &report).map { .fixed($0) }
        case "uniform":
            guard let low, let high else {
                if spec.node("min") == nil || spec.node("max") == nil {
                    report.add(path, line: spec.line, "a uniform distribution needs min and max")
                }
                return nil
            }
            return .uniform(min: low, max: high)
        case "normal", "lognormal":
            guard let mean = spec.double("mean", required: true, range: 1...10_000_000, into: &report),
                  let stddev = spec.double("stddev", required: true, range: 0...10_000_000, into: &report) else { return nil }
            let bounds = (low ?? 1, high ?? 10_000_000)
            return kind == "normal"
                ? .normal(mean: mean, stddev: stddev, min: bounds.0, max: bounds.1)
                : .lognormal(mean: mean, stddev: stddev, min: bounds.0, max: bounds.1)
        case "":
            return nil
        default:
            report.add("\(path).distribution", line: spec.node("distribution")?.mark?.line, "expected fixed, uniform, normal or lognormal, got \(Self.quoted(kind, among: ["fixed", "uniform", "normal", "lognormal"]))")
            return nil
        }
    }

    private func readTelemetry(_ root: YAMLFields, targets: [TargetSpec], into report: inout ProblemReport) -> TelemetrySpec? {
        guard let node = root.node("telemetry") else { return TelemetrySpec(idleSeconds: 0) }
        if node.null != nil { return TelemetrySpec() }
        if node.string == "off" { return nil }
        guard let fields = YAMLFields(node, path: "telemetry", allowed: Self.telemetryFields, into: &report) else { return nil }
        var spec = TelemetrySpec()
        spec.interval = fields.seconds("interval", into: &report) ?? spec.interval
        if spec.interval < 0.05 || spec.interval > 3600 {
            report.add(fields.field("interval"), line: fields.node("interval")?.mark?.line, "must be between 50ms and 1h, got \(spec.interval) s")
        }
        for (name, keyPath) in [("gpu", \TelemetrySpec.gpu), ("rapl", \TelemetrySpec.rapl)] {
            guard let value = fields.string(name, into: &report) else { continue }
            guard let mode = TelemetrySpec.Mode(rawValue: value) else {
                report.add(fields.field(name), line: fields.node(name)?.mark?.line, "expected auto or off, got \(Self.quoted(value, among: TelemetrySpec.Mode.allCases.map(\.rawValue)))")
                continue
            }
            spec[keyPath: keyPath] = mode
        }
        spec.idleSeconds = fields.double("idle_seconds", range: 0...3600, into: &report) ?? spec.idleSeconds
        guard let scrapeNode = fields.node("scrape") else { return spec }
        guard case .sequence(let items) = scrapeNode else {
            report.add("telemetry.scrape", line: scrapeNode.mark?.line, "expected a list of endpoints, each with url (and interval, metrics, target)")
            return spec
        }
        for (index, item) in items.enumerated() {
            let path = "telemetry.scrape[\(index)]"
            guard let scrape = YAMLFields(item, path: path, allowed: Self.scrapeFields, into: &report) else { continue }
            let line = scrape.node("url")?.mark?.line
            guard let written = scrape.string("url", required: true, into: &report) else { continue }
            let expanded = expand(written, field: scrape.field("url"), line: line, into: &report)
            let url = expanded ?? written
            if let expanded, !expanded.hasPrefix("http://") && !expanded.hasPrefix("https://") {
                report.add(scrape.field("url"), line: line, "expected an http:// or https:// URL, got '\(WireText.visible(url))'")
            }
            if let expanded {
                checkWireText(written, expanded: expanded, field: scrape.field("url"), line: line, what: "a URL", into: &report)
            }
            let interval = scrape.seconds("interval", into: &report)
            if let interval, interval < 0.05 || interval > 3600 {
                report.add(scrape.field("interval"), line: scrape.node("interval")?.mark?.line, "must be between 50ms and 1h, got \(interval) s")
            }
            var metrics: [String] = []
            if let metricsNode = scrape.node("metrics") {
                let entries: [Node]
                if case .sequence(let list) = metricsNode { entries = Array(list) } else { entries = [metricsNode] }
                for entry in entries {
                    guard case .scalar(let scalar) = entry, !scalar.string.isEmpty else {
                        report.add(scrape.field("metrics"), line: entry.mark?.line, "expected metric-name prefixes such as vllm: or DCGM_FI_DEV_POWER_USAGE")
                        continue
                    }
                    metrics.append(scalar.string)
                }
            }
            let target = scrape.string("target", into: &report)
            if let target, !targets.contains(where: { $0.name == target }) {
                report.add(scrape.field("target"), line: scrape.node("target")?.mark?.line, "no target named \(Self.quoted(target, among: targets.map(\.name))) (targets: \(targets.map(\.name).joined(separator: ", ")))")
            }
            spec.scrapes.append(TelemetrySpec.Scrape(url: url, interval: interval, metrics: metrics, target: target))
        }
        return spec
    }

    private func readSLO(_ root: YAMLFields, into report: inout ProblemReport) -> SLOSpec? {
        guard let node = root.node("slo") else { return nil }
        guard case .mapping(let mapping) = node else {
            report.add("slo", line: node.mark?.line, "expected a mapping such as ttft_p99_ms: 2000")
            return nil
        }
        report.locations.record("slo", line: node.mark?.line)
        var limits: [SLOSpec.Limit] = []
        var maxErrorRate: Double?
        var perRequest: [String: Double] = [:]
        for (key, value) in mapping {
            let name = key.string ?? "?"
            let field = "slo.\(name)"
            report.locations.record(field, line: key.mark?.line)
            guard let number = value.float ?? value.int.map(Double.init), number.isFinite, number >= 0 else {
                report.add(field, line: key.mark?.line, "expected a non-negative number")
                continue
            }
            if name == "max_error_rate" {
                guard number <= 1 else {
                    report.add(field, line: key.mark?.line, "a fraction between 0 and 1")
                    continue
                }
                maxErrorRate = number
                continue
            }
            if ["ttft_ms", "tpot_ms", "e2e_ms"].contains(name) {
                perRequest[String(name.dropLast(3))] = number
                continue
            }
            guard let limit = Self.sloLimit(name, maxMs: number) else {
                report.add(field, line: key.mark?.line, "expected METRIC_pPERCENTILE_ms with METRIC ttft, tpot, itl or e2e (e.g. ttft_p99_ms, tpot_p95_ms), a per-request goodput limit (ttft_ms, tpot_ms, e2e_ms), or max_error_rate\(NameSuggestion.hint(for: name, in: Self.commonSLONames))")
                continue
            }
            limits.append(limit)
        }
        return SLOSpec(limits: limits, maxErrorRate: maxErrorRate, perRequest: perRequest)
    }

    /// The SLO names a misspelt one is compared with: each metric at the usual percentiles, the
    /// per-request limits and `max_error_rate`.
    static let commonSLONames = ["ttft", "tpot", "itl", "e2e"].flatMap { metric in
        ["p50", "p90", "p95", "p99", "p99.9"].map { "\(metric)_\($0)_ms" }
    } + ["ttft_ms", "tpot_ms", "e2e_ms", "max_error_rate"]

    /// Parses `ttft_p99_ms`, `tpot_p99.9_ms`, … into a limit.
    static func sloLimit(_ name: String, maxMs: Double) -> SLOSpec.Limit? {
        let parts = name.split(separator: "_")
        guard parts.count == 3, parts[2] == "ms", ["ttft", "tpot", "itl", "e2e"].contains(parts[0]),
              parts[1].hasPrefix("p"), let percentile = Double(parts[1].dropFirst()), percentile > 0, percentile <= 100 else { return nil }
        return SLOSpec.Limit(metric: String(parts[0]), percentile: percentile, maxMs: maxMs, field: name)
    }

    /// Expands `${VAR}` references; nil, with a problem naming the unset variable (or the
    /// malformed reference), when one cannot be expanded, so that checks of the value itself
    /// (is it a URL?) are not made on the unexpanded text.
    func expand(_ text: String, field: String, line: Int?, into report: inout ProblemReport) -> String? {
        do {
            return try EnvironmentExpansion.expand(text, environment: environment)
        } catch {
            report.add(field, line: line, error.description)
            return nil
        }
    }

    /// `'value'`, followed by ` (did you mean 'NAME'?)` when one of `names` is close to it.
    static func quoted(_ value: String, among names: [String]) -> String {
        "'\(value)'\(NameSuggestion.hint(for: value, in: names))"
    }

    /// Whether `character` may appear in a scenario or target name.
    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
    }

    private static func reason(_ error: any Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? "\(error)" : text
    }

    private static func yamlProblem(_ error: any Error, file: String) -> ScenarioProblem {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return ScenarioProblem(file: file, line: mark.line, field: "", message: "not valid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                return ScenarioProblem(file: file, line: context.mark.line, field: "", message: "duplicated keys: \(duplicates.joined(separator: ", "))")
            default:
                break
            }
        }
        return ScenarioProblem(file: file, line: nil, field: "", message: "not valid YAML: \(error)")
    }
}
