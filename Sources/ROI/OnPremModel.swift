/// The cost of owning the hardware that served the measured target, at a given monthly volume.
public struct OnPremModel: Sendable, Equatable {
    /// Hardware and running inputs.
    public var inputs: OnPremInputs
    /// Tokens (input + output) per second of the measured target at its operating point.
    public var measuredTokensPerSecond: Double

    /// Creates a model.
    public init(inputs: OnPremInputs, measuredTokensPerSecond: Double) {
        self.inputs = inputs
        self.measuredTokensPerSecond = measuredTokensPerSecond
    }

    /// Tokens per second of all serving units: measured × serving units ÷ measured units.
    public var tokensPerSecond: Double {
        measuredTokensPerSecond * Double(inputs.servingUnits) / Double(max(1, inputs.measuredUnits))
    }

    /// Tokens a month at the operating point, every hour busy: tok/s × 3600 × hours a month.
    public var monthlyCapacity: Double { tokensPerSecond * 3600 * inputs.hoursPerMonth }

    /// Annualised capital ÷ 12 (see ``Finance/annualisedCapital(price:residual:setup:rate:years:)``).
    public var monthlyCapex: Double {
        let price = inputs.hardwarePrice
        return Finance.annualisedCapital(
            price: price, residual: price * inputs.residualShare, setup: inputs.setupCost,
            rate: inputs.discountRate, years: inputs.amortisationYears
        ) / 12
    }

    /// The month's cost when `utilisation` (0…1) of the capacity is used.
    public func monthly(utilisation: Double) -> MonthlyCost {
        let energy = EnergyCost.monthly(
            hours: inputs.hoursPerMonth, loadWatts: inputs.loadWatts, idleWatts: inputs.idleWatts, utilisation: utilisation,
            servingUnits: inputs.servingUnits, spareUnits: inputs.purchasedUnits - inputs.servingUnits,
            pue: inputs.pue, pricePerKWh: inputs.electricityPerKWh, serverWatts: inputs.serverWatts, servers: inputs.purchasedServers
        )
        return MonthlyCost(
            capex: monthlyCapex, energy: energy, hosting: inputs.hostingMonthly, staff: inputs.staffPerMonth, licences: inputs.licencesMonthly
        )
    }

    /// The month's cost at `volume` tokens (utilisation = volume ÷ capacity).
    public func monthly(volume: Double) -> MonthlyCost {
        monthly(utilisation: utilisation(volume: volume))
    }

    /// volume ÷ monthly capacity (may exceed 1: the hardware cannot carry that volume).
    public func utilisation(volume: Double) -> Double {
        monthlyCapacity > 0 ? volume / monthlyCapacity : .infinity
    }

    /// Tokens per second one server carries at the operating point.
    public var tokensPerSecondPerServer: Double { tokensPerSecond / Double(max(1, inputs.servers)) }

    /// What a month costs with no token served: capital, idle energy, hosting, staff, licences.
    public var fixedMonthly: Double { monthly(utilisation: 0).total }

    /// What one more token costs: the extra energy of load over idle for the time it takes,
    /// hours × (W_load − W_idle) × serving units ÷ 1000 × PUE × price ÷ monthly capacity.
    public var marginalPerToken: Double {
        guard monthlyCapacity > 0 else { return .infinity }
        return (monthly(utilisation: 1).energy - monthly(utilisation: 0).energy) / monthlyCapacity
    }
}
