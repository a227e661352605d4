import Metrics
import Testing

@Suite("quality tally")
struct QualityTallyTests {
    @Test("pass rate and 95% Wilson interval by hand: 8 of 10")
    func wilsonByHand() throws {
        var tally = QualityTally()
        for index in 0..<10 { tally.add(index < 8 ? .pass : .fail) }
        tally.add(nil)
        #expect(tally.scored == 10 && tally.passed == 8)
        #expect(tally.passRate == 0.8)
        // n = 10, p = 0.8, z² = 3.8416: centre (0.8 + 0.19208) / 1.38416 = 0.716738,
        // half-width 1.96 · √(0.016 + 0.009604) / 1.38416 = 0.226581.
        let interval = try #require(tally.interval)
        #expect(abs(interval.lowerBound - 0.490157) < 1e-5)
        #expect(abs(interval.upperBound - 0.943318) < 1e-5)
    }

    @Test("the interval stays within 0…1 at all-pass and all-fail; nothing scored has no rate")
    func edges() throws {
        let all = QualityTally(scored: 20, passed: 20)
        #expect(try #require(all.interval).upperBound == 1)
        #expect(try #require(all.interval).lowerBound > 0.8)
        let none = QualityTally(scored: 20, passed: 0)
        #expect(try #require(none.interval).lowerBound == 0)
        #expect(QualityTally().passRate == nil && QualityTally().interval == nil)
    }

    @Test("merging adds the counts")
    func merge() {
        var first = QualityTally(scored: 3, passed: 1)
        first.merge(QualityTally(scored: 5, passed: 4))
        #expect(first == QualityTally(scored: 8, passed: 5))
    }
}
