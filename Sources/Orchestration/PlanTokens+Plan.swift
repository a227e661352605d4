import LoadGen
import Metrics
import Workload

extension PlanTokens {
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
        let requests = known ? total : nil
        let workload = plan.scenario.workload
        var inputTokens: Double?
        var inputApproximate = true
        if case .synthetic(let prompt) = workload.source, let requests {
            let perRequest = prompt.mean + Double(workload.sharedPrefix?.tokens ?? 0)
            inputTokens = perRequest * Double(requests)
            inputApproximate = prompt != .fixed(Int(prompt.mean)) || workload.sharedPrefix != nil || workload.turns > 1 || workload.systemPrompt != nil
        }
        self.init(
            requests: requests, requestsUpTo: upTo, inputTokens: inputTokens, inputApproximate: inputApproximate,
            maxOutputTokens: requests.map { Double($0) * Double(Self.largest(workload.maxTokens)) }
        )
    }

    /// Requests one level sends: its request limit, or for open loop rate × duration, whichever is
    /// fewer; nil for a closed loop bounded by duration alone.
    static func requests(_ level: LoadLevel) -> Int? {
        var candidates: [Int] = []
        if let limit = level.requestLimit { candidates.append(limit) }
        if case .open(let rate, _, _) = level.pattern, let duration = level.durationLimit {
            candidates.append(Int((rate * duration).rounded(.up)))
        }
        if case .fixed(let schedule, _) = level.pattern { candidates.append(schedule.offsets.count) }
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
