import CurlTransport
import Foundation
import LoopbackSupport
import Metrics
import Results
import Testing
@testable import Telemetry

/// The local samplers against fake trees and a fake `nvidia-smi` on the search path.
@Suite("local samplers: nvidia-smi, RAPL, /proc")
struct LocalSamplerTests {
    /// A session sampling `folder`'s fake host every 50 ms into `folder/telemetry.csv`.
    private static func session(
        _ folder: TemporaryFolder, gpu: Bool = false, rapl: Bool = false, clock: RunClock = RunClock(startNs: MonotonicClock.now(), startDate: Date())
    ) throws -> TelemetrySession {
        CurlSetup.ensure()
        let host = TelemetryHost(sysfsRoot: folder.file("sys"), procRoot: folder.file("proc"), searchPath: folder.file("bin"))
        let configuration = TelemetryConfiguration(intervalS: 0.05, gpu: gpu, rapl: rapl, idleSeconds: 0, localTargets: ["local"])
        return try TelemetrySession(configuration, csvPath: folder.file("telemetry.csv"), clock: clock, host: host)
    }

    /// Waits (up to 5 s) until `telemetry.csv` holds a row that `matches`.
    private static func waitForRow(_ folder: TemporaryFolder, _ matches: (TelemetryCSV.Row) -> Bool) async throws -> TelemetryCSV.Row? {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let row = try telemetryRows(folder.file("telemetry.csv")).last(where: matches) { return row }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    @Test("a fake nvidia-smi in loop mode: one row per GPU and field, [N/A] left out, totals and cost recorded")
    func nvidiaSMI() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.writeScript(FakeHost.nvidiaSMI(lines: [
            "0, NVIDIA H100 80GB HBM3, 312.50, 87, 40000, 1980, 65",
            "1, NVIDIA H100 80GB HBM3, [N/A], 12, 1024, 1755, [Not Supported]",
        ]), to: "bin/nvidia-smi")
        let clock = RunClock(startNs: MonotonicClock.now(), startDate: Date())
        let session = try Self.session(folder, gpu: true, clock: clock)
        let power = try await Self.waitForRow(folder) { $0.metric == "repat:power_w" }
        await session.levelStarting(target: "local", level: "c1")
        let levelStart = MonotonicClock.now()
        try await Task.sleep(for: .milliseconds(300))
        let levelEnd = MonotonicClock.now()
        session.levelEnded()
        try await Task.sleep(for: .milliseconds(100))
        let section = await session.finish()
        let figures = try #require(session.levelTelemetry(target: "local", windowS: clock.seconds(levelStart)...clock.seconds(levelEnd)))
        #expect(near(figures.powerMeanW, 312.5))
        #expect(figures.powerPeakW == 312.5)
        let duration = Double(levelEnd - levelStart) / 1e9
        #expect(figures.energyJ.map { abs($0 - 312.5 * duration) < 1e-6 } == true)
        #expect(near(figures.gpuUtilMeanPct, 49.5))
        #expect(figures.powerSource == "nvidia-smi")
        #expect(session.levelTelemetry(target: "remote", windowS: clock.seconds(levelStart)...clock.seconds(levelEnd)) == nil)

        #expect(power?.value == 312.5, "only GPU 0 reports power")
        #expect(power?.labels == #"provider="nvidia-smi""#)
        let rows = try telemetryRows(folder.file("telemetry.csv"))
        let gpu0 = #"gpu="0",name="NVIDIA H100 80GB HBM3""#
        let gpu1 = #"gpu="1",name="NVIDIA H100 80GB HBM3""#
        #expect(rows.contains { $0.metric == "gpu_power_w" && $0.labels == gpu0 && $0.value == 312.5 && $0.source == "nvidia-smi" })
        #expect(!rows.contains { $0.metric == "gpu_power_w" && $0.labels == gpu1 })
        #expect(!rows.contains { $0.metric == "gpu_temperature_c" && $0.labels == gpu1 })
        #expect(rows.contains { $0.metric == "gpu_sm_clock_mhz" && $0.labels == gpu1 && $0.value == 1755 })
        #expect(rows.contains { $0.metric == "repat:gpu_util_pct" && $0.value == 49.5 })
        #expect(rows.contains { $0.metric == "gpu_util_pct" && $0.target == "local" && $0.level == "c1" }, "rows are stamped with the level running")
        #expect(rows.contains { $0.metric == "gpu_util_pct" && $0.target.isEmpty && $0.level.isEmpty })
        let source = try #require(section.sources.first { $0.name == "nvidia-smi" })
        #expect(source.status == "ok")
        #expect(source.samples > 1)
        #expect(source.wallMsPerSample != nil && source.cpuMsPerSample != nil)
        #expect(source.reason?.contains("NVIDIA H100 80GB HBM3") == true)
        #expect(section.sources.first { $0.name == "amd-smi" }?.status == "missing")
        #expect(section.rows == rows.count)
    }

