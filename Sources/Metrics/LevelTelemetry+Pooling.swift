extension LevelTelemetry {
    /// The telemetry of a level's repeats taken together, each given with its wall time (s):
    /// energies add up and the mean power is their sum over the summed wall time; utilisation is
    /// the wall-time-weighted mean; peaks are the highest; the idle baseline and the source are
    /// the first measured. A figure some repeat lacks is nil; nil when no repeat has telemetry.
    public static func pooled(_ parts: [(telemetry: LevelTelemetry?, durationS: Double)]) -> LevelTelemetry? {
        let measured = parts.compactMap { part in part.telemetry.map { (telemetry: $0, durationS: part.durationS) } }
        guard !measured.isEmpty else { return nil }
        let complete = measured.count == parts.count
        let totalS = measured.reduce(0) { $0 + $1.durationS }
        func sum(_ figure: (LevelTelemetry) -> Double?) -> Double? {
            let values = measured.compactMap { figure($0.telemetry) }
            return complete && values.count == measured.count ? values.reduce(0, +) : nil
        }
        func weightedMean(_ figure: (LevelTelemetry) -> Double?) -> Double? {
            let values = measured.compactMap { part in figure(part.telemetry).map { $0 * part.durationS } }
            return complete && values.count == measured.count && totalS > 0 ? values.reduce(0, +) / totalS : nil
        }
        func peak(_ figure: (LevelTelemetry) -> Double?) -> Double? {
            measured.compactMap { figure($0.telemetry) }.max()
        }
        var pooled = LevelTelemetry()
        pooled.energyJ = sum(\.energyJ)
        pooled.powerMeanW = pooled.energyJ.flatMap { totalS > 0 ? $0 / totalS : nil } ?? weightedMean(\.powerMeanW)
        pooled.powerPeakW = peak(\.powerPeakW)
        pooled.idlePowerW = measured.lazy.compactMap(\.telemetry.idlePowerW).first
        pooled.gpuUtilMeanPct = weightedMean(\.gpuUtilMeanPct)
        pooled.kvCachePeakPct = peak(\.kvCachePeakPct)
        pooled.queuePeak = peak(\.queuePeak)
        pooled.powerSource = measured.lazy.compactMap(\.telemetry.powerSource).first
        return pooled
    }
}
