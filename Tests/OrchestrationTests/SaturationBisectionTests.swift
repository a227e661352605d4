import Orchestration
import Testing
import Workload

@Suite("Saturation bisection, driven by plain probes")
struct SaturationBisectionTests {
    /// Runs the search with a probe that passes below `capacity` and records the rates tried.
    private static func run(_ search: SaturationSearch, capacity: Double, stopAfter: Int = .max) async -> (SaturationBisection.Result, [Double]) {
        var tried: [Double] = []
        let result = await SaturationBisection.search(search) { rate in
            guard tried.count < stopAfter else { return nil }
            tried.append(rate)
            return rate <= capacity
        }
        return (result, tried)
    }

    @Test("bounds first, then midpoints toward the capacity")
    func bisects() async {
        let (result, tried) = await Self.run(SaturationSearch(minRate: 1, maxRate: 9, steps: 3), capacity: 4.2)
        #expect(tried == [1, 9, 5, 3, 4])
        #expect(result == SaturationBisection.Result(maxRate: 4, firstFailingRate: 5))
    }

    @Test("a failing lower bound ends the search with no passing rate")
    func lowerBoundFails() async {
        let (result, tried) = await Self.run(SaturationSearch(minRate: 2, maxRate: 8, steps: 4), capacity: 1)
        #expect(tried == [2])
        #expect(result == SaturationBisection.Result(maxRate: nil, firstFailingRate: 2))
    }

    @Test("a passing upper bound is the answer with no failing rate")
    func upperBoundPasses() async {
        let (result, tried) = await Self.run(SaturationSearch(minRate: 2, maxRate: 8, steps: 4), capacity: 100)
        #expect(tried == [2, 8])
        #expect(result == SaturationBisection.Result(maxRate: 8, firstFailingRate: nil))
    }

    @Test("midpoints are rounded to 0.001 req/s and the search stops when no new midpoint remains")
    func roundingStops() async {
        let (result, tried) = await Self.run(SaturationSearch(minRate: 1, maxRate: 1.004, steps: 10), capacity: 1.0015)
        #expect(tried == [1, 1.004, 1.002, 1.001])
        #expect(result == SaturationBisection.Result(maxRate: 1.001, firstFailingRate: 1.002))
    }

    @Test("a probe that stops keeps what is known; stopped before the lowest rate is judged, it decides nothing")
    func stopping() async {
        let (nothing, none) = await Self.run(SaturationSearch(minRate: 1, maxRate: 9, steps: 3), capacity: 4, stopAfter: 0)
        #expect(none.isEmpty)
        #expect(nothing == SaturationBisection.Result(maxRate: nil, firstFailingRate: nil))
        let (afterMin, _) = await Self.run(SaturationSearch(minRate: 1, maxRate: 9, steps: 3), capacity: 4, stopAfter: 1)
        #expect(afterMin == SaturationBisection.Result(maxRate: 1, firstFailingRate: nil))
        let (midway, tried) = await Self.run(SaturationSearch(minRate: 1, maxRate: 9, steps: 3), capacity: 4, stopAfter: 3)
        #expect(tried == [1, 9, 5])
        #expect(midway == SaturationBisection.Result(maxRate: 1, firstFailingRate: 5))
    }
}
