/// The tokens a plan sends each target, from the plan alone (the pre-run lines of `repat run` and
/// `repat targets`, priced by the ROI's run cost estimate): requests per target × prompt tokens per
/// request, and requests × the output budget. Calibration probes and retries are not counted.
/// Counted from a plan in Orchestration (`PlanTokens+Plan.swift`).
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
}
