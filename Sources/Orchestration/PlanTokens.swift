import LoadGen
import Workload

/// The tokens a plan sends each target, from the plan alone (the pre-run lines of `repat run` and
/// `repat targets`): requests per target × prompt tokens per request, and requests × the output
/// budget. Calibration probes and retries are not counted.
public struct PlanTokens: Sendable, Equatable {
    /// Requests sent to each target; nil when a level's count depends on the server's speed
    /// (closed loop bounded by duration alone).
    public var requests: Int?
    /// Whether ``requests`` is an upper bound (a saturation search may stop early; an open-loop
    /// level may end at its duration before its request limit).
    public var requestsUpTo: Bool
    /// Input tokens per target; nil when not known from the plan (dataset prompts, or unknown requests).
    public var inputTokens: Double?
    /// Whether ``inputTokens`` is a mean-based estimate rather than exact (drawn lengths, shared
    /// prefixes, multi-turn history, a system prompt).
    public var inputApproximate: Bool
    /// Most output tokens per target: requests × the largest `max_tokens`; nil when requests are unknown.
    public var maxOutputTokens: Double?

    /// Counts given directly.
    public init(requests: Int?, requestsUpTo: Bool, inputTokens: Double?, inputApproximate: Bool, maxOutputTokens: Double?) {
        self.requests = requests
        self.requestsUpTo = requestsUpTo
        self.inputTokens = inputTokens
        self.inputApproximate = inputApproximate
        self.maxOutputTokens = maxOutputTokens
    }

    /// The counts for `plan`.
    public init(_ plan: RunPlan) {
        var total = 0
        var known = true
        var upTo = false
        if let search = plan.search {
            let probe = plan.openLevel(rate: search.maxRate, probe: 0)
            let perProbe = Self.requests(probe)
            known = perProbe != nil
            total = (perProbe ?? 0) * (search.steps + 2)
            upTo = true
        } else {
            for level in plan.levels {
                guard let count = Self.requests(level) else {
                    known = false
                    continue
                }
                total += count
                if case .open = level.pattern, level.durationLimit != nil { upTo = true }
            }
        }
        requests = known ? total : nil
        requestsUpTo = upTo
        let workload = plan.scenario.workload
        if case .synthetic(let prompt) = workload.source, let requests {
            let perRequest = prompt.mean + Double(workload.sharedPrefix?.tokens ?? 0)
            inputTokens = perRequest * Double(requests)
            inputApproximate = prompt != .fixed(Int(prompt.mean)) || workload.sharedPrefix != nil || workload.turns > 1 || workload.systemPrompt != nil
        } else {
            inputTokens = nil
            inputApproximate = true
        }
        maxOutputTokens = requests.map { Double($0) * Double(Self.largest(workload.maxTokens)) }
    }

    /// Requests one level sends: its request limit, or for open loop rate × duration, whichever is
    /// fewer; nil for a closed loop bounded by duration alone.
    static func requests(_ level: LoadLevel) -> Int? {
        var candidates: [Int] = []
        if let limit = level.requestLimit { candidates.append(limit) }
        if case .open(let rate, _, _) = level.pattern, let duration = level.durationLimit {
            candidates.append(Int((rate * duration).rounded(.up)))
        }
        return candidates.min()
    }

    /// The largest length `distribution` can draw.
    static func largest(_ distribution: LengthDistribution) -> Int {
        switch distribution {
        case .fixed(let value): value
        case .uniform(_, let high), .normal(_, _, _, let high), .lognormal(_, _, _, let high): high
        }
    }
}
