import CurlTransport
import Dialects
import Simulator
import Workload

/// A scenario turned into what the runner executes: resolved targets, load levels and prompts.
/// Building it checks everything the scenario file alone could not (dialect names, simulator
/// options) and reports it against the file's lines.
public struct RunPlan: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// Targets in scenario order.
    public var targets: [ResolvedTarget]
    /// Load levels in run order.
    public let levels: [LoadLevel]
    /// The workload's prompt source.
    public let prompts: SyntheticPrompts

    /// Resolves `scenario` against the dialect registry and `environment` (API keys, headers).
    /// - Throws: ``ScenarioProblems`` for every problem found.
    public init(scenario: Scenario, environment: [String: String]) throws(ScenarioProblems) {
        var problems: [ScenarioProblem] = []
        var targets: [ResolvedTarget] = []
        for (index, spec) in scenario.targets.enumerated() {
            let path = "targets[\(index)]"
            guard let dialect = DialectRegistry.named(spec.dialect) else {
                problems.append(scenario.problem(at: "\(path).dialect", "unknown dialect '\(spec.dialect)' (known: \(DialectRegistry.ids.joined(separator: ", ")))"))
                continue
            }
            var profile: EngineProfile?
            if spec.isSimulated {
                var engine = EngineProfile()
                engine.seed = scenario.seed
                engine.modelName = spec.model
                for option in spec.simulatorOptions {
                    do {
                        try engine.set(option.name, to: option.value)
                    } catch {
                        problems.append(scenario.problem(at: "\(path).simulator.\(option.name)", error.description))
                    }
                }
                profile = engine
            }
            let apiKey = spec.apiKeyEnv.flatMap { environment[$0] }
            var headers: [HTTPHeader] = []
            for header in spec.headers {
                if let value = try? EnvironmentExpansion.expand(header.value, environment: environment) {
                    headers.append(HTTPHeader(header.name, value))
                }
            }
            let endpoint = Endpoint(baseURL: spec.baseURL, model: spec.model, apiKey: apiKey, extraHeaders: headers)
            if !spec.isSimulated {
                do {
                    _ = try endpoint.url(appending: "models")
                } catch {
                    problems.append(scenario.problem(at: "\(path).base_url", error.description))
                }
            }
            let parameters = GenerationParameters(
                stream: spec.stream, includeUsage: true, temperature: scenario.workload.temperature,
                seed: nil, ignoreEOS: scenario.workload.ignoreEOS
            )
            let options = TransferOptions(
                connectTimeoutMs: Int(spec.connectTimeout * 1000),
                totalTimeoutMs: Int(spec.requestTimeout * 1000),
                httpVersion: TransferOptions.HTTPVersion(rawValue: spec.httpVersion) ?? .automatic
            )
            targets.append(ResolvedTarget(
                spec: spec, dialect: dialect, endpoint: endpoint, parameters: parameters, options: options,
                simulatorProfile: profile,
                redactor: SecretRedactor(secrets: [apiKey].compactMap { $0 } + headers.map(\.value))
            ))
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        self.scenario = scenario
        self.targets = targets
        levels = scenario.load.concurrency.map {
            LoadLevel(concurrency: $0, requestLimit: scenario.load.requests, durationLimit: scenario.load.duration)
        }
        prompts = SyntheticPrompts(spec: scenario.workload, seed: scenario.seed)
    }
}

/// One closed-loop load level: `concurrency` requests kept in flight until a limit is reached.
public struct LoadLevel: Sendable, Equatable {
    /// Requests in flight.
    public var concurrency: Int
    /// Stop after this many requests have been started.
    public var requestLimit: Int?
    /// Start no request after this many seconds.
    public var durationLimit: Double?

    /// Creates a level.
    public init(concurrency: Int, requestLimit: Int?, durationLimit: Double?) {
        self.concurrency = concurrency
        self.requestLimit = requestLimit
        self.durationLimit = durationLimit
    }

    /// The `load_level` label: `c` and the concurrency, e.g. `c8`.
    public var label: String { "c\(concurrency)" }
}
