import Foundation
import Yams

/// Reads a scenario YAML file into a ``Scenario``, reporting every problem with file, line and field.
///
/// Checks here are those the file alone decides (types, ranges, required fields, unknown fields,
/// environment references). Checks that need other modules — is the dialect known, are the
/// simulator options valid — are made by the caller through ``Scenario/problem(at:_:)``.
public struct ScenarioLoader {
    /// Fields allowed at the top level.
    static let rootFields = ["name", "description", "seed", "targets", "load", "workload"]
    /// Fields allowed in a target.
    static let targetFields = [
        "name", "dialect", "base_url", "model", "api_key_env", "headers", "stream", "http_version",
        "connect_timeout", "request_timeout", "simulator",
    ]
    /// Fields allowed under `load`.
    static let loadFields = ["concurrency", "requests", "duration"]
    /// Fields allowed under `workload`.
    static let workloadFields = ["prompt_tokens", "max_tokens", "ignore_eos", "temperature", "system_prompt"]

    private let environment: [String: String]

    /// A loader that resolves `${VAR}` references and API-key variables against `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads and validates the file at `path`.
    /// - Throws: ``ScenarioProblems`` listing every problem found.
    public func load(path: String) throws(ScenarioProblems) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioProblems([ScenarioProblem(file: path, line: nil, field: "", message: "cannot read the file (\(Self.reason(error)))")])
        }
        return try parse(text, file: path)
    }

    /// Parses scenario text; `file` names it in problems.
    public func parse(_ text: String, file: String) throws(ScenarioProblems) -> Scenario {
        var report = ProblemReport(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioProblems([ScenarioProblem(file: file, line: nil, field: "", message: "the file is empty")])
            }
            root = node
        } catch let problems as ScenarioProblems {
            throw problems
        } catch {
            throw ScenarioProblems([Self.yamlProblem(error, file: file)])
        }
        guard let fields = YAMLFields(root, path: "", allowed: Self.rootFields, into: &report) else {
            throw ScenarioProblems(report.problems)
        }
        let name = fields.string("name", required: true, into: &report) ?? ""
        if !name.isEmpty && !name.allSatisfy(Self.isNameCharacter) {
            report.add("name", line: fields.node("name")?.mark?.line, "use only letters, digits, '-', '_' and '.' (it becomes part of the run id)")
        }
        let seed = fields.int("seed", range: 0...Int.max, into: &report) ?? 0
        let targets = readTargets(fields, into: &report)
        let load = readLoad(fields, into: &report)
        let workload = readWorkload(fields, into: &report)
        guard report.problems.isEmpty, let load, let workload else {
            throw ScenarioProblems(report.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return Scenario(name: name, seed: UInt64(seed), targets: targets, load: load, workload: workload, locations: report.locations)
    }

    private func readTargets(_ root: YAMLFields, into report: inout ProblemReport) -> [TargetSpec] {
        guard let node = root.node("targets") else {
            report.add("targets", line: root.line, "required field is missing: list at least one target")
            return []
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            report.add("targets", line: node.mark?.line, "expected a list of at least one target")
            return []
        }
        var targets: [TargetSpec] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "targets[\(index)]"
            guard let fields = YAMLFields(item, path: path, allowed: Self.targetFields, into: &report) else { continue }
            let name = fields.string("name", required: true, into: &report) ?? ""
            if !name.isEmpty && !name.allSatisfy(Self.isNameCharacter) {
                report.add(fields.field("name"), line: fields.node("name")?.mark?.line, "use only letters, digits, '-', '_' and '.'")
            }
            if !name.isEmpty && !seen.insert(name).inserted {
                report.add(fields.field("name"), line: fields.node("name")?.mark?.line, "target name '\(name)' is used twice")
            }
            let dialect = fields.string("dialect", required: true, into: &report) ?? ""
            let model = fields.string("model", required: true, into: &report) ?? ""
            var baseURL = fields.string("base_url", required: true, into: &report) ?? ""
            if !baseURL.isEmpty {
                baseURL = expand(baseURL, field: fields.field("base_url"), line: fields.node("base_url")?.mark?.line, into: &report)
                if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") || baseURL.hasPrefix("sim://")) {
                    report.add(fields.field("base_url"), line: fields.node("base_url")?.mark?.line, "must start with http://, https:// or sim:// (the built-in simulator)")
                }
            }
            let apiKeyEnv = fields.string("api_key_env", into: &report)
            if let apiKeyEnv, (environment[apiKeyEnv] ?? "").isEmpty {
                report.add(fields.field("api_key_env"), line: fields.node("api_key_env")?.mark?.line, "environment variable \(apiKeyEnv) is not set (target '\(name)' needs it for its API key)")
            }
            let headers = fields.pairs("headers", into: &report).map { header in
                _ = expand(header.value, field: "\(fields.field("headers")).\(header.name)", line: header.line, into: &report)
                return (name: header.name, value: header.value)
            }
            let httpVersion = fields.string("http_version", into: &report) ?? "auto"
            if !["auto", "1.1", "2"].contains(httpVersion) {
                report.add(fields.field("http_version"), line: fields.node("http_version")?.mark?.line, "expected auto, 1.1 or 2, got '\(httpVersion)'")
            }
            let simulatorOptions = fields.pairs("simulator", into: &report).map { (name: $0.name, value: $0.value) }
            if !simulatorOptions.isEmpty && !baseURL.hasPrefix("sim://") {
                report.add(fields.field("simulator"), line: fields.node("simulator")?.mark?.line, "simulator options apply only to a sim:// base_url")
            }
            targets.append(TargetSpec(
                name: name, dialect: dialect, baseURL: baseURL, model: model, apiKeyEnv: apiKeyEnv, headers: headers,
                stream: fields.bool("stream", into: &report) ?? true,
                httpVersion: httpVersion,
                connectTimeout: fields.seconds("connect_timeout", into: &report) ?? 10,
                requestTimeout: fields.seconds("request_timeout", into: &report) ?? 600,
                simulatorOptions: simulatorOptions
            ))
        }
        return targets
    }

    private func readLoad(_ root: YAMLFields, into report: inout ProblemReport) -> LoadSpec? {
        guard let node = root.node("load") else {
            report.add("load", line: root.line, "required field is missing (concurrency, and requests or duration)")
            return nil
        }
        guard let fields = YAMLFields(node, path: "load", allowed: Self.loadFields, into: &report) else { return nil }
        let concurrency = fields.intList("concurrency", required: true, range: 1...100_000, into: &report)
        let requests = fields.int("requests", range: 1...100_000_000, into: &report)
        let duration = fields.seconds("duration", into: &report)
        if fields.node("requests") == nil && fields.node("duration") == nil {
            report.add("load", line: fields.line, "give requests (per load level), duration (per load level), or both")
        }
        guard let concurrency else { return nil }
        return LoadSpec(concurrency: concurrency, requests: requests, duration: duration)
    }

    private func readWorkload(_ root: YAMLFields, into report: inout ProblemReport) -> WorkloadSpec? {
        guard let node = root.node("workload") else {
            report.add("workload", line: root.line, "required field is missing (prompt_tokens, max_tokens)")
            return nil
        }
        guard let fields = YAMLFields(node, path: "workload", allowed: Self.workloadFields, into: &report) else { return nil }
        let promptTokens = fields.int("prompt_tokens", required: true, range: 1...10_000_000, into: &report)
        let maxTokens = fields.int("max_tokens", required: true, range: 1...10_000_000, into: &report)
        let ignoreEOS = fields.bool("ignore_eos", into: &report) ?? false
        let temperature = fields.double("temperature", range: 0...10, into: &report)
        let systemPrompt = fields.string("system_prompt", into: &report)
        guard let promptTokens, let maxTokens else { return nil }
        return WorkloadSpec(promptTokens: promptTokens, maxTokens: maxTokens, ignoreEOS: ignoreEOS, temperature: temperature, systemPrompt: systemPrompt)
    }

    /// Expands `${VAR}` references, recording a problem for each variable that is not set.
    private func expand(_ text: String, field: String, line: Int?, into report: inout ProblemReport) -> String {
        do {
            return try EnvironmentExpansion.expand(text, environment: environment)
        } catch {
            report.add(field, line: line, error.description)
            return text
        }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
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
