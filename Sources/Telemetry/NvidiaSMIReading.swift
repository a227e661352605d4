import Foundation

/// One GPU in one line of `nvidia-smi --query-gpu=index,name,power.draw,utilization.gpu,
/// memory.used,clocks.sm,temperature.gpu --format=csv,noheader,nounits`. A field the GPU does not
/// report (`[N/A]`, `[Not Supported]`) is nil.
public struct NvidiaSMIReading: Sendable, Equatable {
    /// The `--query-gpu` fields asked for, in order.
    public static let query = "index,name,power.draw,utilization.gpu,memory.used,clocks.sm,temperature.gpu"

    /// GPU index.
    public var index: Int
    /// Product name.
    public var name: String
    /// Power draw, watts.
    public var powerW: Double?
    /// Utilisation, percent.
    public var utilizationPct: Double?
    /// Memory used, MiB.
    public var memoryUsedMiB: Double?
    /// SM clock, MHz.
    public var smClockMHz: Double?
    /// Temperature, °C.
    public var temperatureC: Double?

    /// Reads one output line; nil when it is not a GPU line (a message such as "No devices were
    /// found", or a header).
    public init?(line: Substring) {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count >= 7, let index = Int(fields[0]) else { return nil }
        let numbers = fields.suffix(5).map { Double($0) }
        self.index = index
        name = fields[1..<(fields.count - 5)].joined(separator: ", ")
        powerW = numbers[0]
        utilizationPct = numbers[1]
        memoryUsedMiB = numbers[2]
        smClockMHz = numbers[3]
        temperatureC = numbers[4]
    }

    /// Labels for `telemetry.csv`.
    public var labels: String {
        PrometheusLabel.text([PrometheusLabel("gpu", String(index)), PrometheusLabel("name", name)])
    }

    /// The reading's rows: one per reported field.
    public var readings: [TelemetryReading] {
        let fields: [(String, Double?)] = [
            ("gpu_power_w", powerW), ("gpu_util_pct", utilizationPct), ("gpu_memory_used_mib", memoryUsedMiB),
            ("gpu_sm_clock_mhz", smClockMHz), ("gpu_temperature_c", temperatureC),
        ]
        return fields.compactMap { metric, value in value.map { TelemetryReading(metric, labels: labels, $0) } }
    }

    /// Power and utilisation as signals of `provider`.
    public func signals(provider: String) -> [TelemetrySignal] {
        var signals: [TelemetrySignal] = []
        if let powerW { signals.append(.power(provider: provider, device: String(index), watts: powerW, averagedSinceNs: nil)) }
        if let utilizationPct { signals.append(.gpuUtilization(provider: provider, device: String(index), percent: utilizationPct)) }
        return signals
    }

    /// Groups readings into sampling ticks as lines arrive, however the reads split them:
    /// `nvidia-smi` prints every GPU once per tick, so a repeated index starts a new tick, and
    /// once the number of GPUs is known a tick is complete as soon as it has them all.
    public struct TickAssembler: Sendable {
        private var current: [NvidiaSMIReading] = []
        private var gpuCount: Int?

        /// An assembler that has seen nothing yet.
        public init() {}

        /// Adds the readings of one read, in order; returns the ticks they complete.
        public mutating func add(_ readings: [NvidiaSMIReading]) -> [[NvidiaSMIReading]] {
            var ticks: [[NvidiaSMIReading]] = []
            for reading in readings {
                if current.contains(where: { $0.index == reading.index }) {
                    gpuCount = gpuCount ?? current.count
                    ticks.append(current)
                    current = []
                }
                current.append(reading)
                if let gpuCount, current.count == gpuCount {
                    ticks.append(current)
                    current = []
                }
            }
            return ticks
        }
    }
}