    @Test("nvidia-smi missing from the path, or failing, is reported with its reason and is not fatal")
    func nvidiaSMIMissingOrFailing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try Self.session(folder, gpu: true)
        #expect(missing.summaryLine.contains("nvidia-smi (not found on PATH)"))
        let section = await missing.finish()
        #expect(section.sources.first { $0.name == "nvidia-smi" }?.status == "missing")
        #expect(section.sources.first { $0.name == "nvidia-smi" }?.reason == "not found on PATH")

        let failingFolder = try TemporaryFolder()
        defer { failingFolder.remove() }
        try failingFolder.writeScript(
            "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.' >&2; exit 9", to: "bin/nvidia-smi"
        )
        let failing = try Self.session(failingFolder, gpu: true)
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, failing.sources.first(where: { $0.name == "nvidia-smi" })?.failures == 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        let failed = await failing.finish()
        let source = try #require(failed.sources.first { $0.name == "nvidia-smi" })
        #expect(source.status == "failed")
        #expect(source.reason == "exited with status 9: NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.")
    }

    @Test("RAPL: packages and DRAM counted, wrap-around undone, an unreadable tree reported as missing")
    func rapl() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let range: UInt64 = 262_143_328_850
        try FakeHost.raplZone(folder, id: "intel-rapl:0", name: "package-0", energyUJ: range - 1_000_000, maxRangeUJ: range)
        try FakeHost.raplZone(folder, id: "intel-rapl:0:0", name: "core", energyUJ: 5, maxRangeUJ: range)
        try FakeHost.raplZone(folder, id: "intel-rapl-mmio:0", name: "package-0", energyUJ: 5, maxRangeUJ: range)
        let session = try Self.session(folder, rapl: true)
        let zone = #"zone="intel-rapl:0",name="package-0""#
        _ = try await Self.waitForRow(folder) { $0.metric == "rapl_energy_j" && $0.labels == zone }
        try folder.write("2000000\n", to: "sys/class/powercap/intel-rapl:0/energy_uj")
        let energy = try await Self.waitForRow(folder) { $0.metric == "rapl_energy_j" && $0.labels == zone && $0.value > 0 }
        let section = await session.finish()
        #expect(energy?.value == 3, "1 J to the wrap and 2 J after it")
        let rows = try telemetryRows(folder.file("telemetry.csv"))
        #expect(rows.contains { $0.metric == "repat:power_w" && $0.labels == #"provider="rapl""# && $0.value > 0 })
        #expect(!rows.contains { $0.labels.contains("mmio") }, "mmio duplicates of the package counter are skipped")
        let source = try #require(section.sources.first { $0.name == "rapl" })
        #expect(source.status == "ok")
        #expect(source.reason == "zones: intel-rapl:0 package-0, intel-rapl:0:0 core")

        let unreadable = try TemporaryFolder()
        defer { unreadable.remove() }
        try FakeHost.raplZone(unreadable, id: "intel-rapl:0", name: "package-0", energyUJ: nil, maxRangeUJ: range)
        let noRAPL = try await Self.session(unreadable, rapl: true).finish()
        #expect(noRAPL.sources.first { $0.name == "rapl" }?.status == "missing")
        #expect(noRAPL.sources.first { $0.name == "rapl" }?.reason?.hasPrefix("energy_uj not readable under ") == true)
        let empty = try TemporaryFolder()
        defer { empty.remove() }
        let none = try await Self.session(empty, rapl: true).finish()
        #expect(none.sources.first { $0.name == "rapl" }?.reason?.hasPrefix("no intel-rapl zones under ") == true)
        #expect(none.sources.first { $0.name == "proc" }?.status == "missing")
    }

    @Test("a RAPL counter's wrap-around: the distance to the range, then from zero")
    func raplDelta() {
        #expect(RAPLZone.delta(from: 100, to: 350, maxEnergyRangeUJ: 1000) == 250)
        #expect(RAPLZone.delta(from: 900, to: 50, maxEnergyRangeUJ: 1000) == 150)
        #expect(RAPLZone.delta(from: 1000, to: 0, maxEnergyRangeUJ: 1000) == 0)
        #expect(RAPLZone(id: "intel-rapl:1:0", name: "dram", path: "", maxEnergyRangeUJ: 1).countsTowardsTotal)
        #expect(!RAPLZone(id: "intel-rapl:0:1", name: "uncore", path: "", maxEnergyRangeUJ: 1).countsTowardsTotal)
        #expect(!RAPLZone(id: "intel-rapl:2", name: "psys", path: "", maxEnergyRangeUJ: 1).countsTowardsTotal)
    }

    @Test("/proc: CPU utilisation from the tick deltas between two polls, memory used from MemAvailable")
    func proc() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FakeHost.proc(folder, busyTicks: 100, idleTicks: 900)
        let session = try Self.session(folder)
        let memory = try await Self.waitForRow(folder) { $0.metric == "memory_used_bytes" }
        try FakeHost.proc(folder, busyTicks: 400, idleTicks: 1000)
        let cpu = try await Self.waitForRow(folder) { $0.metric == "cpu_util_pct" }
        let section = await session.finish()
        #expect(memory?.value == 12_288_000_000, "12,000,000 kB")
        #expect(cpu?.value == 75)
        #expect(section.sources.first { $0.name == "proc" }?.status == "ok")
    }

    @Test("procfs text: the aggregate cpu line and MemTotal/MemAvailable")
    func procParsing() throws {
        let times = try #require(ProcStat.cpuTimes("cpu  10 2 3 80 5 0 0 0 7 0\ncpu0 1 1 1 1 1 1 1 1\n"))
        #expect(times == ProcStat.CPUTimes(idle: 85, total: 100), "guest ticks are already in user")
        #expect(times.utilization(since: times) == nil)
        #expect(ProcStat.CPUTimes(idle: 95, total: 120).utilization(since: times) == 50)
        #expect(ProcStat.cpuTimes("intr 5\n") == nil)
        let memory = try #require(ProcStat.memory("MemTotal: 100 kB\nMemAvailable:  40 kB\n"))
        #expect(memory.totalBytes == 102_400 && memory.availableBytes == 40_960)
        #expect(ProcStat.memory("MemTotal: 100 kB\n") == nil)
    }

    @Test("nvidia-smi lines: fields by position, [N/A] as missing, names with commas, ticks rebuilt across reads")
    func nvidiaLines() throws {
        let reading = try #require(NvidiaSMIReading(line: "3, Tesla T4, 27.81, 0, 0, 300, 41"))
        #expect(reading.index == 3 && reading.name == "Tesla T4" && reading.powerW == 27.81 && reading.temperatureC == 41)
        let odd = try #require(NvidiaSMIReading(line: "0, Odd, Name, [N/A], [Unknown Error], 1, 2, 3"))
        #expect(odd.name == "Odd, Name" && odd.powerW == nil && odd.utilizationPct == nil && odd.memoryUsedMiB == 1)
        #expect(NvidiaSMIReading(line: "No devices were found") == nil)
        let a = try #require(NvidiaSMIReading(line: "0, A, 1, 1, 1, 1, 1"))
        let b = try #require(NvidiaSMIReading(line: "1, A, 1, 1, 1, 1, 1"))
        var ticks = NvidiaSMIReading.TickAssembler()
        #expect(ticks.add([a]).isEmpty, "until an index repeats, the number of GPUs is unknown")
        #expect(ticks.add([b, a]).map { $0.map(\.index) } == [[0, 1]])
        #expect(ticks.add([b]).map { $0.map(\.index) } == [[0, 1]], "a tick split across reads is put back together")
        #expect(ticks.add([a, b, a]).map { $0.map(\.index) } == [[0, 1]])
    }

    @Test("amd-smi and rocm-smi JSON: numbers, strings with units, value objects, several power names")
    func amdJSON() {
        let rocm = Data(#"{"card0": {"Average Graphics Package Power (W)": "35.0", "GPU use (%)": "3"}, "card1": {"Current Socket Graphics Package Power (W)": "512.5", "GPU use (%)": "99"}, "system": {}}"#.utf8)
        #expect(AMDGPUReading.parse(rocm, tool: .rocmSMI) == [
            AMDGPUReading(index: 0, powerW: 35, utilizationPct: 3), AMDGPUReading(index: 1, powerW: 512.5, utilizationPct: 99),
        ])
        let amd = Data(#"[{"gpu": 0, "power": {"socket_power": {"value": 140, "unit": "W"}}, "usage": {"gfx_activity": {"value": 45, "unit": "%"}}}, {"gpu": 1, "power": {"average_socket_power": "88 W"}, "usage": {"gfx_activity": 7}}]"#.utf8)
        #expect(AMDGPUReading.parse(amd, tool: .amdSMI) == [
            AMDGPUReading(index: 0, powerW: 140, utilizationPct: 45), AMDGPUReading(index: 1, powerW: 88, utilizationPct: 7),
        ])
        let wrapped = Data(#"{"gpu_data": [{"gpu": 2, "power": {"socket_power": 300}}]}"#.utf8)
        #expect(AMDGPUReading.parse(wrapped, tool: .amdSMI) == [AMDGPUReading(index: 2, powerW: 300, utilizationPct: nil)])
        #expect(AMDGPUReading.parse(Data("not json".utf8), tool: .amdSMI).isEmpty)
    }
}
