import Foundation

/// One RAPL power zone under `/sys/class/powercap` (`intel-rapl:0` package-0, `intel-rapl:0:0`
/// dram, …): a microjoule energy counter that wraps at `max_energy_range_uj`.
public struct RAPLZone: Sendable, Equatable {
    /// The folder name, `intel-rapl:0:1`.
    public var id: String
    /// The zone's `name`: `package-0`, `core`, `uncore`, `dram`, `psys`.
    public var name: String
    /// The counter's folder.
    public var path: String
    /// The counter's range, microjoules: it wraps to 0 past this value.
    public var maxEnergyRangeUJ: UInt64

    /// Creates a zone.
    public init(id: String, name: String, path: String, maxEnergyRangeUJ: UInt64) {
        self.id = id
        self.name = name
        self.path = path
        self.maxEnergyRangeUJ = maxEnergyRangeUJ
    }

    /// Whether the zone counts towards the host's CPU power: packages and DRAM. Core and uncore
    /// are parts of their package, and psys overlaps everything, so they are recorded but not
    /// added.
    public var countsTowardsTotal: Bool {
        name.hasPrefix("package") || name == "dram"
    }

    /// Labels for `telemetry.csv`.
    public var labels: String {
        PrometheusLabel.text([PrometheusLabel("zone", id), PrometheusLabel("name", name)])
    }

    /// Microjoules consumed between two readings of a counter with range `maxEnergyRangeUJ`,
    /// allowing for one wrap-around between them.
    public static func delta(from previous: UInt64, to current: UInt64, maxEnergyRangeUJ: UInt64) -> UInt64 {
        current >= previous ? current - previous : (maxEnergyRangeUJ - min(previous, maxEnergyRangeUJ)) + current
    }

    /// The zones under `powercapFolder`, sorted by id; `intel-rapl-mmio` duplicates of the
    /// package counters are left out. Zones whose `name` or range cannot be read are skipped.
    public static func discover(in powercapFolder: String) -> [RAPLZone] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: powercapFolder)) ?? []
        return entries.filter { $0.hasPrefix("intel-rapl:") }.sorted().compactMap { id in
            let path = (powercapFolder as NSString).appendingPathComponent(id)
            guard let name = Self.read(path, "name"), let range = Self.read(path, "max_energy_range_uj").flatMap(UInt64.init) else { return nil }
            return RAPLZone(id: id, name: name, path: path, maxEnergyRangeUJ: range)
        }
    }

    /// The counter now, microjoules; nil when unreadable (root only since Linux 5.10).
    public func energyUJ() -> UInt64? {
        Self.read(path, "energy_uj").flatMap(UInt64.init)
    }

    private static func read(_ folder: String, _ file: String) -> String? {
        (try? String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
