/// One bar of the tornado: the output with one input at its low and at its high value.
public struct TornadoBar: Sendable, Equatable {
    /// Input name (`electricity price`).
    public var parameter: String
    /// The low input value, as text with units.
    public var lowInput: String
    /// The high input value, as text with units.
    public var highInput: String
    /// The output with the input low.
    public var lowOutput: Double
    /// The output with the input high.
    public var highOutput: Double

    /// Creates a bar.
    public init(parameter: String, lowInput: String, highInput: String, lowOutput: Double, highOutput: Double) {
        self.parameter = parameter
        self.lowInput = lowInput
        self.highInput = highInput
        self.lowOutput = lowOutput
        self.highOutput = highOutput
    }

    /// |high − low|: how far this input moves the output.
    public var swing: Double { abs(highOutput - lowOutput) }
}

/// One-at-a-time sensitivity analysis: each input moved to its low and high value, every other
/// input at its base value, bars sorted by swing (widest first).
public struct Tornado: Sendable, Equatable {
    /// The output at base values.
    public var base: Double
    /// What the output is, with units.
    public var output: String
    /// Bars, widest swing first.
    public var bars: [TornadoBar]

    /// Sorts `bars` by swing.
    public init(base: Double, output: String, bars: [TornadoBar]) {
        self.base = base
        self.output = output
        self.bars = bars.sorted { $0.swing > $1.swing }
    }
}

/// A low and a high value for one sensitivity input: each a factor of the base or a fixed value.
public struct SensitivityRange: Sendable, Equatable {
    /// How one end is given.
    public enum Bound: Sendable, Equatable {
        /// Base × factor.
        case factor(Double)
        /// This value.
        case value(Double)

        /// The bound applied to `base`.
        public func apply(to base: Double) -> Double {
            switch self {
            case .factor(let factor): base * factor
            case .value(let value): value
            }
        }
    }

    /// Low end.
    public var low: Bound
    /// High end.
    public var high: Bound

    /// Creates a range.
    public init(low: Bound, high: Bound) {
        self.low = low
        self.high = high
    }
}
