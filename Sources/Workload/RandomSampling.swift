import Foundation
import RepatSupport

/// Samples from the continuous distributions repat draws from (arrival gaps, lengths), using only a
/// ``SeededGenerator`` so every draw is reproducible from the seed.
extension SeededGenerator {
    /// Uniform in the open interval (0, 1): 53 random bits, never exactly 0 or 1.
    public mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992.0
    }

    /// Standard normal (mean 0, sd 1), by the Box–Muller transform.
    public mutating func nextStandardNormal() -> Double {
        let u1 = nextUnit()
        let u2 = nextUnit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// Exponential with the given mean.
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * Foundation.log(nextUnit())
    }

    /// Gamma with shape `k` > 0 and the given mean (scale = mean / k), by Marsaglia and Tsang's
    /// method; shapes below 1 use the boost `Gamma(k) = Gamma(k + 1) · U^(1/k)`.
    public mutating func nextGamma(shape k: Double, mean: Double) -> Double {
        let scale = mean / k
        if k < 1 {
            let boosted = nextGamma(shape: k + 1, mean: (k + 1) * scale)
            return boosted * Foundation.pow(nextUnit(), 1 / k)
        }
        let d = k - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = nextStandardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextUnit()
            if u < 1 - 0.0331 * x * x * x * x || Foundation.log(u) < 0.5 * x * x + d * (1 - v + Foundation.log(v)) {
                return d * v * scale
            }
        }
    }
}
