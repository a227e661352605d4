import Testing
import Workload

/// Gaps between consecutive offsets, seconds.
private func gaps(_ offsets: [UInt64]) -> [Double] {
    zip(offsets.dropFirst(), offsets).map { Double($0 - $1) / 1e9 }
}

@Suite("Arrival schedules")
struct ArrivalProcessTests {
    /// 4,000 gaps at 50 requests/s (mean gap 20 ms).
    private static let rate = 50.0
    private static let arrivals = 4_001

    /// For gamma gaps with coefficient of variation c (shape k = 1/c²), the delta method gives the
    /// sample CV a standard error of c·√((1 + c²) / 2n) (Poisson, c = 1: 1/√n ≈ 0.016 at n = 4,000;
    /// c = 2: 0.050; c = 0.5: 0.006), and the sample mean gap a relative standard error of c/√n.
    /// Bounds are 6 standard errors: never reached with these seeds, yet a gamma drawn with the
    /// wrong shape or scale (CV 2 vs 1 or 0.5; mean off by the factor k) lands far outside.
    @Test(
        "gaps average 1/rate and have the coefficient of variation of the process",
        arguments: [
            (ArrivalProcess.constant, 0.0),
            (.poisson, 1.0),
            (.gamma(burstiness: 0.25), 2.0),
            (.gamma(burstiness: 4), 0.5),
            (.gamma(burstiness: 1), 1.0),
        ]
    )
    func gapStatistics(process: ArrivalProcess, cv: Double) throws {
        for seed: UInt64 in [1, 2_024] {
            let offsets = process.schedule(rate: Self.rate, count: Self.arrivals, durationNs: nil, seed: seed)
            try #require(offsets.count == Self.arrivals)
            let stats = SampleStatistics(gaps(offsets))
            let n = Double(stats.count)
            let meanGap = 1 / Self.rate

            let meanTolerance = max(6 * cv / n.squareRoot(), 1e-6) * meanGap
            #expect(abs(stats.mean - meanGap) <= meanTolerance, "\(process.name) seed \(seed): mean gap \(stats.mean) s, expected \(meanGap) ± \(meanTolerance)")

            let cvTolerance = max(6 * cv * ((1 + cv * cv) / (2 * n)).squareRoot(), 1e-6)
            #expect(abs(stats.coefficientOfVariation - cv) <= cvTolerance, "\(process.name) seed \(seed): CV \(stats.coefficientOfVariation), expected \(cv) ± \(cvTolerance)")
        }
    }

    @Test("constant arrivals are exactly 1/rate apart", arguments: [1.0, 4.0, 7.0, 333.0])
    func constantSpacing(rate: Double) {
        let offsets = ArrivalProcess.constant.schedule(rate: rate, count: 1_000, durationNs: nil, seed: 9)
        let step = 1e9 / rate
        for (index, offset) in offsets.enumerated() {
            #expect(abs(Double(offset) - Double(index) * step) <= 1, "offset \(index) is \(offset) ns")
        }
    }

    @Test("the same seed gives identical offsets; another seed gives different ones", arguments: [ArrivalProcess.poisson, .gamma(burstiness: 0.5)])
    func seeded(process: ArrivalProcess) {
        let first = process.schedule(rate: 20, count: 500, durationNs: nil, seed: 77)
        let again = process.schedule(rate: 20, count: 500, durationNs: nil, seed: 77)
        let other = process.schedule(rate: 20, count: 500, durationNs: nil, seed: 78)
        #expect(first == again)
        #expect(first != other)
        // Every schedule starts at 0 and ends at (n - 1) / rate; nothing in between should coincide.
        #expect(first.last == other.last)
        #expect(zip(first.dropFirst().dropLast(), other.dropFirst().dropLast()).filter { $0 == $1 }.isEmpty, "no offset strictly inside should coincide")
    }

    @Test(
        "the first offset is 0 and offsets never decrease",
        arguments: [ArrivalProcess.constant, .poisson, .gamma(burstiness: 0.05), .gamma(burstiness: 8)]
    )
    func ascending(process: ArrivalProcess) {
        let offsets = process.schedule(rate: 1_000, count: 5_000, durationNs: nil, seed: 3)
        #expect(offsets.first == 0)
        #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("a count bound gives exactly that many arrivals")
    func countBound() {
        for count in [0, 1, 2, 37] {
            #expect(ArrivalProcess.poisson.schedule(rate: 10, count: count, durationNs: nil, seed: 1).count == count)
        }
    }

    @Test("a duration bound keeps every offset inside the duration")
    func durationBound() {
        // 4 per second = 250 ms apart, exact in binary: 0, 250, 500, 750 ms; 1 s itself is excluded.
        #expect(ArrivalProcess.constant.schedule(rate: 4, count: nil, durationNs: 1_000_000_000, seed: 1)
            == [0, 250_000_000, 500_000_000, 750_000_000])

        // Poisson at 1,000/s for 2 s: 2,000 arrivals, all before 2 s.
        let offsets = ArrivalProcess.poisson.schedule(rate: 1_000, count: nil, durationNs: 2_000_000_000, seed: 5)
        #expect(offsets.count == 2_000)
        #expect(offsets.allSatisfy { $0 < 2_000_000_000 })
        #expect(offsets.last.map { $0 > 1_900_000_000 } == true)
    }

    @Test("with both bounds, whichever comes first stops the schedule")
    func bothBounds() {
        let second: UInt64 = 1_000_000_000
        #expect(ArrivalProcess.constant.schedule(rate: 4, count: 3, durationNs: second, seed: 1).count == 3, "count first")
        #expect(ArrivalProcess.constant.schedule(rate: 4, count: 10, durationNs: second, seed: 1).count == 4, "duration first")
        #expect(ArrivalProcess.poisson.schedule(rate: 100, count: 50, durationNs: 60 * second, seed: 1).count == 50)
        #expect(ArrivalProcess.poisson.schedule(rate: 100, count: 500, durationNs: second, seed: 1).count == 100)
    }

    /// Unscaled, 600 Poisson arrivals at 200/s come out at 200 ± 8 req/s (one standard deviation);
    /// the seed below drew 186/s before the schedule was scaled to the rate.
    @Test(
        "every schedule runs at exactly the requested rate: n arrivals span (n - 1) / rate",
        arguments: [ArrivalProcess.poisson, .gamma(burstiness: 0.25), .gamma(burstiness: 4), .constant]
    )
    func exactRate(process: ArrivalProcess) {
        for (rate, count, seed) in [(200.0, 600, UInt64(42)), (3.0, 7, 1), (1_000.0, 20_000, 9)] {
            let offsets = process.schedule(rate: rate, count: count, durationNs: nil, seed: seed)
            let span = Double(offsets.last ?? 0) / 1e9
            let achieved = Double(offsets.count - 1) / span
            #expect(abs(achieved / rate - 1) < 1e-6, "\(process.name) at \(rate)/s seed \(seed): \(achieved)/s")
        }
        let timed = process.schedule(rate: 50, count: nil, durationNs: 10_000_000_000, seed: 5)
        #expect(timed.count == 500)
        let timedSpan = Double(timed.last ?? 0) / 1e9
        let timedRate = Double(timed.count - 1) / timedSpan
        #expect(abs(timedRate / 50 - 1) < 1e-6)
    }

    @Test("arrival names are short and stable")
    func names() {
        #expect(ArrivalProcess.constant.name == "constant")
        #expect(ArrivalProcess.poisson.name == "poisson")
        #expect(ArrivalProcess.gamma(burstiness: 0.5).name == "gamma(burstiness 0.5)")
    }
}
