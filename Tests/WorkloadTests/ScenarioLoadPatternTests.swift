import Testing
import Workload

/// A scenario with one simulated target; `load` starts on line 8, `workload` follows it, and
/// `tail` (e.g. an `slo:` section) comes last.
private func scenario(load: String, workload: String = "  prompt_tokens: 16\n  max_tokens: 8", tail: String = "") -> String {
    """
    name: shapes
    targets:
      - name: a
        dialect: openai-chat
        base_url: sim://a
        model: m
    load:
    \(load)
    workload:
    \(workload)
    \(tail)
    """
}

private func parse(_ text: String) throws -> Scenario {
    try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(text, file: "s.yaml")
}

/// The problems of `text`, recording an issue when it parses.
private func problems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioProblem] {
    do {
        _ = try parse(text)
        Issue.record("expected problems", sourceLocation: sourceLocation)
        return []
    } catch let error as ScenarioProblems {
        return error.problems
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// The only problem of `text`.
private func onlyProblem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioProblem? {
    let found = problems(text, sourceLocation: sourceLocation)
    #expect(found.count == 1, "problems: \(found.map(\.description))", sourceLocation: sourceLocation)
    return found.first
}

@Suite("Scenario load patterns")
struct ScenarioLoadPatternTests {
    @Test("a rate list is an open loop with Poisson arrivals by default")
    func rateList() throws {
        let parsed = try parse(scenario(load: "  rate: [1, 2.5, 10]\n  requests: 100"))
        #expect(parsed.load.pattern == .open(rates: [1, 2.5, 10], maxInFlight: nil))
        #expect(parsed.load.arrival == .poisson)
        #expect(parsed.load.requests == 100)
        #expect(parsed.load.interleaved == false)
        #expect(parsed.load.warmupRequests == 0)
        #expect(parsed.load.warmupSeconds == nil)
        #expect(parsed.load.abort == nil)
    }

    @Test(
        "arrival, burstiness and max_in_flight shape the open loop",
        arguments: [
            ("  rate: 4\n  arrival: constant\n  duration: 10s", LoadSpec.Pattern.open(rates: [4], maxInFlight: nil), ArrivalProcess.constant),
            ("  rate: 4\n  arrival: poisson\n  max_in_flight: 16\n  duration: 10s", .open(rates: [4], maxInFlight: 16), .poisson),
            ("  rate: [0.5, 8]\n  arrival: gamma\n  burstiness: 0.25\n  duration: 10s", .open(rates: [0.5, 8], maxInFlight: nil), .gamma(burstiness: 0.25)),
        ]
    )
    func arrivals(load: String, pattern: LoadSpec.Pattern, arrival: ArrivalProcess) throws {
        let parsed = try parse(scenario(load: load))
        #expect(parsed.load.pattern == pattern)
        #expect(parsed.load.arrival == arrival)
    }

    @Test("gamma arrivals without burstiness are refused at load.arrival")
    func gammaWithoutBurstiness() throws {
        let problem = try #require(onlyProblem(scenario(load: "  rate: 5\n  arrival: gamma\n  requests: 10")))
        #expect(problem.field == "load.arrival")
        #expect(problem.line == 9)
        #expect(problem.message.contains("burstiness"))
    }

    @Test("burstiness with Poisson arrivals and an unknown arrival are refused")
    func badArrival() throws {
        let burstiness = try #require(onlyProblem(scenario(load: "  rate: 5\n  burstiness: 2\n  requests: 10")))
        #expect(burstiness.field == "load.burstiness")
        #expect(burstiness.line == 9)
        let unknown = try #require(onlyProblem(scenario(load: "  rate: 5\n  arrival: bursty\n  requests: 10")))
        #expect(unknown.description == "s.yaml:9: load.arrival: expected constant, poisson or gamma, got 'bursty'")
    }

    @Test("concurrency and rate together are refused at load")
    func twoShapes() throws {
        let problem = try #require(onlyProblem(scenario(load: "  concurrency: 4\n  rate: 5\n  requests: 10")))
        #expect(problem.field == "load")
        #expect(problem.line == 8)
        #expect(problem.message == "give only one of concurrency, rate")
    }

    @Test("a ramp applies to concurrency only")
    func ramp() throws {
        let closed = try parse(scenario(load: "  concurrency: [4, 8]\n  ramp: 30s\n  requests: 10"))
        #expect(closed.load.pattern == .closed(concurrency: [4, 8], rampSeconds: 30))

        let problem = try #require(onlyProblem(scenario(load: "  rate: 5\n  ramp: 30s\n  requests: 10")))
        #expect(problem.field == "load.ramp")
        #expect(problem.line == 9)
    }

    @Test("open-loop fields with concurrency are refused", arguments: ["arrival: constant", "burstiness: 2", "max_in_flight: 4"])
    func openFieldsOnClosedLoop(field: String) throws {
        let found = problems(scenario(load: "  concurrency: 4\n  \(field)\n  requests: 10"))
        let name = String(field.prefix { $0 != ":" })
        #expect(found.contains { $0.field == "load.\(name)" && $0.line == 9 && $0.message.contains("open-loop") })
    }

    @Test("a saturation search with objectives parses, with 5 steps by default")
    func saturation() throws {
        let parsed = try parse(scenario(
            load: "  saturation:\n    min_rate: 1\n    max_rate: 40\n    max_in_flight: 64\n  arrival: constant\n  duration: 20s",
            tail: "slo:\n  ttft_p99_ms: 2000\n  tpot_p99.9_ms: 80\n  e2e_p50_ms: 9000\n  max_error_rate: 0.01"
        ))
        #expect(parsed.load.pattern == .saturation(SaturationSearch(minRate: 1, maxRate: 40, steps: 5, maxInFlight: 64)))
        #expect(parsed.load.arrival == .constant)
        #expect(parsed.slo == SLOSpec(
            limits: [
                SLOSpec.Limit(metric: "ttft", percentile: 99, maxMs: 2000, field: "ttft_p99_ms"),
                SLOSpec.Limit(metric: "tpot", percentile: 99.9, maxMs: 80, field: "tpot_p99.9_ms"),
                SLOSpec.Limit(metric: "e2e", percentile: 50, maxMs: 9000, field: "e2e_p50_ms"),
            ],
            maxErrorRate: 0.01
        ))
        let steps = try parse(scenario(load: "  saturation:\n    min_rate: 1\n    max_rate: 2\n    steps: 9\n  requests: 5", tail: "slo:\n  itl_p95_ms: 50"))
        #expect(steps.load.pattern == .saturation(SaturationSearch(minRate: 1, maxRate: 2, steps: 9)))
    }

    @Test("a saturation search without latency objectives is refused at load.saturation")
    func saturationWithoutSLO() throws {
        let load = "  saturation:\n    min_rate: 1\n    max_rate: 10\n  requests: 10"
        for tail in ["", "slo:\n  max_error_rate: 0.05"] {
            let problem = try #require(onlyProblem(scenario(load: load, tail: tail)))
            #expect(problem.field == "load.saturation")
            #expect(problem.line == 9, "a mapping's problems point at its first line, as for load and targets[0]")
            #expect(problem.message.contains("slo"))
        }
    }

    @Test("a saturation search needs min_rate below max_rate", arguments: ["1", "0.5"])
    func saturationBounds(maxRate: String) throws {
        let problem = try #require(problems(scenario(
            load: "  saturation:\n    min_rate: 1\n    max_rate: \(maxRate)\n  requests: 10", tail: "slo:\n  ttft_p99_ms: 100"
        )).first)
        #expect(problem.field == "load.saturation.max_rate")
        #expect(problem.line == 10)
        #expect(problem.message == "must be above min_rate (1.0)")
    }

    @Test(
        "an objective with a bad key or value is refused at slo.KEY with its line",
        arguments: ["latency_p99_ms: 100", "ttft_p0_ms: 100", "ttft_p101_ms: 100", "ttft_p99: 100", "ttft_99_ms: 100", "ttft_p99_ms: fast", "ttft_p99_ms: -1", "max_error_rate: 1.5"]
    )
    func badObjective(entry: String) throws {
        let text = scenario(load: "  rate: 1\n  requests: 10", tail: "slo:\n  ttft_p95_ms: 500\n  \(entry)")
        let problem = try #require(onlyProblem(text))
        let key = String(entry.prefix { $0 != ":" })
        #expect(problem.field == "slo.\(key)")
        #expect(problem.line == 15)
    }

    @Test("slo must be a mapping")
    func sloNotMapping() throws {
        let problem = try #require(onlyProblem(scenario(load: "  rate: 1\n  requests: 10", tail: "slo: fast")))
        #expect(problem.field == "slo")
        #expect(problem.line == 13)
    }

    @Test("warm-up, error-rate abort and interleaved order parse")
    func levelOptions() throws {
        let parsed = try parse(scenario(
            load: "  concurrency: [1, 2]\n  requests: 100\n  warmup_requests: 5\n  warmup: 2s\n  abort_error_rate: 0.5\n  abort_window: 40\n  order: interleaved"
        ))
        #expect(parsed.load == LoadSpec(
            pattern: .closed(concurrency: [1, 2], rampSeconds: nil), requests: 100, duration: nil,
            warmupRequests: 5, warmupSeconds: 2, abort: ErrorRateAbort(threshold: 0.5, window: 40), interleaved: true
        ))
        let defaults = try parse(scenario(load: "  concurrency: 1\n  requests: 1\n  abort_error_rate: 0.2\n  order: sequential"))
        #expect(defaults.load.abort == ErrorRateAbort(threshold: 0.2, window: 20))
        #expect(defaults.load.interleaved == false)
    }

    @Test("a bad order and an abort window without a rate are refused")
    func badLevelOptions() throws {
        let order = try #require(onlyProblem(scenario(load: "  concurrency: 1\n  requests: 1\n  order: random")))
        #expect(order.description == "s.yaml:10: load.order: expected sequential or interleaved, got 'random'")
        let window = try #require(onlyProblem(scenario(load: "  concurrency: 1\n  requests: 1\n  abort_window: 10")))
        #expect(window.field == "load.abort_window")
        #expect(window.line == 10)
    }

    @Test("repeat counts runs of each level (1 by default); out of range, or with a saturation search, it is refused with its line")
    func repeats() throws {
        #expect(try parse(scenario(load: "  concurrency: [1, 2]\n  requests: 10\n  repeat: 5")).load.repeats == 5)
        #expect(try parse(scenario(load: "  concurrency: 1\n  requests: 10")).load.repeats == 1)
        let zero = try #require(onlyProblem(scenario(load: "  concurrency: 1\n  requests: 1\n  repeat: 0")))
        #expect(zero.field == "load.repeat")
        #expect(zero.line == 10)
        let search = try #require(onlyProblem(scenario(
            load: "  saturation:\n    min_rate: 1\n    max_rate: 8\n  requests: 10\n  repeat: 3", tail: "slo:\n  ttft_p99_ms: 500"
        )))
        #expect(search.description == "s.yaml:12: load.repeat: \(LoadSpec.saturationRepeatProblem)")
    }
}
