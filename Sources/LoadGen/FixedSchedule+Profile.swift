import Foundation
import RepatSupport
import Workload

extension FixedSchedule {
    /// The send times of `profile`: each step's arrivals drawn from `arrival` at its rate over its
    /// duration (seeded by `seed` and the step's number, so every target gets the same times), one
    /// step after another; cut at `durationLimit` seconds and after `requestLimit` requests.
    public static func profile(_ profile: RateProfile, arrival: ArrivalProcess, seed: UInt64, requestLimit: Int?, durationLimit: Double?) -> FixedSchedule {
        var offsets: [UInt64] = []
        var steps: [Step] = []
        var start: UInt64 = 0
        for (number, step) in profile.steps.enumerated() {
            let length = UInt64((step.seconds * 1e9).rounded())
            var generator = SeededGenerator(seed: seed, stream: UInt64(number))
            let times = arrival.schedule(rate: step.rate, count: nil, durationNs: length, seed: generator.next())
            offsets += times.map { start + $0 }
            steps.append(Step(name: "step \(number + 1) (\(Self.rate(step.rate)) req/s, \(Self.seconds(step.seconds)) s)", startNs: start))
            start += length
        }
        var spanNs = start
        if let durationLimit {
            let limit = UInt64((durationLimit * 1e9).rounded())
            offsets = offsets.filter { $0 < limit }
            spanNs = min(spanNs, limit)
            steps = steps.filter { $0.startNs < limit }
        }
        if let requestLimit { offsets = Array(offsets.prefix(requestLimit)) }
        let total = profile.steps.count
        var description = "rate profile of \(CountPhrase.text(total, "step")) over \(Self.seconds(profile.seconds)) s, \(CountPhrase.text(offsets.count, "request")) \(arrival.name)"
        if steps.count < total || spanNs < start { description += " (cut to the level's limits: \(steps.count) of \(total) steps)" }
        return FixedSchedule(offsets: offsets, spanNs: spanNs, label: "profile", description: description, steps: steps)
    }

    private static func rate(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
