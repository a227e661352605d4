/// What the hardware and the engine did while one target ran one load level: power and energy,
/// GPU utilisation, KV-cache and queue peaks. Every figure is nil when nothing measured it.
///
/// Filled in after the run from the telemetry samples that fall inside the level's measured
/// window (see ``LevelSummary/measuredWindowS``), so energy and power describe the same seconds as
/// the level's throughput: `energyJ / durationS` is the mean power.
public struct LevelTelemetry: Sendable, Equatable, Codable {
    /// Mean power over the window, watts (energy / duration).
    public var powerMeanW: Double?
    /// Highest power sample in the window, watts.
    public var powerPeakW: Double?
    /// Mean power over the run's idle baseline, from the same source, watts.
    public var idlePowerW: Double?
    /// Energy over the window, joules.
    public var energyJ: Double?
    /// Mean GPU utilisation over the window and over GPUs, percent.
    public var gpuUtilMeanPct: Double?
    /// Highest KV-cache usage the engine reported in the window, percent.
    public var kvCachePeakPct: Double?
    /// Most requests the engine reported waiting in its queue in the window.
    public var queuePeak: Double?
    /// Where the power figures come from: `nvidia-smi`, `rocm-smi`, `amd-smi`, `rapl`, `dcgm`,
    /// `node_rapl`.
    public var powerSource: String?

    /// Nothing measured.
    public init() {}

    /// Whether any figure was measured.
    public var isEmpty: Bool {
        self == LevelTelemetry()
    }

    /// Joules per output token: the window's energy over `outputTokens`; nil without energy or
    /// tokens.
    public func joulesPerToken(outputTokens: Int) -> Double? {
        guard let energyJ, outputTokens > 0 else { return nil }
        return energyJ / Double(outputTokens)
    }

    /// Watt-hours per 1,000 output tokens (1 Wh = 3,600 J).
    public func wattHoursPerThousandTokens(outputTokens: Int) -> Double? {
        joulesPerToken(outputTokens: outputTokens).map { $0 * 1000 / 3600 }
    }
}
