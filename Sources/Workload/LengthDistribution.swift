import Foundation
import RepatSupport

/// How long prompts or outputs are, in tokens: a fixed length or a seeded draw per request,
/// clamped to `[min, max]` (at least 1).
public enum LengthDistribution: Sendable, Equatable {
    /// Always `n`.
    case fixed(Int)
    /// Uniform integer in `min...max`.
    case uniform(min: Int, max: Int)
    /// Normal with this mean and standard deviation, rounded and clamped.
    case normal(mean: Double, stddev: Double, min: Int, max: Int)
    /// Log-normal whose *resulting lengths* have this mean and standard deviation (the shape of
    /// real chat traffic: many short, a long tail), rounded and clamped.
    case lognormal(mean: Double, stddev: Double, min: Int, max: Int)

    /// One length.
    public func sample(_ generator: inout SeededGenerator) -> Int {
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let low, let high):
            return low + generator.next(below: high - low + 1)
        case .normal(let mean, let stddev, let low, let high):
            return Self.clamp(mean + stddev * generator.nextStandardNormal(), low, high)
        case .lognormal(let mean, let stddev, let low, let high):
            let sigmaSquared = Foundation.log(1 + (stddev / mean) * (stddev / mean))
            let mu = Foundation.log(mean) - sigmaSquared / 2
            return Self.clamp(Foundation.exp(mu + sigmaSquared.squareRoot() * generator.nextStandardNormal()), low, high)
        }
    }

    /// The nominal mean, tokens (before clamping).
    public var mean: Double {
        switch self {
        case .fixed(let value): Double(value)
        case .uniform(let low, let high): Double(low + high) / 2
        case .normal(let mean, _, _, _), .lognormal(let mean, _, _, _): mean
        }
    }

    private static func clamp(_ value: Double, _ low: Int, _ high: Int) -> Int {
        Swift.min(Swift.max(Int(value.rounded()), Swift.max(low, 1)), high)
    }
}
