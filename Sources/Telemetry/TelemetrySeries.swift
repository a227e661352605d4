/// One quantity over time (a power total, a utilisation), in seconds since the run started, with
/// the maths the level figures need: integrals (energy), time-weighted means and peaks over a
/// window.
///
/// Two shapes: instantaneous readings (`nvidia-smi`, DCGM), joined by straight lines; and
/// averages over consecutive intervals (RAPL energy-counter differences), each holding over its
/// own interval, so the integral over a window reproduces the counter's delta exactly.
/// Outside the sampled span the nearest value holds, but only within a tolerance: a window the
/// series does not reach has no figure rather than a guessed one.
public struct TelemetrySeries: Sendable, Equatable {
    /// How values between samples are read.
    public enum Shape: Sendable, Equatable {
        /// Readings at instants, linear in between.
        case instantaneous
        /// Each value is the average over the interval since the previous one.
        case intervalAverages
    }

    /// One sample.
    public struct Point: Sendable, Equatable {
        /// Start of the interval the value averages (equal to ``time`` for instantaneous values),
        /// seconds since the run started.
        public var start: Double
        /// When the value was read, seconds since the run started.
        public var time: Double
        /// The value.
        public var value: Double
    }

    /// The shape.
    public let shape: Shape
    /// Samples in time order.
    public private(set) var points: [Point] = []

    /// An empty series.
    public init(shape: Shape) {
        self.shape = shape
    }

    /// Adds a sample read at `time`; for interval averages, `since` is the start of the interval
    /// (the previous reading). Samples out of time order are dropped.
    public mutating func append(time: Double, value: Double, since: Double? = nil) {
        guard value.isFinite, points.last.map({ time > $0.time }) ?? true else { return }
        let start = shape == .intervalAverages ? min(since ?? points.last?.time ?? time, time) : time
        points.append(Point(start: start, time: time, value: value))
    }

    /// The span the samples describe; nil when empty.
    public var span: ClosedRange<Double>? {
        guard let first = points.first, let last = points.last else { return nil }
        return first.start...last.time
    }

    /// Whether the samples reach both ends of `window`, give or take `tolerance` seconds.
    public func covers(_ window: ClosedRange<Double>, tolerance: Double) -> Bool {
        guard let span else { return false }
        return span.lowerBound <= window.lowerBound + tolerance && span.upperBound >= window.upperBound - tolerance
    }

    /// The integral over `window` (joules for a power series); nil when the series does not
    /// cover it within `tolerance` seconds.
    public func integral(over window: ClosedRange<Double>, tolerance: Double) -> Double? {
        guard covers(window, tolerance: tolerance) else { return nil }
        switch shape {
        case .instantaneous: return linearIntegral(window)
        case .intervalAverages: return stepIntegral(window)
        }
    }

    /// The time-weighted mean over `window`; for a window of zero length, the value at its instant.
    public func mean(over window: ClosedRange<Double>, tolerance: Double) -> Double? {
        let length = window.upperBound - window.lowerBound
        guard length > 0 else { return covers(window, tolerance: tolerance) ? value(at: window.lowerBound) : nil }
        return integral(over: window, tolerance: tolerance).map { $0 / length }
    }

    /// The highest value the series takes within `window` (interpolated at its ends); nil when it
    /// does not cover the window.
    public func peak(over window: ClosedRange<Double>, tolerance: Double) -> Double? {
        guard covers(window, tolerance: tolerance) else { return nil }
        var highest = max(value(at: window.lowerBound), value(at: window.upperBound))
        for point in points where point.time > window.lowerBound && point.start < window.upperBound {
            highest = max(highest, point.value)
        }
        return highest
    }

    /// The highest sample read within `window`, without interpolation; nil when none was.
    public func highestSample(in window: ClosedRange<Double>) -> Double? {
        points.filter { window.contains($0.time) }.map(\.value).max()
    }

    /// The value at `time`: interpolated (instantaneous) or the covering interval's average,
    /// the nearest value outside the samples. 0 for an empty series.
    public func value(at time: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        switch shape {
        case .instantaneous:
            if time <= first.time { return first.value }
            if time >= last.time { return last.value }
            let upper = points.firstIndex { $0.time >= time } ?? points.count - 1
            let (a, b) = (points[upper - 1], points[upper])
            return a.value + (b.value - a.value) * (time - a.time) / (b.time - a.time)
        case .intervalAverages:
            return (points.first { $0.time >= time } ?? last).value
        }
    }

    /// Trapezoids between the window's ends and every sample inside it: exact for the straight
    /// lines joining the samples.
    private func linearIntegral(_ window: ClosedRange<Double>) -> Double {
        let inside = points.lazy.filter { $0.time > window.lowerBound && $0.time < window.upperBound }.map { ($0.time, $0.value) }
        let knots = [(window.lowerBound, value(at: window.lowerBound))] + inside + [(window.upperBound, value(at: window.upperBound))]
        var total = 0.0
        for index in 1..<knots.count {
            let (a, b) = (knots[index - 1], knots[index])
            total += (a.1 + b.1) / 2 * (b.0 - a.0)
        }
        return total
    }

    /// Each interval's average times its overlap with the window; the first and last values
    /// extended over any part of the window outside the sampled span.
    private func stepIntegral(_ window: ClosedRange<Double>) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        var total = 0.0
        for point in points {
            let overlap = min(point.time, window.upperBound) - max(point.start, window.lowerBound)
            if overlap > 0 { total += point.value * overlap }
        }
        if window.lowerBound < first.start { total += first.value * (min(first.start, window.upperBound) - window.lowerBound) }
        if window.upperBound > last.time { total += last.value * (window.upperBound - max(last.time, window.lowerBound)) }
        return total
    }
}
