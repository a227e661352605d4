import Foundation
import Results
import Testing

/// A temporary folder for one test; removed by ``remove()``.
struct TemporaryFolder {
    /// The folder's path.
    let path: String

    /// Creates a fresh empty folder.
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-telemetry-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `path/relative`.
    func file(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    /// Writes `text` to `relative`, creating folders on the way.
    func write(_ text: String, to relative: String) throws {
        let target = file(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
    }

    /// Writes an executable shell script to `relative`.
    func writeScript(_ body: String, to relative: String) throws {
        try write("#!/bin/sh\n" + body + "\n", to: relative)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file(relative))
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Fake host trees for the local samplers.
enum FakeHost {
    /// A fake `nvidia-smi`: with `-lms` it prints `lines` (one tick, one write) every 50 ms until
    /// killed or its reader is gone (repat ignores SIGPIPE and the child inherits that, so a failed
    /// write must end the loop, or a test process that dies leaves it running); without, it prints
    /// them once (as `HostInfo`'s query expects a one-shot answer).
    static func nvidiaSMI(lines: [String]) -> String {
        let printf = "printf '%s\\n' " + lines.map { "'\($0)'" }.joined(separator: " ")
        return """
        case "$*" in
          *-lms*) while \(printf); do sleep 0.05; done ;;
          *) \(printf) ;;
        esac
        """
    }

    /// A RAPL zone folder under `sys/class/powercap/<id>`.
    static func raplZone(_ folder: TemporaryFolder, id: String, name: String, energyUJ: UInt64?, maxRangeUJ: UInt64) throws {
        let base = "sys/class/powercap/\(id)"
        try folder.write(name + "\n", to: "\(base)/name")
        try folder.write("\(maxRangeUJ)\n", to: "\(base)/max_energy_range_uj")
        if let energyUJ { try folder.write("\(energyUJ)\n", to: "\(base)/energy_uj") }
    }

    /// `proc/stat` with the given aggregate idle and busy ticks, and `proc/meminfo`.
    static func proc(_ folder: TemporaryFolder, busyTicks: UInt64, idleTicks: UInt64, totalKB: UInt64 = 16_000_000, availableKB: UInt64 = 4_000_000) throws {
        try folder.write("cpu  \(busyTicks) 0 0 \(idleTicks) 0 0 0 0 0 0\ncpu0 1 0 0 1 0 0 0 0 0 0\nintr 1\n", to: "proc/stat")
        try folder.write("MemTotal:       \(totalKB) kB\nMemFree:         1000 kB\nMemAvailable:   \(availableKB) kB\n", to: "proc/meminfo")
    }
}

/// A `telemetry.csv` read back with the project's reader.
func telemetryRows(_ path: String) throws -> [TelemetryCSV.Row] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasSuffix("\n"), "telemetry.csv ends with a complete row")
    let table = try CSVTable.parse(text)
    #expect(table.header == TelemetryCSV.columns)
    return try TelemetryCSV.rows(from: table, file: path)
}

/// Whether `value` is within a millionth of `expected`: figures built from sums of floating-point
/// trapezoids land a few ulps off a round number.
func near(_ value: Double?, _ expected: Double) -> Bool {
    value.map { abs($0 - expected) < 1e-6 } ?? false
}
