import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Metrics
import Results
import Testing
import Workload

/// `load.rate` as a profile: one level whose rate changes step by step, each step summarised apart.
@Suite("rate profiles")
struct RateProfileTests {
    @Test("steps become one schedule: each step's arrivals at its rate within its own span, step starts marked")
    func stepsSchedule() {
        let profile = RateProfile(steps: [.init(seconds: 2, rate: 5), .init(seconds: 1, rate: 0), .init(seconds: 2, rate: 20)])
        let schedule = FixedSchedule.profile(profile, arrival: .constant, seed: 3, requestLimit: nil, durationLimit: nil)
        #expect(schedule.offsets.count == 10 + 0 + 40)
        #expect(schedule.offsets.prefix(10).allSatisfy { $0 < 2_000_000_000 })
        #expect(schedule.offsets.dropFirst(10).allSatisfy { $0 >= 3_000_000_000 && $0 < 5_000_000_000 }, "the silent step sends nothing")
        #expect(schedule.steps.map(\.startNs) == [0, 2_000_000_000, 3_000_000_000])
        #expect(schedule.steps.map(\.name) == ["step 1 (5 req/s, 2 s)", "step 2 (0 req/s, 1 s)", "step 3 (20 req/s, 2 s)"])
        #expect(schedule.spanNs == 5_000_000_000 && schedule.label == "profile")
        #expect(schedule.step(at: 2_500_000_000) == 1 && schedule.step(at: 4_000_000_000) == 2)
        let cut = FixedSchedule.profile(profile, arrival: .constant, seed: 3, requestLimit: nil, durationLimit: 2.5)
        #expect(cut.offsets.count == 10 && cut.steps.count == 2 && cut.spanNs == 2_500_000_000)
        #expect(cut.description.hasSuffix("(cut to the level's limits: 2 of 3 steps)"))
    }

    @Test("24 hourly weights compressed into a duration keep the day's shape and its mean rate")
    func hourlyWeights() {
        let weights = (0..<24).map { $0 >= 8 && $0 < 18 ? 3.0 : 1.0 }
        let profile = RateProfile(hourlyWeights: weights, meanRate: 10, seconds: 240)
        #expect(profile.steps.count == 24 && profile.steps.allSatisfy { $0.seconds == 10 })
        let mean = profile.steps.map(\.rate).reduce(0, +) / 24
        #expect(abs(mean - 10) < 1e-9)
        #expect(abs(profile.steps[9].rate / profile.steps[2].rate - 3) < 1e-9)
    }

    @Test("a profile run is one level whose steps are summarised in run.json and in the log")
    func profileRun() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "profile", targets: simulatedTarget("a"),
            load: ["rate:", "  steps: [{duration: 1s, rate: 8}, {duration: 1s, rate: 24}]", "arrival: constant"]
        )
        let (report, log) = try await runBenchmark(yaml, in: folder)
        #expect(report.summaries.map(\.loadLevel) == ["profile"])
        #expect(report.summaries[0].requests == 32)
        #expect(report.summaries[0].steps.map(\.requests) == [8, 24])
        #expect(log.contains { $0.contains("rate profile of 2 steps over 2 s, 32 requests constant") }, "\(log)")
        #expect(log.contains { $0.hasPrefix("a profile step 2 (24 req/s, 1 s): 24 requests") }, "\(log)")
        let metadata = try readRunJSON(report.directory)
        let levels = try #require(metadata["levels"] as? [[String: Any]])
        let steps = try #require(levels.first?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["load_level"] as? String } == ["profile step 1 (8 req/s, 1 s)", "profile step 2 (24 req/s, 1 s)"])
        #expect(steps.map { $0["requests"] as? Int } == [8, 24])
    }

    @Test("a profile without steps or weights, or weights without mean_rate, is refused at its line")
    func refused() throws {
        for (load, message) in [
            (["rate: {mean_rate: 3}"], "load.rate: a rate profile has steps"),
            (["rate: {hourly_weights: [1, 2], mean_rate: 3, duration: 1m}"], "load.rate.hourly_weights: expected 24 weights (hour 0 to 23), got 2"),
            (["rate: {steps: [{duration: 1s}]}"], "load.rate.steps[0].rate: required field is missing"),
        ] {
            let yaml = scenarioYAML(name: "bad", targets: simulatedTarget("a"), load: load)
            do {
                _ = try makePlan(yaml)
                Issue.record("\(load) must be refused")
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
    }
}
