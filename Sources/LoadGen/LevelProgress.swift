import Metrics
import RepatSupport

/// A load level in progress, as the live progress line shows it.
public struct LevelProgress: Sendable {
    /// Target name.
    public var target: String
    /// Level label, with the repeat when the level runs more than once (`c8 repeat 2`).
    public var loadLevel: String
    /// Workload items started so far, warm-up included (an agent task or a pipeline task counts once).
    public var done: Int
    /// Items planned, when the level is bounded by count.
    public var total: Int?
    /// Failed requests so far.
    public var errors: Int
    /// Seconds since the level started.
    public var elapsedS: Double
    /// Seconds left, estimated from the pace so far or from the duration limit.
    public var etaS: Double?
    /// Successful requests per second so far.
    public var requestsPerSecond: Double
    /// Output tokens per second so far.
    public var outputTokensPerSecond: Double
    /// Median TTFT so far, ms.
    public var ttftP50Ms: Double?

    /// A snapshot of `summary` at `elapsedS` into `level`.
    public init(summary: LevelSummary, level: LoadLevel, elapsedS: Double) {
        target = summary.target
        loadLevel = summary.loadLevel + (summary.repetition.map { " repeat \($0)" } ?? "")
        done = summary.items
        if case .fixed(let schedule, _) = level.pattern {
            total = schedule.offsets.count
        } else {
            total = level.requestLimit
        }
        errors = summary.failed
        self.elapsedS = elapsedS
        requestsPerSecond = summary.requestsPerSecond
        outputTokensPerSecond = summary.outputTokensPerSecond
        ttftP50Ms = summary.ttft.percentileMs(50)
        var estimates: [Double] = []
        if let total = level.requestLimit, done > 0 { estimates.append(elapsedS / Double(done) * Double(max(0, total - done))) }
        if let duration = level.durationLimit { estimates.append(max(0, duration - elapsedS)) }
        if case .fixed(let schedule, _) = level.pattern { estimates.append(max(0, Double(schedule.spanNs) / 1e9 - elapsedS)) }
        etaS = estimates.min()
    }

    /// One line: `engine r6: 31/60 done, 12.3 s, ETA 11 s, 3.904 req/s, 470.112 tok/s, TTFT p50
    /// 30.812 ms, 0 errors` (figures with three decimals, as the final table prints them).
    public var line: String {
        let count = total.map { "\(done)/\($0)" } ?? "\(done)"
        let eta = etaS.map { ", ETA \(Int($0.rounded())) s" } ?? ""
        let ttft = ttftP50Ms.map { "\(CSVField.fixed3($0)) ms" } ?? "-"
        return "\(target) \(loadLevel): \(count) done, \(Self.format(elapsedS, 1)) s\(eta), "
            + "\(CSVField.fixed3(requestsPerSecond)) req/s, \(CSVField.fixed3(outputTokensPerSecond)) tok/s, "
            + "TTFT p50 \(ttft), \(CountPhrase.text(errors, "error"))"
    }

    private static func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return decimals == 0 ? String(Int(rounded)) : String(rounded)
    }
}
