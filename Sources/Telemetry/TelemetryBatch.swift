/// What one sampler read at one moment: raw values for `telemetry.csv`, and the signals among them
/// that the level figures are computed from.
public struct TelemetryBatch: Sendable {
    /// When the values were read, monotonic nanoseconds (``MonotonicClock``).
    public var timeNs: UInt64
    /// Raw values, one `telemetry.csv` row each.
    public var readings: [TelemetryReading]
    /// The values that feed power, utilisation, queue and KV-cache figures.
    public var signals: [TelemetrySignal]

    /// Creates a batch.
    public init(timeNs: UInt64, readings: [TelemetryReading], signals: [TelemetrySignal] = []) {
        self.timeNs = timeNs
        self.readings = readings
        self.signals = signals
    }
}

/// One raw value: metric name, labels, value.
public struct TelemetryReading: Sendable, Equatable {
    /// Metric name (`gpu_power_w`, or a scraped Prometheus name).
    public var metric: String
    /// Labels as Prometheus writes them (`gpu="0"`); empty for none.
    public var labels: String
    /// The value.
    public var value: Double

    /// Creates a reading.
    public init(_ metric: String, labels: String = "", _ value: Double) {
        self.metric = metric
        self.labels = labels
        self.value = value
    }
}

/// A value with a known meaning, from whichever source reported it.
public enum TelemetrySignal: Sendable, Equatable {
    /// Power of one device (a GPU, a RAPL zone), watts. `averagedSinceNs` is set when the value is
    /// the average since that monotonic time (energy-counter differences) rather than an
    /// instantaneous reading. `provider` names the source kind: `nvidia-smi`, `rapl`, `dcgm`, …
    case power(provider: String, device: String, watts: Double, averagedSinceNs: UInt64?)
    /// Utilisation of one GPU, percent.
    case gpuUtilization(provider: String, device: String, percent: Double)
    /// Requests the engine is running.
    case requestsRunning(Double)
    /// Requests waiting in the engine's queue.
    case requestsWaiting(Double)
    /// KV-cache usage as a fraction (1 = full).
    case kvCacheUsage(Double)
}
