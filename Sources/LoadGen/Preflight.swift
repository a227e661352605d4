import CurlTransport
import Dialects
import Workload

/// Checks before a run that each remote target answers at all, so a wrong host or port fails in
/// a second with a clear line instead of filling a results file with connection errors.
public enum Preflight {
    /// Sends `GET {base_url}/models` to each non-simulated target. Any HTTP response counts as
    /// reachable (authentication is the run's business); a transport failure is a problem located
    /// at the target's `base_url`.
    public static func checkReachable(_ plan: RunPlan, transport: CurlTransport) async -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        for (index, target) in plan.targets.enumerated() where !target.spec.isSimulated {
            guard let url = try? target.endpoint.url(appending: "models") else { continue }
            var headers: [HTTPHeader] = target.endpoint.extraHeaders
            if let key = target.endpoint.apiKey { headers.append(HTTPHeader("Authorization", "Bearer \(key)")) }
            let request = HTTPRequest(method: "GET", url: url, headers: headers)
            let options = TransferOptions(
                connectTimeoutMs: min(target.options.connectTimeoutMs, 10_000), totalTimeoutMs: 15_000,
                idleTimeoutSeconds: 0, httpVersion: target.options.httpVersion
            )
            do {
                for try await _ in transport.stream(request, options: options) {}
            } catch {
                let reason = target.redactor.redact("\(error)")
                problems.append(plan.scenario.problem(
                    at: "targets[\(index)].base_url",
                    "target '\(target.spec.name)' is unreachable at \(URLRedaction.stripCredentials(target.baseURL)) (\(reason))"
                ))
            }
        }
        return problems
    }
}
