import NIOCore
import Testing

@testable import Simulator

@Suite("fault plans, fault options and HTTP-dates")
struct FaultPlanTests {
    private static func plans(_ configure: (inout EngineProfile) -> Void, count: Int = 40) -> [FaultPlan] {
        var profile = EngineProfile()
        configure(&profile)
        return (0..<UInt64(count)).map { FaultPlan(profile: profile, ordinal: $0) }
    }

    @Test("with no fault options a plan is empty")
    func defaultsAreOff() {
        #expect(Self.plans { _ in }.allSatisfy { $0 == FaultPlan() && !$0.injectsFault })
    }

    @Test("each rate of 0.5 hits between 10 and 30 of 40 requests, the same ones for the same seed")
    func ratesAreSeededAndProportional() {
        let rates: [(String, (FaultPlan) -> Bool)] = [
            ("error_rate", { $0.rejection == .serverError }),
            ("rate_limit_rate", { $0.rejection == .rateLimited }),
            ("unavailable_rate", { $0.rejection == .unavailable }),
            ("disconnect_rate", { $0.abort?.kind == .disconnect }),
            ("stall_rate", { $0.stall != nil }),
            ("malformed_rate", { $0.malformed }),
            ("stream_error_rate", { $0.abort?.kind == .streamError }),
            ("large_event_rate", { $0.largeEventBytes != nil }),
        ]
        for (name, hit) in rates {
            let first = Self.plans { try? $0.set(name, to: "0.5"); $0.seed = 7 }.map(hit)
            let again = Self.plans { try? $0.set(name, to: "0.5"); $0.seed = 7 }.map(hit)
            let other = Self.plans { try? $0.set(name, to: "0.5"); $0.seed = 8 }.map(hit)
            let hits = first.filter { $0 }.count
            #expect((10...30).contains(hits), "\(name): \(hits) of 40")
            #expect(first == again, "\(name)")
            #expect(first != other, "\(name)")
        }
    }

    @Test("turning one fault on does not change which requests get another")
    func faultsAreIndependent() {
        let alone = Self.plans { $0.faults.stallRate = 0.3 }.map { $0.stall != nil }
        let mixed = Self.plans { $0.faults.stallRate = 0.3; $0.faults.disconnectRate = 0.5; $0.errorRate = 0.2 }
        #expect(alone == mixed.map { $0.stall != nil })
    }

    @Test("a 500 beats a 429 beats a 503, and the abort after fewer tokens wins")
    func precedence() {
        #expect(Self.plans({ $0.errorRate = 1; $0.faults.rateLimitRate = 1 }, count: 1)[0].rejection == .serverError)
        #expect(Self.plans({ $0.faults.rateLimitRate = 1; $0.faults.unavailableRate = 1 }, count: 1)[0].rejection == .rateLimited)
        let both = { (disconnectAfter: Int, errorAfter: Int) in
            Self.plans({ profile in
                profile.faults.disconnectRate = 1
                profile.faults.disconnectAfterTokens = disconnectAfter
                profile.faults.streamErrorRate = 1
                profile.faults.streamErrorAfterTokens = errorAfter
            }, count: 1)[0].abort
        }
        #expect(both(5, 2) == FaultPlan.Abort(kind: .streamError, afterTokens: 2))
        #expect(both(1, 2) == FaultPlan.Abort(kind: .disconnect, afterTokens: 1))
        #expect(both(2, 2) == FaultPlan.Abort(kind: .disconnect, afterTokens: 2))
    }

