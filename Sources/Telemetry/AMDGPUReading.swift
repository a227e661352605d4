import Foundation

/// One AMD GPU as `amd-smi metric --power --usage --json` or `rocm-smi --showpower --showuse
/// --json` reports it. The tools' JSON differs by version (numbers, strings with units, or
/// `{"value", "unit"}` objects; power under several names), so fields are looked up leniently.
public struct AMDGPUReading: Sendable, Equatable {
    /// Which tool printed it.
    public enum Tool: String, Sendable, CaseIterable {
        /// `amd-smi`, ROCm 6 and later.
        case amdSMI = "amd-smi"
        /// `rocm-smi`, its predecessor.
        case rocmSMI = "rocm-smi"

        /// The arguments of one poll.
        var arguments: [String] {
            switch self {
            case .amdSMI: ["metric", "--power", "--usage", "--json"]
            case .rocmSMI: ["--showpower", "--showuse", "--json"]
            }
        }
    }

    /// GPU index (`card0` → 0).
    public var index: Int
    /// Power, watts.
    public var powerW: Double?
    /// Graphics activity, percent.
    public var utilizationPct: Double?

    /// Creates a reading.
    public init(index: Int, powerW: Double?, utilizationPct: Double?) {
        self.index = index
        self.powerW = powerW
        self.utilizationPct = utilizationPct
    }

    /// The GPUs in one poll's output; empty when it is not JSON of either tool's shape.
    public static func parse(_ data: Data, tool: Tool) -> [AMDGPUReading] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return [] }
        switch tool {
        case .rocmSMI:
            guard let cards = json as? [String: Any] else { return [] }
            return cards.compactMap { key, value -> AMDGPUReading? in
                guard key.hasPrefix("card"), let index = Int(key.dropFirst(4)), let fields = value as? [String: Any] else { return nil }
                let power = fields.first { $0.key.hasSuffix("Power (W)") }.flatMap { number($0.value) }
                let use = fields["GPU use (%)"].flatMap(number)
                return AMDGPUReading(index: index, powerW: power, utilizationPct: use)
            }.sorted { $0.index < $1.index }
        case .amdSMI:
            let list = (json as? [[String: Any]]) ?? ((json as? [String: Any])?["gpu_data"] as? [[String: Any]]) ?? []
            return list.compactMap { gpu -> AMDGPUReading? in
                guard let index = gpu["gpu"].flatMap(number).map({ Int($0) }) else { return nil }
                let power = gpu["power"] as? [String: Any]
                let watts = ["socket_power", "average_socket_power", "current_socket_power"].lazy.compactMap { power?[$0].flatMap(number) }.first
                let usage = (gpu["usage"] as? [String: Any])?["gfx_activity"].flatMap(number)
                return AMDGPUReading(index: index, powerW: watts, utilizationPct: usage)
            }
        }
    }

    /// A number, a string starting with one (`"35.0"`, `"140 W"`), or `{"value": …}`.
    static func number(_ value: Any) -> Double? {
        switch value {
        case let number as NSNumber: return number.doubleValue
        case let text as String: return Double(text.split(separator: " ").first ?? "")
        case let object as [String: Any]: return object["value"].flatMap(number)
        default: return nil
        }
    }

    /// The reading's rows.
    public var readings: [TelemetryReading] {
        let labels = PrometheusLabel.text([PrometheusLabel("gpu", String(index))])
        return [("gpu_power_w", powerW), ("gpu_util_pct", utilizationPct)].compactMap { metric, value in
            value.map { TelemetryReading(metric, labels: labels, $0) }
        }
    }

    /// Power and utilisation as signals of `provider`.
    public func signals(provider: String) -> [TelemetrySignal] {
        var signals: [TelemetrySignal] = []
        if let powerW { signals.append(.power(provider: provider, device: String(index), watts: powerW, averagedSinceNs: nil)) }
        if let utilizationPct { signals.append(.gpuUtilization(provider: provider, device: String(index), percent: utilizationPct)) }
        return signals
    }
}
