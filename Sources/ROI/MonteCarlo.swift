import RepatSupport
import Results

/// What the Monte Carlo found: the spread of the saving per 1M tokens when every uncertain input
/// is drawn at once from its range.
public struct MonteCarloSummary: Sendable, Equatable {
    /// One input as it was drawn.
    public struct Input: Sendable, Equatable {
        /// Input name.
        public var name: String
        /// `uniform` or `triangular`.
        public var distribution: String
        /// Low end, as text with units.
        public var low: String
        /// Base value (the mode of a triangular draw), as text.
        public var base: String
        /// High end, as text.
        public var high: String

        /// Creates an entry.
        public init(name: String, distribution: String, low: String, base: String, high: String) {
            self.name = name
            self.distribution = distribution
            self.low = low
            self.base = base
            self.high = high
        }
    }

    /// Number of draws.
    public var draws: Int
    /// Seed of the generator: the same seed gives the same figures.
    public var seed: UInt64
    /// 10th percentile of the saving per 1M tokens (report currency).
    public var p10: Double
    /// Median.
    public var p50: Double
    /// 90th percentile.
    public var p90: Double
    /// Share of draws in which buying costs less than the reference API (saving above 0).
    public var probabilityBuyingCheaper: Double
    /// The inputs drawn.
    public var inputs: [Input]

    /// Creates a summary.
    public init(draws: Int, seed: UInt64, p10: Double, p50: Double, p90: Double, probabilityBuyingCheaper: Double, inputs: [Input]) {
        self.draws = draws
        self.seed = seed
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
        self.probabilityBuyingCheaper = probabilityBuyingCheaper
        self.inputs = inputs
    }
}

/// Draws every uncertain input at once, `draws` times, from a ``SeededGenerator``, and reports the
/// percentiles of the saving. Inputs are drawn independently, one uniform number per input per
/// draw in a fixed order, so a seed fixes every figure.
public enum MonteCarlo {
    /// Draws when the command line sets none.
    public static let defaultDraws = 10_000
    /// Seed when the command line sets none.
    public static let defaultSeed: UInt64 = 17

    /// Runs the draws (at least 1).
    static func run(model: SavingModel, inputs: [UncertainInput], draws: Int, seed: UInt64) -> MonteCarloSummary {
        var generator = SeededGenerator(seed: seed)
        let count = max(1, draws)
        var savings: [Double] = []
        savings.reserveCapacity(count)
        var cheaper = 0
        for _ in 0..<count {
            var values = model.base
            for input in inputs { values[keyPath: input.path] = input.value(at: generator.nextUnitInterval()) }
            let saving = model.saving(values)
            if saving > 0 { cheaper += 1 }
            savings.append(saving)
        }
        savings.sort()
        func percentile(_ percent: Double) -> Double { BootstrapInterval.percentile(sorted: savings, percent) ?? .nan }
        return MonteCarloSummary(
            draws: count, seed: seed, p10: percentile(10), p50: percentile(50), p90: percentile(90),
            probabilityBuyingCheaper: Double(cheaper) / Double(count),
            inputs: inputs.map { input in
                MonteCarloSummary.Input(
                    name: input.name, distribution: input.distribution.rawValue, low: input.text(input.low), base: input.text(input.base), high: input.text(input.high)
                )
            }
        )
    }
}
