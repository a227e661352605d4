/// The sovereignty part of a result: a row per option shown, the requirements applied, and what
/// they cost.
public struct SovereigntyTable: Sendable, Equatable {
    /// One row per option of the cost tables, in their order (buy, rents, APIs).
    public var rows: [SovereigntyRow]
    /// `--require` values applied, in a fixed order.
    public var requirements: [SovereigntyRequirement]
    /// The price of sovereignty; nil without requirements.
    public var price: SovereigntyPrice?
}

/// An option's cost at the priced volume.
public struct OptionFigure: Sendable, Equatable {
    /// Option name as in the cost tables.
    public var option: String
    /// Per 1M tokens of the measured mix.
    public var perMillion: Double
    /// A month at the priced volume.
    public var monthly: Double
}

/// The cheapest option meeting every requirement against the cheapest option of all, at the same
/// volume: what the requirements cost.
public struct SovereigntyPrice: Sendable, Equatable {
    /// Cheapest of buy, every rent offer and every API, before filtering.
    public var cheapestOverall: OptionFigure
    /// Cheapest option meeting every requirement.
    public var cheapestCompliant: OptionFigure
    /// Options left out, by name.
    public var excluded: [String]

    /// Compliant minus overall, per 1M tokens (0 when the cheapest option already complies).
    public var perMillion: Double { cheapestCompliant.perMillion - cheapestOverall.perMillion }
    /// Compliant minus overall, per month.
    public var monthly: Double { cheapestCompliant.monthly - cheapestOverall.monthly }
}