    @Test("durations become time amounts; the malformed or large event is the second token, or the only one")
    func timingAndCorruptedIndex() {
        let plan = Self.plans({ profile in
            profile.faults.stallRate = 1
            profile.faults.stallSeconds = 0.25
            profile.faults.slowHeadersMs = 40
            profile.faults.firstTokenDelayMs = 1.5
        }, count: 1)[0]
        #expect(plan.stall == FaultPlan.Stall(afterTokens: 3, duration: .milliseconds(250)))
        #expect(plan.headerDelay == .milliseconds(40))
        #expect(plan.firstTokenDelay == .microseconds(1500))
        #expect(FaultPlan.isCorrupted(index: 1, isLast: false))
        #expect(FaultPlan.isCorrupted(index: 0, isLast: true))
        #expect(!FaultPlan.isCorrupted(index: 0, isLast: false))
        #expect(!FaultPlan.isCorrupted(index: 2, isLast: true))
    }

    @Test("a large token keeps its finish reason and has exactly the asked number of bytes")
    func enlargedToken() {
        let token = SampledToken(text: " queue", finishReason: .length)
        for bytes in [1, 6, 7, 1000] {
            let large = token.enlarged(toBytes: bytes)
            #expect(large.text.utf8.count == bytes)
            #expect(large.finishReason == .length)
        }
    }

    @Test("HTTP-dates are IMF-fixdates in GMT")
    func httpDates() {
        #expect(HTTPDate.format(unixSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(unixSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(unixSeconds: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(unixSeconds: 1_735_689_599) == "Tue, 31 Dec 2024 23:59:59 GMT")
    }

    @Test("every fault option is set from text")
    func setsFaultOptions() throws {
        var profile = EngineProfile()
        let values = [
            "rate_limit_rate": "0.1", "retry_after_seconds": "30", "retry_after_date": "true",
            "unavailable_rate": "0.2", "disconnect_rate": "0.3", "disconnect_after_tokens": "0",
            "stall_rate": "0.4", "stall_after_tokens": "7", "stall_seconds": "0.5", "malformed_rate": "0.6",
            "stream_error_rate": "0.7", "stream_error_after_tokens": "9", "slow_headers_ms": "250",
            "large_event_rate": "0.8", "large_event_bytes": "4096", "first_token_delay_ms": "1500",
        ]
        for (name, value) in values { try profile.set(name, to: value) }
        var expected = EngineProfile.FaultOptions()
        expected.rateLimitRate = 0.1
        expected.retryAfterSeconds = 30
        expected.retryAfterDate = true
        expected.unavailableRate = 0.2
        expected.disconnectRate = 0.3
        expected.disconnectAfterTokens = 0
        expected.stallRate = 0.4
        expected.stallAfterTokens = 7
        expected.stallSeconds = 0.5
        expected.malformedRate = 0.6
        expected.streamErrorRate = 0.7
        expected.streamErrorAfterTokens = 9
        expected.slowHeadersMs = 250
        expected.largeEventRate = 0.8
        expected.largeEventBytes = 4096
        expected.firstTokenDelayMs = 1500
        #expect(profile.faults == expected)
        try profile.set("retry_after_date", to: " No ")
        #expect(!profile.faults.retryAfterDate)
    }

    @Test("a fault option of the wrong type or range is rejected naming it and what it expects")
    func badFaultValues() {
        var profile = EngineProfile()
        let cases = [
            ("rate_limit_rate", "1.5"), ("unavailable_rate", "-0.1"), ("stall_rate", "often"),
            ("retry_after_seconds", "1.5"), ("retry_after_seconds", "-1"), ("retry_after_date", "maybe"),
            ("disconnect_after_tokens", "-1"), ("stall_seconds", "-1"), ("stall_seconds", "inf"),
            ("slow_headers_ms", "soon"), ("large_event_bytes", "0"), ("large_event_bytes", "67108865"),
            ("first_token_delay_ms", "-5"), ("malformed_rate", "nan"),
        ]
        for (name, value) in cases {
            do {
                try profile.set(name, to: value)
                Issue.record("\(name)=\(value) was accepted")
            } catch {
                #expect(error.name == name)
                #expect(error.description.contains(name))
                #expect(error.description.contains("expected"))
            }
        }
        #expect(profile == EngineProfile())
    }
}
