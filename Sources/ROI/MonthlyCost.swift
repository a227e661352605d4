/// One month of a deployment's cost, split by what it pays for.
public struct MonthlyCost: Sendable, Equatable {
    /// Hardware (and setup) paid off over the amortisation period: annualised capital ÷ 12.
    public var capex: Double
    /// Electricity, PUE included.
    public var energy: Double
    /// Hosting (colocation, rack space); for a rented GPU, the rent.
    public var hosting: Double
    /// Operations staff.
    public var staff: Double
    /// Licences and support.
    public var licences: Double

    /// Creates a breakdown.
    public init(capex: Double, energy: Double, hosting: Double, staff: Double, licences: Double) {
        self.capex = capex
        self.energy = energy
        self.hosting = hosting
        self.staff = staff
        self.licences = licences
    }

    /// Everything.
    public var total: Double { capex + energy + hosting + staff + licences }

    /// Running cost without capital: what a month costs in cash once the hardware is bought.
    public var operating: Double { energy + hosting + staff + licences }

    /// Each part divided by `tokens` and multiplied by 1,000,000: the same split per 1M tokens.
    public func perMillion(tokens: Double) -> MonthlyCost {
        let scale = tokens > 0 ? 1_000_000 / tokens : .nan
        return MonthlyCost(capex: capex * scale, energy: energy * scale, hosting: hosting * scale, staff: staff * scale, licences: licences * scale)
    }
}
