import Foundation
import Workload

/// A trace read for replay: the window's requests with their send times, cut to the level's
/// request and duration limits.
struct TraceReplay {
    /// The requests sent, in order.
    var requests: [TraceRequest]
    /// Their intended send times, ns into the level.
    var offsets: [UInt64]
    /// Requests in the window before the level's limits cut it.
    var traceRequests: Int
    /// The time scale.
    var speedup: Double

    /// No trace.
    static let none = TraceReplay(requests: [], offsets: [], traceRequests: 0, speedup: 1)

    private init(requests: [TraceRequest], offsets: [UInt64], traceRequests: Int, speedup: Double) {
        self.requests = requests
        self.offsets = offsets
        self.traceRequests = traceRequests
        self.speedup = speedup
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
        var schedule = window.schedule(try TraceReader.requests(text, format: format, file: path))
        guard !schedule.isEmpty else {
            throw TraceReader.Problem(description: "\(path): no request between from \(window.from) s and to \(window.to.map { "\($0) s" } ?? "the end")")
        }
        traceRequests = schedule.count
        if let duration = load.duration { schedule = schedule.filter { Double($0.offsetNs) < duration * 1e9 } }
        if let limit = load.requests { schedule = Array(schedule.prefix(limit)) }
        requests = schedule.map(\.request)
        offsets = schedule.map(\.offsetNs)
        speedup = window.speedup
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
