import CurlTransport
import Dialects
import Foundation
import RepatSupport
import Workload

/// Checks before a run that each remote target answers at all, so a wrong host or port fails in
/// a second with a clear line instead of filling a results file with connection errors.
public enum Preflight {
    /// Sends each non-simulated target's model-listing request (or, for an API without one, a
    /// `GET` of its base URL). Any HTTP response counts as reachable (authentication is the run's
    /// business); a transport failure is a problem located at the target's `base_url`.
    public static func checkReachable(_ plan: RunPlan, transport: CurlTransport) async -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        for (index, target) in plan.targets.enumerated() where !target.spec.isSimulated {
            guard let request = target.reachabilityRequest else { continue }
            let options = TransferOptions(
                connectTimeoutMs: min(target.options.connectTimeoutMs, 10_000), totalTimeoutMs: 15_000,
                idleTimeoutSeconds: 0, httpVersion: target.options.httpVersion
            )
            do {
                _ = try await target.fetch(request, transport: transport, options: options, limit: 0)
            } catch {
                let reason = target.redactor.redact("\(error)")
                problems.append(plan.scenario.problem(
                    at: "targets[\(index)].base_url",
                    "target '\(target.spec.name)' is unreachable at \(URLRedaction.stripCredentials(target.baseURL)) (\(reason))"
                ))
            }
        }
        return problems
    }

    /// A problem line when results cannot be written under `root` (checked by creating and
    /// removing a probe file), else nil.
    public static func checkWritable(_ root: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            return "results folder \(root) cannot be created: \(error.localizedDescription)"
        }
        let probe = (root as NSString).appendingPathComponent(".repat-write-check-\(getpid())")
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            return "results folder \(root) is not writable"
        }
        unlink(probe)
        return nil
    }

    /// Raises the soft open-files limit (`ulimit -n`) towards what the plan may need: one
    /// connection per request in flight (``peakInFlight(_:)``), plus headroom. Returns a warning
    /// line when the hard limit is too low, else nil.
    public static func raiseFileLimit(for plan: RunPlan) -> String? {
        let peak = peakInFlight(plan)
        let needed = rlim_t(peak + 256)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < needed else { return nil }
        let wanted = min(needed, limit.rlim_max)
        var raised = limit
        raised.rlim_cur = wanted
        if setrlimit(resource, &raised) == 0, wanted >= needed { return nil }
        return "warning: open-files limit is \(min(wanted, limit.rlim_cur)) (hard limit \(limit.rlim_max)); "
            + "this plan may hold up to \(CountPhrase.text(peak, "connection")) at once: raise ulimit -n"
    }

    /// Requests the plan may hold in flight at once: the most of any of its levels (for a
    /// saturation search, its fastest probe), each by ``peakInFlight(_:requestTimeoutS:)`` with
    /// the longest request timeout of its targets.
    static func peakInFlight(_ plan: RunPlan) -> Int {
        let timeout = plan.targets.map(\.spec.requestTimeout).max() ?? 600
        let levels = plan.search.map { [plan.openLevel(rate: $0.maxRate, probe: 0)] } ?? plan.levels
        return levels.map { peakInFlight($0, requestTimeoutS: timeout) }.max() ?? 0
    }

    /// Requests one level may hold in flight at once: closed loop, its concurrency; open loop,
    /// its `max_in_flight`, or else its rate × the request timeout (the most that can be sent
    /// before the first must have ended); never more than its request limit.
    static func peakInFlight(_ level: LoadLevel, requestTimeoutS: Double) -> Int {
        var peak: Double
        switch level.pattern {
        case .closed(let concurrency, _):
            peak = Double(concurrency)
        case .open(let rate, _, let maxInFlight):
            peak = (rate * requestTimeoutS).rounded(.up)
            if let maxInFlight { peak = min(peak, Double(maxInFlight)) }
        case .fixed(let schedule, let maxInFlight):
            peak = Double(TraceReplay.mostArrivals(schedule.offsets, within: requestTimeoutS))
            if let maxInFlight { peak = min(peak, Double(maxInFlight)) }
        }
        if let requests = level.requestLimit { peak = min(peak, Double(requests)) }
        return Int(max(0, min(peak, 1_000_000)))
    }
}
