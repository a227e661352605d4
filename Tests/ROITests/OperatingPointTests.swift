import Results
import Testing
@testable import ROI

@Suite("operating point picker")
struct OperatingPointTests {
    private func level(
        _ label: String, meets: Bool?, tokensPerSecond: Double, ok: Int = 10, abort: String? = nil, status: LevelStatus = .completed
    ) -> LevelMeasurement {
        LevelMeasurement(
            target: "vllm", level: label, requests: 10, succeeded: ok, inputTokensPerSecond: tokensPerSecond * 0.8,
            outputTokensPerSecond: tokensPerSecond * 0.2, meetsSLO: meets, status: status, abortReason: abort, prefillShare: 0.2,
            meanInputTokens: 400, meanOutputTokens: 100
        )
    }

    @Test("the highest load level meeting the SLOs wins, even over a faster failing one")
    func highestPassing() throws {
        let sweep = [level("c1", meets: true, tokensPerSecond: 100), level("c8", meets: true, tokensPerSecond: 600), level("c32", meets: false, tokensPerSecond: 900)]
        let point = try OperatingPoint.pick(sweep, allowSLOMiss: false)
        #expect(point.measurement.level == "c8")
        #expect(point.meetsSLO == true)
    }

    @Test("load order comes from the label, not the file order; open-loop rates compare by number")
    func labelOrder() throws {
        let sweep = [level("r16", meets: true, tokensPerSecond: 500), level("r4", meets: true, tokensPerSecond: 550), level("r8.5", meets: true, tokensPerSecond: 520)]
        #expect(try OperatingPoint.pick(sweep, allowSLOMiss: false).measurement.level == "r16")
    }

    @Test("without SLOs every level qualifies and the report says so")
    func noSLOs() throws {
        let point = try OperatingPoint.pick([level("c1", meets: nil, tokensPerSecond: 100), level("c4", meets: nil, tokensPerSecond: 300)], allowSLOMiss: false)
        #expect(point.measurement.level == "c4")
        #expect(point.meetsSLO == nil)
        #expect(point.reason.contains("no SLOs"))
    }

    @Test("levels aborted by the error guard or with no success never qualify")
    func unusableLevels() throws {
        let sweep = [level("c1", meets: true, tokensPerSecond: 100), level("c8", meets: true, tokensPerSecond: 600, abort: "error rate 60%"), level("c16", meets: true, tokensPerSecond: 0, ok: 0)]
        #expect(try OperatingPoint.pick(sweep, allowSLOMiss: false).measurement.level == "c1")
    }

    @Test("no level meeting the SLOs is an error naming the target, unless --allow-slo-miss")
    func noneMeets() throws {
        let sweep = [level("c1", meets: false, tokensPerSecond: 100), level("c8", meets: false, tokensPerSecond: 600)]
        #expect(throws: ROIError.self) { try OperatingPoint.pick(sweep, allowSLOMiss: false) }
        do {
            _ = try OperatingPoint.pick(sweep, allowSLOMiss: false)
        } catch {
            #expect(error.description.hasPrefix("target vllm: no load level met the SLOs (c1 missed, c8 missed)"))
            #expect(error.description.contains("--allow-slo-miss"))
        }
        let forced = try OperatingPoint.pick(sweep, allowSLOMiss: true)
        #expect(forced.measurement.level == "c8")
        #expect(forced.meetsSLO == false)
    }

    @Test("an interrupted level is skipped, and the reason says so, unless --allow-partial; then the caveat says it was priced")
    func interruptedLevel() throws {
        let sweep = [level("c1", meets: true, tokensPerSecond: 100), level("c8", meets: true, tokensPerSecond: 600, status: .interrupted)]
        let strict = try OperatingPoint.pick(sweep, allowSLOMiss: false)
        #expect(strict.measurement.level == "c1")
        #expect(strict.reason.contains("interrupted level c8 not considered (pass --allow-partial"))
        #expect(strict.caveat == nil)
        let partial = try OperatingPoint.pick(sweep, allowSLOMiss: false, allowPartial: true)
        #expect(partial.measurement.level == "c8")
        #expect(partial.reason.contains("interrupted after 10 requests"))
        #expect(partial.caveat?.hasPrefix("Priced at vllm c8, a level interrupted after 10 requests (--allow-partial)") == true)
    }

    @Test("only interrupted levels is an error pointing to --allow-partial; aborted levels never qualify")
    func onlyPartial() throws {
        let sweep = [level("c4", meets: true, tokensPerSecond: 300, status: .interrupted), level("c8", meets: true, tokensPerSecond: 600, status: .aborted)]
        do {
            _ = try OperatingPoint.pick(sweep, allowSLOMiss: true)
            Issue.record("a partial level was priced without --allow-partial")
        } catch {
            #expect(error.description.contains("--allow-partial"))
        }
        #expect(try OperatingPoint.pick(sweep, allowSLOMiss: false, allowPartial: true).measurement.level == "c4")
    }
}
