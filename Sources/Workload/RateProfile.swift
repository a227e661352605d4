/// Open-loop load whose rate changes over one level: steps of (duration, rate), such as a day of
/// traffic compressed into minutes. Each step is summarised on its own as well as in the level.
public struct RateProfile: Sendable, Equatable {
    /// One step: `rate` requests per second for `seconds`.
    public struct Step: Sendable, Equatable {
        /// How long the step lasts.
        public var seconds: Double
        /// Its mean rate, requests per second (0: no request).
        public var rate: Double

        /// Creates a step.
        public init(seconds: Double, rate: Double) {
            self.seconds = seconds
            self.rate = rate
        }
    }

    /// The steps, in order.
    public var steps: [Step]

    /// Creates a profile.
    public init(steps: [Step]) {
        self.steps = steps
    }

    /// 24 hourly weights (any scale) compressed into `seconds`: each hour a step of `seconds` ÷ 24
    /// at `meanRate` × weight ÷ mean weight, so the day's mean rate is `meanRate`.
    public init(hourlyWeights: [Double], meanRate: Double, seconds: Double) {
        let mean = hourlyWeights.reduce(0, +) / Double(max(1, hourlyWeights.count))
        steps = hourlyWeights.map { Step(seconds: seconds / Double(hourlyWeights.count), rate: mean > 0 ? meanRate * $0 / mean : 0) }
    }

    /// The whole profile's length, seconds.
    public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }
}
