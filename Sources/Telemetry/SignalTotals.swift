import Results

/// The signals of one batch folded into one value per quantity: power summed over a provider's
/// devices, utilisation averaged over its GPUs, requests summed over an engine's models, KV-cache
/// usage at its fullest. What the level figures are computed from, and what `telemetry.csv`
/// records under ``TelemetryCSV/DerivedMetric`` names.
struct SignalTotals {
    /// Total power per provider, with the start of the averaging interval when averaged.
    var power: [(provider: String, watts: Double, averagedSinceNs: UInt64?)] = []
    /// Mean GPU utilisation per provider, percent.
    var utilization: [(provider: String, percent: Double)] = []
    /// Requests running, summed.
    var running: Double?
    /// Requests waiting, summed.
    var waiting: Double?
    /// KV-cache usage, the highest fraction reported.
    var kvCache: Double?

    init(_ signals: [TelemetrySignal]) {
        var utilizationSums: [(provider: String, total: Double, count: Int)] = []
        for signal in signals {
            switch signal {
            case .power(let provider, _, let watts, let since):
                if let index = power.firstIndex(where: { $0.provider == provider }) {
                    power[index].watts += watts
                } else {
                    power.append((provider, watts, since))
                }
            case .gpuUtilization(let provider, _, let percent):
                if let index = utilizationSums.firstIndex(where: { $0.provider == provider }) {
                    utilizationSums[index].total += percent
                    utilizationSums[index].count += 1
                } else {
                    utilizationSums.append((provider, percent, 1))
                }
            case .requestsRunning(let value): running = (running ?? 0) + value
            case .requestsWaiting(let value): waiting = (waiting ?? 0) + value
            case .kvCacheUsage(let fraction): kvCache = max(kvCache ?? fraction, fraction)
            }
        }
        utilization = utilizationSums.map { ($0.provider, $0.total / Double($0.count)) }
    }

    /// The totals as `telemetry.csv` readings.
    var readings: [TelemetryReading] {
        var readings = power.map { TelemetryReading(TelemetryCSV.DerivedMetric.power.rawValue, labels: "provider=\"\($0.provider)\"", $0.watts) }
        readings += utilization.map { TelemetryReading(TelemetryCSV.DerivedMetric.gpuUtilization.rawValue, labels: "provider=\"\($0.provider)\"", $0.percent) }
        if let running { readings.append(TelemetryReading(TelemetryCSV.DerivedMetric.requestsRunning.rawValue, running)) }
        if let waiting { readings.append(TelemetryReading(TelemetryCSV.DerivedMetric.requestsWaiting.rawValue, waiting)) }
        if let kvCache { readings.append(TelemetryReading(TelemetryCSV.DerivedMetric.kvCacheUsage.rawValue, kvCache * 100)) }
        return readings
    }
}
