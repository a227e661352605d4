import CurlTransport
import Dialects
import LoadGen
import Orchestration
import Workload

/// A one-target run plan against a simulator already listening at `baseURL`, written as the
/// scenario a user would write, so selfbench drives the exact code path of `repat run`.
enum BenchPlan {
    /// The load of one step.
    enum Load {
        /// `concurrency` requests kept in flight for `seconds`.
        case closed(concurrency: Int, seconds: Double, rampSeconds: Double?)
        /// Poisson arrivals at `rate` requests/s, `requests` of them.
        case poisson(rate: Double, requests: Int)
    }

    /// The plan for `load` with synthetic prompts of `promptTokens` words and exactly `maxTokens`
    /// output tokens per request.
    static func make(baseURL: String, load: Load, promptTokens: Int, maxTokens: Int) throws(SelfBenchError) -> RunPlan {
        let loadLines: String
        switch load {
        case .closed(let concurrency, let seconds, let ramp):
            loadLines = "  concurrency: \(concurrency)\n  duration: \(seconds)s\n" + (ramp.map { "  ramp: \($0)s\n" } ?? "")
        case .poisson(let rate, let requests):
            loadLines = "  rate: \(rate)\n  arrival: poisson\n  requests: \(requests)\n"
        }
        let text = """
            name: selfbench
            seed: 7
            targets:
              - name: repat-client
                dialect: openai-chat
                base_url: \(baseURL)
                model: sim-model
                first_token_timeout: 120s
                idle_timeout: 120s
                request_timeout: 600s
            load:
            \(loadLines)
            workload:
              prompt_tokens: \(promptTokens)
              max_tokens: \(maxTokens)
              ignore_eos: true

            """
        do {
            let scenario = try ScenarioLoader(environment: [:], catalog: DialectRegistry.catalog).parse(text, file: "selfbench")
            return try RunPlan(scenario: scenario, environment: [:], simulators: BuiltInSimulators())
        } catch {
            throw SelfBenchError("internal selfbench scenario is invalid: \(error.description)")
        }
    }

    /// The plan's target and one request per stream: workload items `0..<count`, as the dialect
    /// encodes them.
    static func requests(for plan: RunPlan, count: Int) throws(SelfBenchError) -> (ResolvedTarget, [HTTPRequest]) {
        guard let target = plan.targets.first else { throw SelfBenchError("internal selfbench plan has no target") }
        let workload = plan.workload()
        var requests: [HTTPRequest] = []
        requests.reserveCapacity(count)
        for index in 0..<count {
            do {
                requests.append(try target.dialect.makeRequest(for: workload.item(at: index), endpoint: target.endpoint, parameters: target.parameters))
            } catch {
                throw SelfBenchError("cannot build a benchmark request: \(error.description)")
            }
        }
        return (target, requests)
    }
}
