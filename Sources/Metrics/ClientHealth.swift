import RepatSupport

/// How hard the client itself worked during one load level, and whether it may have been the
/// bottleneck: a saturated client sends late and stamps late, so the level measures repat, not the
/// server. Recorded per level in `summary.csv` (`client_cpu_pct`, `client_saturated`, …) and in
/// `run.json`.
public struct ClientHealth: Sendable, Equatable, Codable {
    /// Limits past which a level's client counts as saturated.
    public struct Thresholds: Sendable, Equatable {
        /// Send lag p99 above this, milliseconds: requests left later than scheduled.
        public var sendLagP99Ms: Double
        /// Client CPU above this, percent of one core.
        public var cpuPercent: Double

        /// The defaults: 5 ms of send lag at p99, 80% of a core.
        public init(sendLagP99Ms: Double = 5, cpuPercent: Double = 80) {
            self.sendLagP99Ms = sendLagP99Ms
            self.cpuPercent = cpuPercent
        }
    }

    /// Client CPU time (user + system) over the level, seconds; an in-process simulator's threads
    /// are not counted.
    public var cpuSeconds: Double
    /// The level's wall time that CPU time was measured over, seconds.
    public var wallSeconds: Double
    /// Client CPU as a percentage of one core (`cpuSeconds / wallSeconds × 100`; above 100 when
    /// several client threads were busy at once).
    public var cpuPercent: Double
    /// Send lag (actual minus scheduled send time) at p99, milliseconds; nil without requests.
    public var sendLagP99Ms: Double?
    /// Send lag at p99.9, milliseconds; nil without requests.
    public var sendLagP999Ms: Double?
    /// Share of the client ceiling the level reached (1 = at the ceiling); nil when no ceiling has
    /// been measured (`repat selfbench`).
    public var ceilingFraction: Double?
    /// Whether the client was saturated: a limit of ``Thresholds`` was passed.
    public var saturated: Bool
    /// One phrase per limit passed (`send lag p99 7.200 ms > 5 ms`: the measured figure as every
    /// output shows it, the limit as set); empty when not saturated.
    public var reasons: [String]

    /// Assesses a level from its measured figures against `thresholds`.
    /// - Parameters:
    ///   - cpuSeconds: client CPU seconds over the level.
    ///   - wallSeconds: the level's wall time, seconds.
    ///   - sendLag: the level's send-lag distribution.
    ///   - ceilingFraction: share of the measured client ceiling reached, or nil when unmeasured.
    public init(
        cpuSeconds: Double, wallSeconds: Double, sendLag: LatencyDistribution, ceilingFraction: Double?,
        thresholds: Thresholds = Thresholds()
    ) {
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        cpuPercent = wallSeconds > 0 ? cpuSeconds * 100 / wallSeconds : 0
        sendLagP99Ms = sendLag.percentileMs(99)
        sendLagP999Ms = sendLag.percentileMs(99.9)
        self.ceilingFraction = ceilingFraction
        var reasons: [String] = []
        if let lag = sendLagP99Ms, lag > thresholds.sendLagP99Ms {
            reasons.append("send lag p99 \(CSVField.fixed3(lag)) ms > \(Self.format(thresholds.sendLagP99Ms)) ms")
        }
        if cpuPercent > thresholds.cpuPercent {
            reasons.append("client CPU \(Self.format(cpuPercent))% > \(Self.format(thresholds.cpuPercent))% of a core")
        }
        self.reasons = reasons
        saturated = !reasons.isEmpty
    }

    /// The line a run logs once, at its start, when no client ceiling has been measured (each
    /// level's ``summaryLine`` then leaves the ceiling out).
    public static let ceilingNotMeasuredNote =
        "client ceiling not measured: run `repat selfbench` once to see each level's share of it"

    /// One line for the terminal: CPU, ceiling share when measured, and the saturation verdict
    /// with its reasons.
    public var summaryLine: String {
        var line = "client CPU \(Self.format(cpuPercent))% of a core"
        if let ceilingFraction {
            line += ", \(Self.format(ceilingFraction * 100))% of the client ceiling"
        }
        if saturated { line += "; CLIENT SATURATED: " + reasons.joined(separator: "; ") }
        return line
    }

    /// Two decimals at most, without trailing zeros (`5`, `7.2`, `0.35`).
    private static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
