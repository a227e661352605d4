import CurlTransport
import Dialects
import Foundation
import Metrics
import RepatSupport
import Workload

/// Checks each target of a plan before a long run (`repat targets`): is it reachable, does it
/// accept the credentials, does it list the model, does one tiny request succeed, and which
/// engine version it reports.
///
/// Readiness comes from the tiny request: a model name missing from the server's listing is only
/// a warning (llama.cpp serves its one model under any name), and the request still runs.
public enum TargetCheck {
    /// One check's verdict.
    public enum Verdict: String, Sendable {
        /// The check passed.
        case ok
        /// The check failed; the target is not ready.
        case failed
        /// Something to look at that does not stop a run by itself (e.g. the model is not listed,
        /// yet the server may answer it); not a failure.
        case warning
        /// The API offers no way to check this (e.g. no model listing); not a failure.
        case unchecked = "not checked"
    }

    /// One check of one target.
    public struct Step: Sendable {
        /// `reachable`, `authenticated`, `model`, `request`.
        public var name: String
        /// What was found.
        public var verdict: Verdict
        /// One line of detail (HTTP status, error, timings); never a secret.
        public var detail: String
    }

    /// Everything found for one target.
    public struct Result: Sendable {
        /// The target's name.
        public var target: String
        /// Its dialect id.
        public var dialect: String
        /// Its base URL, credentials stripped.
        public var url: String
        /// The checks, in the order they ran; a failed check ends the list.
        public var steps: [Step]
        /// The engine and version the server reports, when it reports one.
        public var engineVersion: String?
        /// The model the server reports serving, when it reports one.
        public var servedModel: ServedModel?

        /// Whether no check failed (warnings allowed): the target is ready.
        public var passed: Bool { steps.allSatisfy { $0.verdict != .failed } }
        /// How many checks ended in a warning.
        public var warnings: Int { steps.count(where: { $0.verdict == .warning }) }
    }

    /// Runs the checks on one target, stopping at the first failure; a simulated target reports
    /// `simulators`' engine version.
    public static func check(_ target: ResolvedTarget, transport: CurlTransport, simulators: any SimulatorHost) async -> Result {
        var result = Result(
            target: target.spec.name, dialect: target.dialect.id,
            url: URLRedaction.stripCredentials(target.baseURL), steps: [])
        var options = target.options
        options.connectTimeoutMs = min(options.connectTimeoutMs, 10_000)
        options.totalTimeoutMs = 30_000
        let listing = (try? target.dialect.modelListRequest(endpoint: target.endpoint)) ?? nil
        if let probe = listing ?? target.reachabilityRequest {
            let answer: (status: Int, body: [UInt8])
            do {
                answer = try await target.fetch(probe, transport: transport, options: options)
            } catch {
                result.steps.append(Step(name: "reachable", verdict: .failed, detail: target.redactor.redact("\(error)")))
                return result
            }
            result.steps.append(Step(name: "reachable", verdict: .ok, detail: "HTTP \(answer.status)"))
            if answer.status == 401 || answer.status == 403 {
                let message = target.dialect.errorMessage(fromBody: answer.body).map { ": \(target.redactor.redact($0))" } ?? ""
                result.steps.append(Step(name: "authenticated", verdict: .failed, detail: "HTTP \(answer.status)\(message)"))
                return result
            }
            if listing != nil, answer.status == 200 {
                result.steps.append(Step(name: "authenticated", verdict: .ok, detail: "model list answered"))
                if let models = target.dialect.modelIDs(fromListBody: answer.body) {
                    result.steps.append(modelStep(target.spec.model, listed: models))
                } else {
                    result.steps.append(Step(name: "model", verdict: .unchecked, detail: "the listing does not name what requests address"))
                }
            } else {
                result.steps.append(Step(name: "model", verdict: .unchecked, detail: listing == nil ? "the API lists no models" : "model list answered HTTP \(answer.status)"))
            }
        }
        result.steps.append(await tinyRequest(target, transport: transport))
        result.engineVersion = await EngineVersion.probe(target, transport: transport, simulators: simulators)
        result.servedModel = await ServedModelProbe.probe(target, transport: transport)
        return result
    }

    /// The `model` check: whether `model` is among `listed`; Ollama's implicit `:latest` tag counts
    /// as a match. A name not listed is a warning naming what is served: some servers answer any
    /// name (llama.cpp serves its one model so), and the tiny request that follows decides.
    public static func modelStep(_ model: String, listed: [String]) -> Step {
        if listed.contains(model) || listed.contains(model + ":latest") {
            return Step(name: "model", verdict: .ok, detail: "'\(model)' is served")
        }
        let shown = listed.prefix(8).joined(separator: ", ") + (listed.count > 8 ? ", … (\(listed.count) in all)" : "")
        return Step(
            name: "model", verdict: .warning,
            detail: "'\(model)' is not listed (served: \(listed.isEmpty ? "none" : shown)); the request below shows whether it is answered")
    }

    /// Sends one short prompt asking for a few tokens (an embedding or rerank target: one short
    /// document), measured like a run's requests.
    private static func tinyRequest(_ target: ResolvedTarget, transport: CurlTransport) async -> Step {
        let item = PromptItem(
            index: 0, messages: [ChatMessage(role: "user", content: "Reply with the single word: ready")], maxTokens: 8,
            retrieval: RetrievalInput(query: "ready", documents: ["ready"]))
        let executor = RequestExecutor(transport: transport, target: target, runID: "check", runStart: MonotonicClock.now())
        let record = await executor.execute(item, loadLevel: "check", requestID: 0, scheduledAt: MonotonicClock.now()).record
        guard record.status == .ok else {
            let error = record.error.isEmpty ? "" : ": \(record.error)"
            return Step(name: "request", verdict: .failed, detail: "\(record.status.rawValue)\(error)")
        }
        let ttft = record.ttftMs.map { String(format: "TTFT %.0f ms, ", $0) } ?? ""
        if let inputs = record.inputs {
            return Step(name: "request", verdict: .ok, detail: "\(record.requestKind.rawValue) of \(inputs) input in \(String(format: "%.0f", record.durationMs)) ms")
        }
        return Step(name: "request", verdict: .ok, detail: "\(ttft)\(record.outputTokens) tokens (\(record.tokenSource)) in \(String(format: "%.0f", record.e2eMs ?? record.durationMs)) ms")
    }
}
