import LoadGen
import RepatSupport
import Workload

/// How long a whole run should take, from its plan alone: the line `repat run` logs before its
/// first level. Each level lasts its duration limit, or for open loop the time its requests take
/// to be sent at its rate, whichever is shorter; a closed-loop level bounded by requests alone
/// takes as long as the server needs, so then the total is unknown. Not counted: simulator start,
/// calibration, the telemetry idle baseline, and the last responses of each level finishing.
struct RunEstimate: Equatable {
    /// Level runs in the plan: load levels × targets, or for a search its most probes × targets.
    var levelRuns: Int
    /// Seconds for all of them; nil when some level's length depends on the server's speed.
    var seconds: Double?
    /// Whether ``seconds`` is an upper bound (levels that may end before their duration limit:
    /// closed loop with a request limit too, or a search that may stop early) rather than an estimate.
    var isUpperBound: Bool

    /// The estimate for `plan`.
    init(_ plan: RunPlan) {
        let targets = plan.drivenTargets.count
        if let search = plan.search {
            // The bounds first, then up to `steps` bisections, each at some rate ≥ min_rate.
            let probe = plan.openLevel(rate: search.minRate, probe: 0)
            let runs = (search.steps + 2) * targets
            levelRuns = runs
            seconds = Self.levelSeconds(probe).map { $0 * Double(runs) }
            isUpperBound = true
            return
        }
        levelRuns = plan.levels.count * targets
        var total = 0.0
        var known = true
        var upperBound = false
        for level in plan.levels {
            guard let levelSeconds = Self.levelSeconds(level) else {
                known = false
                continue
            }
            total += levelSeconds * Double(targets)
            if case .closed = level.pattern, level.requestLimit != nil { upperBound = true }
        }
        seconds = known ? total : nil
        isUpperBound = upperBound
    }

    /// Seconds one level lasts: the shorter of its duration limit and, open loop, its request
    /// limit over its rate; nil for a closed loop bounded by requests alone.
    static func levelSeconds(_ level: LoadLevel) -> Double? {
        var candidates: [Double] = []
        if let duration = level.durationLimit { candidates.append(duration) }
        if case .open(let rate, _, _) = level.pattern, let requests = level.requestLimit, rate > 0 {
            candidates.append(Double(requests) / rate)
        }
        if case .fixed(let schedule, _) = level.pattern { candidates.append(Double(schedule.spanNs) / 1e9) }
        return candidates.min()
    }

    /// `estimated run time: about 6 min (6 level runs: 3 load levels × 2 targets; …)`.
    func line(loadLevels: Int?, targets: Int) -> String {
        let runs = loadLevels.map {
            "\(CountPhrase.text(levelRuns, "level run")): \(CountPhrase.text($0, "load level")) × \(CountPhrase.text(targets, "target"))"
        } ?? "\(CountPhrase.text(levelRuns, "level run")) at most: saturation probes × \(CountPhrase.text(targets, "target"))"
        guard let seconds else {
            return "estimated run time: unknown (\(runs)); closed-loop levels limited by request count alone "
                + "take as long as the server needs (set load.duration for an estimate)"
        }
        return "estimated run time: \(isUpperBound ? "at most" : "about") \(Self.text(seconds)) (\(runs); "
            + "assumes each level lasts its duration limit, or sends its requests at its rate, and responses end promptly; "
            + "simulator start, calibration and telemetry baseline not counted)"
    }

    /// `45 s`, `3 min 20 s`, `2 h 5 min`.
    static func text(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s" }
        let minutes = (whole + 59) / 60
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }
}

extension RunPlan {
    /// The estimated-run-time line for this plan (see ``RunEstimate``).
    var estimateLine: String {
        RunEstimate(self).line(loadLevels: search == nil ? levels.count : nil, targets: targets.count)
    }
}
