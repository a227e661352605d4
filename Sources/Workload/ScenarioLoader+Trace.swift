import Foundation
import Yams

/// `workload.trace`: a timestamped trace replayed at its own arrival times, as one open-loop level.
extension ScenarioLoader {
    /// Whether the scenario's workload names a trace (then the load has no rate or concurrency).
    static func replaysTrace(_ root: YAMLFields) -> Bool {
        root.node("workload")?["trace"] != nil
    }

    /// The load fields a trace replay has no use for, each a problem: the trace sets the arrivals,
    /// so no concurrency, rate or saturation, arrival process or ramp; `requests` and `duration`
    /// cut it, `max_in_flight` caps it, and the rest of `load:` applies as to any level.
    func reportReplayMisfits(_ fields: YAMLFields, shapes: [String], into report: inout ProblemReport) {
        for shape in shapes {
            report.add(fields.field(shape), line: fields.node(shape)?.mark?.line, "workload.trace sets the arrivals: leave out concurrency, rate and saturation")
        }
        for name in ["arrival", "burstiness", "ramp"] where fields.node(name) != nil {
            report.add(fields.field(name), line: fields.node(name)?.mark?.line, "does not apply to a trace replay (the trace's timestamps are the arrivals)")
        }
    }

    /// A trace reference: the path resolved against the scenario file's folder and opened now,
    /// the format (`jsonl` by default for `.jsonl`, `azure` for `.csv`), and the window.
    func trace(_ fields: YAMLFields, file: String, into report: inout ProblemReport) -> WorkloadSpec.Source? {
        guard let path = fields.string("trace", into: &report) else { return nil }
        let resolved = path.hasPrefix("/") ? path : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        let formatName = fields.string("format", into: &report) ?? (path.hasSuffix(".csv") ? "azure" : "jsonl")
        let format = TraceFormat(rawValue: formatName)
        if format == nil {
            report.add(fields.field("format"), line: fields.node("format")?.mark?.line, "expected jsonl, mooncake or azure for a trace, got \(Self.quoted(formatName, among: TraceFormat.allCases.map(\.rawValue)))")
        }
        let speedup = fields.double("speedup", range: 0.001...1_000_000, into: &report) ?? 1
        let from = fields.seconds("from", into: &report) ?? 0
        let to = fields.seconds("to", into: &report)
        if let to, to <= from {
            report.add(fields.field("to"), line: fields.node("to")?.mark?.line, "must be after from (\(from) s), got \(to) s")
        }
        if let problem = FileAccess.problem(reading: resolved) {
            report.add(fields.field("trace"), line: fields.node("trace")?.mark?.line, problem)
            return nil
        }
        guard let format else { return nil }
        return .trace(path: resolved, format: format, window: TraceWindow(from: from, to: to, speedup: speedup))
    }
}
