import Metrics

/// The series the level figures are computed from, per source: power and GPU utilisation per
/// provider, and the engine's running and waiting requests and KV-cache usage. Times are seconds
/// since the run started.
struct TelemetryStore {
    /// A source's provider, e.g. the `dcgm` values of one scrape URL.
    struct Key: Hashable {
        var source: String
        var provider: String
    }

    /// Power providers, most trusted first: datacentre GPU tooling, then the vendors' command-line
    /// tools, then CPU energy counters.
    static let providerPriority = ["dcgm", "nvidia-smi", "amd-smi", "rocm-smi", "node_rapl", "rapl"]

    private(set) var power: [Key: TelemetrySeries] = [:]
    private(set) var utilization: [Key: TelemetrySeries] = [:]
    private(set) var running: [String: TelemetrySeries] = [:]
    private(set) var waiting: [String: TelemetrySeries] = [:]
    private(set) var kvCache: [String: TelemetrySeries] = [:]
    private var scopes: [String: TelemetryScope] = [:]
    private var tolerances: [String: Double] = [:]

    /// Declares a source: which targets it describes and its sampling interval (seconds), which
    /// sets how far a window may reach past its samples.
    mutating func register(source: String, scope: TelemetryScope, intervalS: Double) {
        scopes[source] = scope
        tolerances[source] = max(0.25, intervalS * 1.5)
    }

    /// Adds one batch's totals, read at `time` (seconds since the run started); `secondsSince`
    /// turns monotonic nanoseconds into the same scale.
    mutating func add(_ totals: SignalTotals, source: String, time: Double, secondsSince: (UInt64) -> Double) {
        for entry in totals.power {
            let key = Key(source: source, provider: entry.provider)
            let shape: TelemetrySeries.Shape = entry.averagedSinceNs == nil ? .instantaneous : .intervalAverages
            power[key, default: TelemetrySeries(shape: shape)].append(time: time, value: entry.watts, since: entry.averagedSinceNs.map(secondsSince))
        }
        for entry in totals.utilization {
            utilization[Key(source: source, provider: entry.provider), default: TelemetrySeries(shape: .instantaneous)].append(time: time, value: entry.percent)
        }
        if let value = totals.running { running[source, default: TelemetrySeries(shape: .instantaneous)].append(time: time, value: value) }
        if let value = totals.waiting { waiting[source, default: TelemetrySeries(shape: .instantaneous)].append(time: time, value: value) }
        if let value = totals.kvCache { kvCache[source, default: TelemetrySeries(shape: .instantaneous)].append(time: time, value: value) }
    }

    /// The figures of `target` over `window`, with idle power over `idle` (both in seconds since
    /// the run started). Power comes from the closest source that covers the whole window: the
    /// target's own, then shared, then this machine's (when `isLocal`), by provider priority.
    func levelTelemetry(target: String, isLocal: Bool, window: ClosedRange<Double>, idle: ClosedRange<Double>?) -> LevelTelemetry {
        var figures = LevelTelemetry()
        let duration = window.upperBound - window.lowerBound
        for (key, series) in ranked(power, target: target, isLocal: isLocal) {
            let tolerance = tolerances[key.source] ?? 1
            guard let energy = series.integral(over: window, tolerance: tolerance) else { continue }
            figures.energyJ = energy
            figures.powerMeanW = duration > 0 ? energy / duration : series.value(at: window.lowerBound)
            figures.powerPeakW = series.peak(over: window, tolerance: tolerance)
            figures.idlePowerW = idle.flatMap { series.mean(over: $0, tolerance: tolerance) }
            figures.powerSource = key.provider
            break
        }
        for (key, series) in ranked(utilization, target: target, isLocal: isLocal) {
            guard let mean = series.mean(over: window, tolerance: tolerances[key.source] ?? 1) else { continue }
            figures.gpuUtilMeanPct = mean
            break
        }
        let engines = scopes.filter { $0.value.rank(for: target, isLocal: isLocal) != nil && $0.value != .local }.map(\.key)
        figures.queuePeak = engines.compactMap { waiting[$0]?.highestSample(in: window) }.max()
        figures.kvCachePeakPct = engines.compactMap { kvCache[$0]?.highestSample(in: window) }.max().map { $0 * 100 }
        return figures
    }

    /// Mean power over `window` per provider, for the run's idle figure in `run.json`; where
    /// several sources share a provider, the first by name.
    func meanPower(over window: ClosedRange<Double>) -> [String: Double] {
        var means: [String: Double] = [:]
        for key in power.keys.sorted(by: { $0.source < $1.source }) where means[key.provider] == nil {
            if let mean = power[key]?.mean(over: window, tolerance: tolerances[key.source] ?? 1) { means[key.provider] = mean }
        }
        return means
    }

    /// Series of `target`'s applicable sources, closest scope first, then provider priority.
    private func ranked(_ series: [Key: TelemetrySeries], target: String, isLocal: Bool) -> [(Key, TelemetrySeries)] {
        series.compactMap { key, value -> (rank: Int, key: Key, series: TelemetrySeries)? in
            guard let rank = scopes[key.source]?.rank(for: target, isLocal: isLocal) else { return nil }
            return (rank, key, value)
        }
        .sorted { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            let left = Self.providerPriority.firstIndex(of: lhs.key.provider) ?? Self.providerPriority.count
            let right = Self.providerPriority.firstIndex(of: rhs.key.provider) ?? Self.providerPriority.count
            return left != right ? left < right : lhs.key.source < rhs.key.source
        }
        .map { ($0.key, $0.series) }
    }
}
