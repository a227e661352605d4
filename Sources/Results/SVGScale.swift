import Foundation

/// Maps data values onto a pixel span, linearly or by powers of ten, with round tick values.
public struct SVGScale: Sendable, Equatable {
    /// Lowest value shown (after rounding out to a tick).
    public private(set) var lower: Double
    /// Highest value shown (after rounding out to a tick).
    public private(set) var upper: Double
    /// Whether the axis is logarithmic (base 10); `lower` is then positive.
    public let logarithmic: Bool
    /// Tick values, ascending, from `lower` to `upper`.
    public private(set) var ticks: [Double]

    /// A scale covering `values`, widened to round tick values.
    ///
    /// - Parameters:
    ///   - values: the data; non-finite values are ignored (and non-positive ones on a log scale).
    ///   - logarithmic: base-10 axis; falls back to linear when no value is positive.
    ///   - includeZero: a linear axis starts at 0 when every value is positive.
    public init(covering values: [Double], logarithmic: Bool = false, includeZero: Bool = false) {
        let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        let log = logarithmic && !finite.isEmpty
        self.logarithmic = log
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if log {
            let first = floor(log10(low))
            var last = ceil(log10(high))
            if last <= first { last = first + 1 }
            lower = pow(10, first)
            upper = pow(10, last)
            let decades = Int(last - first)
            let steps: [Double] = decades <= 2 ? [1, 2, 5] : [1]
            var ticks: [Double] = []
            for exponent in Int(first)...Int(last) {
                for step in steps {
                    let tick = step * pow(10, Double(exponent))
                    if tick >= lower * 0.999, tick <= upper * 1.001 { ticks.append(tick) }
                }
            }
            self.ticks = ticks
            return
        }
        if includeZero { low = min(low, 0) }
        if high <= low {
            high = low == 0 ? 1 : low + abs(low) * 0.5
            if !includeZero { low -= abs(low) * 0.5 }
        }
        let step = Self.niceStep((high - low) / 5)
        lower = floor(low / step + 1e-9) * step
        upper = ceil(high / step - 1e-9) * step
        if upper <= lower { upper = lower + step }
        var ticks: [Double] = []
        var tick = lower
        while tick <= upper + step * 1e-6 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        self.ticks = ticks
    }

    /// A linear scale with fixed bounds and ticks (e.g. 0…1 for a CDF).
    public init(fixed lower: Double, _ upper: Double, ticks: [Double]) {
        self.lower = lower
        self.upper = upper
        self.logarithmic = false
        self.ticks = ticks
    }

    /// Where `value` sits between `lower` (0) and `upper` (1); values outside are clamped.
    public func fraction(_ value: Double) -> Double {
        let position: Double
        if logarithmic {
            position = (log10(max(value, lower)) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            position = (value - lower) / (upper - lower)
        }
        return min(1, max(0, position.isFinite ? position : 0))
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    private static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * 0.999 {
            return factor * magnitude
        }
        return 10 * magnitude
    }
}
