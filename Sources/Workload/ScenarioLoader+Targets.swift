import Foundation
import Yams

/// Reading `targets:`: one target at a time, each concern (name, preset, base URL, keys, the
/// dialect's own requirements, transport settings, client files) in its own step. The steps run in
/// the order the file's problems have always been reported in.
extension ScenarioLoader {
    /// The targets of `root`'s `targets:` list, each with its position; `file` is the scenario
    /// file, against whose folder relative paths resolve.
    func readTargets(_ root: YAMLFields, file: String, into report: inout ProblemReport) -> [ScenarioReading.Target] {
        guard let items = targetItems(root, into: &report) else { return [] }
        var targets: [ScenarioReading.Target] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            guard let fields = YAMLFields(item, path: "targets[\(index)]", allowed: Self.targetFields, into: &report) else { continue }
            targets.append(ScenarioReading.Target(index: index, spec: readTarget(fields, file: file, seen: &seen, into: &report)))
        }
        return targets
    }

    /// The items of `targets:`, or `nil` (with a problem) when it is missing or not a non-empty list.
    private func targetItems(_ root: YAMLFields, into report: inout ProblemReport) -> Node.Sequence? {
        guard let node = root.node("targets") else {
            report.add("targets", line: root.line, "required field is missing: list at least one target")
            return nil
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            report.add("targets", line: node.mark?.line, "expected a list of at least one target")
            return nil
        }
        return items
    }

    /// One target; `seen` holds the names of the targets before it.
    private func readTarget(_ fields: YAMLFields, file: String, seen: inout Set<String>, into report: inout ProblemReport) -> TargetSpec {
        let name = targetName(fields, seen: &seen, into: &report)
        let preset = providerPreset(fields, into: &report)
        let dialect = fields.string("dialect", required: fields.node("provider") == nil, into: &report) ?? preset?.dialect ?? ""
        let model = fields.string("model", required: true, into: &report) ?? ""
        checkWireText(model, expanded: model, field: fields.field("model"), line: fields.node("model")?.mark?.line, what: "a model name", into: &report)
        let traits = catalog.traits(of: dialect)
        let region = fields.string("region", into: &report) ?? traits.region.flatMap(environmentRegion)
        let baseURL = targetBaseURL(fields, preset: preset, region: region, into: &report)
        let isSimulated = baseURL.hasPrefix("sim://")
        let apiKeyEnv = apiKeyVariable(fields, preset: preset, target: name, isSimulated: isSimulated, into: &report)
        if !isSimulated {
            checkRequirements(traits, fields, preset: preset, apiKeyEnv: apiKeyEnv, region: region, into: &report)
        }
        let headers = headers(fields, into: &report)
        let httpVersion = httpVersion(fields, into: &report)
        let simulatorOptions = simulatorOptions(fields, baseURL: baseURL, into: &report)
        var target = TargetSpec(
            name: name, dialect: dialect, baseURL: baseURL, model: model, apiKeyEnv: apiKeyEnv, headers: headers,
            stream: fields.bool("stream", into: &report) ?? true,
            httpVersion: httpVersion,
            connectTimeout: fields.seconds("connect_timeout", into: &report) ?? 10,
            requestTimeout: fields.seconds("request_timeout", into: &report) ?? 600,
            simulatorOptions: simulatorOptions
        )
        target.provider = preset?.name
        target.region = region ?? (traits.region != nil ? preset?.defaultRegion : nil)
        readSettings(fields, preset: preset, into: &target, report: &report)
        target.reasoning = reasoning(fields, dialect: dialect, into: &report)
        readClientFiles(fields, file: file, into: &target, report: &report)
        target.standsFor = standsFor(fields, into: &report)
        target.allowTransfer = fields.bool("allow_transfer", into: &report) ?? false
        return target
    }

    /// The target's `name`, checked for its characters and against the names `seen` before it.
    private func targetName(_ fields: YAMLFields, seen: inout Set<String>, into report: inout ProblemReport) -> String {
        let name = fields.string("name", required: true, into: &report) ?? ""
        if !name.isEmpty && !name.allSatisfy(Self.isNameCharacter) {
            report.add(fields.field("name"), line: fields.node("name")?.mark?.line, "use only letters, digits, '-', '_' and '.'")
        }
        if !name.isEmpty && !seen.insert(name).inserted {
            report.add(fields.field("name"), line: fields.node("name")?.mark?.line, "target name '\(name)' is used twice")
        }
        return name
    }

    /// The preset the target's `provider:` names, if it names a known one.
    private func providerPreset(_ fields: YAMLFields, into report: inout ProblemReport) -> ProviderPreset? {
        guard let provider = fields.string("provider", into: &report) else { return nil }
        guard let preset = catalog.preset(named: provider) else {
            report.add(fields.field("provider"), line: fields.node("provider")?.mark?.line, "unknown provider \(Self.quoted(provider, among: catalog.presetNames)) (known: \(catalog.presetNames.joined(separator: ", ")))")
            return nil
        }
        return preset
    }

    /// The region the environment gives a target of a dialect with a `region` trait, if any.
    private func environmentRegion(_ rule: DialectTraits.Requirement) -> String? {
        rule.environmentVariables.lazy.compactMap { environment[$0] }.first
    }

    /// `base_url` (or the preset's, for `region`), `${VAR}`-expanded; empty when missing.
    private func targetBaseURL(_ fields: YAMLFields, preset: ProviderPreset?, region: String?, into report: inout ProblemReport) -> String {
        let presetURL = preset?.baseURL(region: region)
        var baseURL = fields.string("base_url", required: fields.node("provider") == nil, into: &report) ?? presetURL ?? ""
        if let preset, presetURL == nil, fields.node("base_url") == nil {
            report.add(fields.field("base_url"), line: fields.line, "required field is missing: provider '\(preset.name)' has no shared host; give this resource's URL")
        }
        if !baseURL.isEmpty {
            let expanded = expand(baseURL, field: fields.field("base_url"), line: fields.node("base_url")?.mark?.line, into: &report)
            if let expanded {
                checkWireText(baseURL, expanded: expanded, field: fields.field("base_url"), line: fields.node("base_url")?.mark?.line, what: "a URL", into: &report)
            }
            baseURL = expanded ?? baseURL
            if let expanded, !(expanded.hasPrefix("http://") || expanded.hasPrefix("https://") || expanded.hasPrefix("sim://")) {
                report.add(fields.field("base_url"), line: fields.node("base_url")?.mark?.line, "must start with http://, https:// or sim:// (the built-in simulator)")
            }
        }
        return baseURL
    }

    /// The variable holding the target's API key: `api_key_env` (which must be set), else the
    /// preset's when it is set (a real target of a preset whose key is required must have it).
    private func apiKeyVariable(
        _ fields: YAMLFields, preset: ProviderPreset?, target name: String, isSimulated: Bool, into report: inout ProblemReport
    ) -> String? {
        let apiKeyEnv = fields.string("api_key_env", into: &report)
        if let apiKeyEnv, (environment[apiKeyEnv] ?? "").isEmpty {
            report.add(fields.field("api_key_env"), line: fields.node("api_key_env")?.mark?.line, "environment variable \(apiKeyEnv) is not set (target '\(name)' needs it for its API key)")
        } else if let apiKeyEnv {
            checkAPIKey(variable: apiKeyEnv, field: fields.field("api_key_env"), line: fields.node("api_key_env")?.mark?.line, into: &report)
        } else if let preset, let presetKey = preset.apiKeyEnv, !isSimulated {
            if !(environment[presetKey] ?? "").isEmpty {
                checkAPIKey(variable: presetKey, field: fields.field("provider"), line: fields.node("provider")?.mark?.line, into: &report)
                return presetKey
            } else if preset.keyRequired {
                report.add(fields.field("provider"), line: fields.node("provider")?.mark?.line, "environment variable \(presetKey) is not set (provider '\(preset.name)' of target '\(name)' needs it for its API key; or name another with api_key_env)")
            }
        }
        return apiKeyEnv
    }

    /// A real target's dialect requirements: its own credentials when it names no API key, and a
    /// region when neither the file, the environment nor a preset gives one.
    private func checkRequirements(
        _ traits: DialectTraits, _ fields: YAMLFields, preset: ProviderPreset?, apiKeyEnv: String?, region: String?,
        into report: inout ProblemReport
    ) {
        if let credentials = traits.credentials, apiKeyEnv == nil,
           credentials.environmentVariables.contains(where: { (environment[$0] ?? "").isEmpty }) {
            report.add(fields.field(preset == nil ? "dialect" : "provider"), line: fields.line, credentials.missingMessage)
        }
        if let rule = traits.region, region == nil, preset == nil {
            report.add(fields.field("region"), line: fields.line, rule.missingMessage)
        }
    }

    /// `headers`: each name checked against the HTTP token grammar, each value for `${VAR}`
    /// references (expanded later, when the run starts) and control characters.
    private func headers(_ fields: YAMLFields, into report: inout ProblemReport) -> [(name: String, value: String)] {
        fields.pairs("headers", into: &report).map { header in
            checkHeaderName(header.name, field: fields.field("headers"), line: header.line, into: &report)
            let field = "\(fields.field("headers")).\(WireText.visible(header.name))"
            if let expanded = expand(header.value, field: field, line: header.line, into: &report) {
                checkWireText(header.value, expanded: expanded, field: field, line: header.line, what: "a header value", allowingTab: true, into: &report)
            }
            return (name: header.name, value: header.value)
        }
    }

    /// `http_version`: `auto` (the default), `1.1` or `2`.
    private func httpVersion(_ fields: YAMLFields, into report: inout ProblemReport) -> String {
        let httpVersion = fields.string("http_version", into: &report) ?? "auto"
        if !["auto", "1.1", "2"].contains(httpVersion) {
            report.add(fields.field("http_version"), line: fields.node("http_version")?.mark?.line, "expected auto, 1.1 or 2, got \(Self.quoted(httpVersion, among: ["auto", "1.1", "2"]))")
        }
        return httpVersion
    }

    /// `simulator` options, which apply to a `sim://` base URL only.
    private func simulatorOptions(_ fields: YAMLFields, baseURL: String, into report: inout ProblemReport) -> [(name: String, value: String)] {
        let options = fields.pairs("simulator", into: &report).map { (name: $0.name, value: $0.value) }
        if !options.isEmpty && !baseURL.hasPrefix("sim://") {
            report.add(fields.field("simulator"), line: fields.node("simulator")?.mark?.line, "simulator options apply only to a sim:// base_url")
        }
        return options
    }

    /// The target's optional settings: timeouts, retries, TLS checking, authentication style, API
    /// version, Ollama's `keep_alive` and `num_ctx`, whether length controls are sent, and the
    /// response size limits.
    private func readSettings(_ fields: YAMLFields, preset: ProviderPreset?, into target: inout TargetSpec, report: inout ProblemReport) {
        target.firstTokenTimeout = fields.seconds("first_token_timeout", into: &report) ?? target.firstTokenTimeout
        target.idleTimeout = fields.seconds("idle_timeout", into: &report) ?? target.idleTimeout
        target.retries429 = fields.int("retry_429", range: 0...100, into: &report) ?? 0
        target.insecure = fields.bool("insecure", into: &report) ?? false
        target.auth = fields.string("auth", into: &report)
        target.apiVersion = fields.string("api_version", into: &report)
        target.keepAlive = fields.string("keep_alive", into: &report)
        target.contextWindow = fields.int("num_ctx", range: 1...10_000_000, into: &report)
        target.lengthControls = fields.bool("length_controls", into: &report) ?? (preset?.acceptsLengthControls ?? true)
        target.maxEventBytes = fields.bytes("max_event_bytes", range: TargetSpec.sizeLimitRange, into: &report) ?? target.maxEventBytes
        target.maxResponseBytes = fields.bytes("max_response_bytes", range: TargetSpec.sizeLimitRange, into: &report) ?? target.maxResponseBytes
    }

    /// `stands_for`: the API price id (`PROVIDER/MODEL`) the target is priced as by `repat roi`.
    /// Only its shape is checked here; whether the price table knows it is for `repat roi` to say.
    private func standsFor(_ fields: YAMLFields, into report: inout ProblemReport) -> String? {
        guard let id = fields.string("stands_for", into: &report) else { return nil }
        let parts = id.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !id.contains(where: \.isWhitespace) else {
            report.add(fields.field("stands_for"), line: fields.node("stands_for")?.mark?.line, "expected an API price id PROVIDER/MODEL as in pricing/apis.yaml (e.g. openai/gpt-4o-mini), got '\(id)'")
            return nil
        }
        return id
    }

    /// `ca_bundle`, `client_cert` and `client_key`, resolved against the scenario file's folder and
    /// checked readable (else reported by absolute path and the system's reason); a certificate
    /// and its key go together.
    private func readClientFiles(_ fields: YAMLFields, file: String, into target: inout TargetSpec, report: inout ProblemReport) {
        for (key, path) in [("ca_bundle", \TargetSpec.caBundle), ("client_cert", \.clientCert), ("client_key", \.clientKey)] {
            guard let value = fields.string(key, into: &report) else { continue }
            let resolved = value.hasPrefix("/") ? value : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(value)
            if let problem = FileAccess.problem(reading: resolved) {
                report.add(fields.field(key), line: fields.node(key)?.mark?.line, problem)
            } else {
                target[keyPath: path] = resolved
            }
        }
        if (target.clientCert == nil) != (target.clientKey == nil) && report.problems.allSatisfy({ !$0.field.hasPrefix(fields.field("client_")) }) {
            report.add(fields.field(target.clientCert == nil ? "client_key" : "client_cert"), line: fields.line, "client_cert and client_key go together")
        }
    }
}
