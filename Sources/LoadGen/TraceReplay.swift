import Foundation
import RepatSupport
import Workload

/// A trace read for replay: the window's requests and the level's fixed schedule of their send
/// times, cut to the level's request and duration limits.
struct TraceReplay {
    /// The requests sent, in order.
    var requests: [TraceRequest]
    /// Their send times, with the level's label and start line.
    var schedule: FixedSchedule

    /// No trace.
    static let none = TraceReplay(requests: [], schedule: FixedSchedule(offsets: [], spanNs: 0, label: "trace", description: ""))

    private init(requests: [TraceRequest], schedule: FixedSchedule) {
        self.requests = requests
        self.schedule = schedule
    }

    /// Reads the trace at `path` and keeps the part `window` and `load`'s limits allow.
    /// - Throws: ``TraceReader/Problem`` naming the file and line, or the empty window.
    init(path: String, format: TraceFormat, window: TraceWindow, load: LoadSpec) throws(TraceReader.Problem) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TraceReader.Problem(description: "\(path): cannot read the trace")
        }
        var timed = window.schedule(try TraceReader.requests(text, format: format, file: path))
        guard !timed.isEmpty else {
            throw TraceReader.Problem(description: "\(path): no request between from \(window.from) s and to \(window.to.map { "\($0) s" } ?? "the end")")
        }
        let inWindow = timed.count
        if let duration = load.duration { timed = timed.filter { Double($0.offsetNs) < duration * 1e9 } }
        if let limit = load.requests { timed = Array(timed.prefix(limit)) }
        requests = timed.map(\.request)
        let offsets = timed.map(\.offsetNs)
        let speedup = window.speedup
        let span = Double(offsets.last ?? 0) / 1e9
        var description = "trace replay, \(CountPhrase.text(offsets.count, "request")) over \(String(format: "%.3f", span)) s" + (speedup == 1 ? "" : " at \(speedup)x speed")
        if offsets.count < inWindow { description += " (cut to the level's limits: \(offsets.count) of the window's \(inWindow))" }
        schedule = FixedSchedule(
            offsets: offsets, spanNs: offsets.last ?? 0,
            label: speedup == 1 ? "trace" : "trace-x\(speedup == speedup.rounded() ? String(Int(speedup)) : String(speedup))",
            description: description
        )
    }

    /// The most arrivals of `offsets` (sorted) inside any span of `seconds`.
    static func mostArrivals(_ offsets: [UInt64], within seconds: Double) -> Int {
        let span = UInt64(max(0, seconds) * 1e9)
        var most = 0
        var first = 0
        for (last, offset) in offsets.enumerated() {
            while offsets[first] + span < offset { first += 1 }
            most = max(most, last - first + 1)
        }
        return most
    }
}
