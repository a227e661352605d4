import Metrics

/// What a run will cost at a paid API, from the tokens the plan sends and the API's list price in
/// `pricing/apis.yaml`: the pre-run line of `repat run` and `repat targets`.
public struct RunCostEstimate: Sendable, Equatable {
    /// What the plan sends each target.
    public var tokens: PlanTokens

    /// Creates an estimate from the plan's counts.
    public init(_ tokens: PlanTokens) {
        self.tokens = tokens
    }

    /// The most the run costs at `price`, in its currency: input × input price + most output ×
    /// output price (list prices, no cache hits, no EU uplift); nil when a count is unknown.
    public func cost(at price: APIPrice) -> Double? {
        guard let inputTokens = tokens.inputTokens, let maxOutputTokens = tokens.maxOutputTokens else { return nil }
        return (inputTokens * price.input + maxOutputTokens * price.output) / 1_000_000
    }

    /// The line for `destination`, or nil when it is not a paid API target (your own server, or
    /// no price entry and no provider).
    public func line(for destination: DataDestination) -> String? {
        guard destination.providerID != nil else { return nil }
        let requestText = tokens.requests.map { "\(tokens.requestsUpTo ? "up to " : "")\(ROIFormat.number(Double($0), decimals: 0)) requests" } ?? "an unknown number of requests (closed loop bounded by duration)"
        let input = tokens.inputTokens.map { "\(tokens.inputApproximate ? "about " : "")\(ROIFormat.number($0, decimals: 0)) input tokens" } ?? "input tokens not known from the plan (dataset prompts)"
        let output = tokens.maxOutputTokens.map { "up to \(ROIFormat.number($0, decimals: 0)) output tokens" } ?? "output tokens unknown"
        var text = "target \(destination.target)\(destination.simulated ? " (simulated)" : ""): \(requestText), \(input), \(output)"
        if let price = destination.price {
            let priced = cost(at: price).map { "cost up to \(tokens.inputApproximate ? "about " : "")\(ROIFormat.money($0, price.currency)) at" } ?? "cost not estimated (token counts not known from the plan);"
            text += "; \(priced) \(price.id) list prices (\(ROIFormat.number(price.input)) / \(ROIFormat.number(price.output)) \(price.currency.code) per 1M input / output, pricing/apis.yaml read \(price.read))"
            if destination.simulated { text += ", if it were the real API" }
        } else {
            text += "; cost not estimated: no price entry for this model"
        }
        let processing = destination.facts.map { facts in
            switch facts.euProcessing {
            case .byDefault: "in the EU"
            case .none: "outside the EU (no EU-processing offer)"
            case .onRequest: "outside the EU by default, in the EU on request (EU region or data zone)"
            case .conditional: "outside the EU by default, in the EU under conditions (\(facts.euTerms))"
            }
        } ?? "where is not stated"
        return text + "; data processed by \(destination.providerText): \(processing) (pricing/providers.yaml)"
    }
}
