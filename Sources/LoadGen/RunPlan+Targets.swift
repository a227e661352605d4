import CurlTransport
import Dialects
import Metrics
import RepatSupport
import Workload

/// The plan's own checks of a scenario's targets, and their resolution into what the runner
/// sends with.
extension RunPlan {
    /// What only a plan can tell of the targets `reading` holds: unknown dialects (with the
    /// nearest known one), simulator options the simulator host rejects, base URLs a dialect
    /// cannot use. A target field the loader already faulted (or a `provider` it could not
    /// resolve, which leaves dialect and base URL empty) is not checked again.
    static func targetProblems(
        of reading: ScenarioReading, environment: [String: String], simulators: any SimulatorHost
    ) -> [ScenarioProblem] {
        let faulted = Set(reading.problems.map(\.field))
        var problems: [ScenarioProblem] = []
        for target in reading.targets {
            let path = "targets[\(target.index)]"
            let spec = target.spec
            let unresolved = faulted.contains("\(path).provider")
            guard let dialect = DialectRegistry.named(spec.dialect) else {
                if !unresolved && !faulted.contains("\(path).dialect") {
                    let hint = NameSuggestion.hint(for: spec.dialect, in: DialectRegistry.ids)
                    problems.append(reading.problem(
                        at: "\(path).dialect",
                        "unknown dialect '\(spec.dialect)'\(hint) (known: \(DialectRegistry.ids.joined(separator: ", ")))"
                    ))
                }
                continue
            }
            if spec.isSimulated {
                for rejected in simulators.rejectedOptions(of: spec, seed: reading.seed) {
                    problems.append(reading.problem(at: "\(path).simulator.\(rejected.option)", rejected.reason))
                }
            } else if !unresolved && !faulted.contains("\(path).base_url") {
                do {
                    _ = try endpoint(for: spec, dialect: dialect, environment: environment).endpoint.url(appending: "")
                } catch {
                    problems.append(reading.problem(at: "\(path).base_url", error.description))
                }
            }
        }
        return problems
    }

    /// The endpoint `spec` is reached at (base URL, model, API key, `${VAR}`-expanded headers,
    /// AWS signing credentials), and the secrets to keep out of logs.
    static func endpoint(for spec: TargetSpec, dialect: any Dialect, environment: [String: String]) -> (endpoint: Endpoint, secrets: [String]) {
        let apiKey = spec.apiKeyEnv.flatMap { environment[$0] }
        var headers: [HTTPHeader] = []
        for header in spec.headers {
            if let value = try? EnvironmentExpansion.expand(header.value, environment: environment) {
                headers.append(HTTPHeader(header.name, value))
            }
        }
        let aws = dialect.signingCredentials(for: spec, environment: environment)
        let endpoint = Endpoint(
            baseURL: spec.baseURL, model: spec.model, apiKey: apiKey, keyStyle: spec.auth.map(APIKeyStyle.init(auth:)),
            extraHeaders: headers, apiVersion: spec.apiVersion, aws: aws)
        return (endpoint, [apiKey, aws?.secretAccessKey, aws?.sessionToken].compactMap { $0 } + headers.map(\.value))
    }

    /// `spec` resolved: its endpoint, generation parameters (from `workload`; never streamed for
    /// an embedding or rerank dialect), transfer options, secret redaction, timeouts and retry
    /// policy.
    static func resolve(_ spec: TargetSpec, dialect: any Dialect, workload: WorkloadSpec, environment: [String: String]) -> ResolvedTarget {
        let (endpoint, secrets) = endpoint(for: spec, dialect: dialect, environment: environment)
        // Embedding and rerank APIs do not stream, whatever the target's `stream` says.
        let parameters = GenerationParameters(
            stream: spec.stream && dialect.requestKind == .generation, includeUsage: true, temperature: workload.temperature,
            seed: nil, ignoreEOS: spec.lengthControls && workload.ignoreEOS,
            contextWindow: spec.contextWindow, keepAlive: spec.keepAlive, reasoning: spec.reasoning
        )
        var options = TransferOptions(
            connectTimeoutMs: Int(spec.connectTimeout * 1000),
            totalTimeoutMs: Int(spec.requestTimeout * 1000),
            idleTimeoutSeconds: 0,  // enforced to the millisecond by the request's watchdog instead
            httpVersion: TransferOptions.HTTPVersion(rawValue: spec.httpVersion) ?? .automatic
        )
        options.caBundlePath = spec.caBundle
        options.clientCertificatePath = spec.clientCert
        options.clientKeyPath = spec.clientKey
        options.insecure = spec.insecure
        return ResolvedTarget(
            spec: spec, dialect: dialect, endpoint: endpoint, parameters: parameters, options: options,
            redactor: SecretRedactor(secrets: secrets),
            firstTokenTimeoutSeconds: spec.firstTokenTimeout,
            idleTimeoutSeconds: spec.idleTimeout,
            retry: spec.retries429 > 0 ? RetryPolicy(maxRetries: spec.retries429) : nil
        )
    }
}
