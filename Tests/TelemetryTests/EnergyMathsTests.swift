import Metrics
import Testing
@testable import Telemetry

@Suite("energy and power over a level's window")
struct EnergyMathsTests {
    /// Instantaneous readings `values` at 0, 1, 2, … seconds.
    private static func instantaneous(_ values: [Double]) -> TelemetrySeries {
        var series = TelemetrySeries(shape: .instantaneous)
        for (second, value) in values.enumerated() { series.append(time: Double(second), value: value) }
        return series
    }

    @Test("a constant 100 W over 5 s is 500 J, mean 100 W, peak 100 W")
    func constant() throws {
        let series = Self.instantaneous(Array(repeating: 100, count: 11))
        #expect(series.integral(over: 2...7, tolerance: 1) == 500)
        #expect(series.mean(over: 2...7, tolerance: 1) == 100)
        #expect(series.peak(over: 2...7, tolerance: 1) == 100)
    }

    @Test("readings are joined by straight lines: a ramp's integral is its trapezoid, its peak interpolated")
    func ramp() throws {
        let series = Self.instantaneous([0, 100])
        #expect(series.integral(over: 0...1, tolerance: 0) == 50)
        #expect(series.mean(over: 0.5...1, tolerance: 0) == 75)
        #expect(series.peak(over: 0...0.5, tolerance: 0) == 50)
        #expect(series.value(at: 0.25) == 25)
        let spiky = Self.instantaneous([100, 300, 100, 100])
        #expect(spiky.integral(over: 0.5...2.5, tolerance: 0) == 375, "200→300 over 0.5 s (125 J), 300→100 over 1 s (200 J), 100 for 0.5 s (50 J)")
        #expect(spiky.peak(over: 0.5...2.5, tolerance: 0) == 300)
    }

    @Test("energy-counter averages hold over their intervals, so the integral reproduces the counter's delta")
    func intervalAverages() throws {
        var series = TelemetrySeries(shape: .intervalAverages)
        series.append(time: 1, value: 50, since: 0)
        series.append(time: 2, value: 150, since: 1)
        series.append(time: 4, value: 75, since: 2)
        #expect(series.integral(over: 0...4, tolerance: 0) == 350, "50 J, 150 J, then 75 W for 2 s")
        #expect(series.integral(over: 0.5...1.5, tolerance: 0) == 100, "half of each of the first two intervals")
        #expect(series.peak(over: 2.5...3, tolerance: 0) == 75)
        #expect(series.peak(over: 0...4, tolerance: 0) == 150)
        #expect(series.mean(over: 2...4, tolerance: 0) == 75)
    }

    @Test("a window the samples do not reach, beyond the tolerance, has no figure")
    func coverage() {
        let series = Self.instantaneous([100, 100, 100])
        #expect(series.integral(over: 1...2.4, tolerance: 0.5) == 140, "held past the last sample within the tolerance")
        #expect(series.integral(over: 1...3, tolerance: 0.5) == nil)
        #expect(series.integral(over: -1...1, tolerance: 0.5) == nil)
        #expect(TelemetrySeries(shape: .instantaneous).integral(over: 0...1, tolerance: 10) == nil)
        #expect(series.highestSample(in: 3...4) == nil)
    }

    @Test("level figures: energy over the window, J per output token, idle from the baseline, peaks of queue and KV cache")
    func levelFigures() throws {
        var store = TelemetryStore()
        store.register(source: "nvidia-smi", scope: .local, intervalS: 1)
        store.register(source: "http://sim/metrics", scope: .target("sim"), intervalS: 1)
        let seconds = { (ns: UInt64) in Double(ns) / 1e9 }
        for second in 0...20 {
            let watts = second < 5 ? 60.0 : 300.0
            store.add(SignalTotals([
                .power(provider: "nvidia-smi", device: "0", watts: watts / 2, averagedSinceNs: nil),
                .power(provider: "nvidia-smi", device: "1", watts: watts / 2, averagedSinceNs: nil),
                .gpuUtilization(provider: "nvidia-smi", device: "0", percent: second < 5 ? 0 : 90),
                .gpuUtilization(provider: "nvidia-smi", device: "1", percent: second < 5 ? 0 : 70),
            ]), source: "nvidia-smi", time: Double(second), secondsSince: seconds)
            store.add(SignalTotals([
                .requestsRunning(8), .requestsWaiting(Double(second % 4)), .kvCacheUsage(Double(second) / 32),
            ]), source: "http://sim/metrics", time: Double(second), secondsSince: seconds)
        }
        let figures = store.levelTelemetry(target: "sim", isLocal: true, window: 10...14, idle: 0...4)
        #expect(figures.energyJ == 1200)
        #expect(figures.powerMeanW == 300)
        #expect(figures.powerPeakW == 300)
        #expect(figures.idlePowerW == 60)
        #expect(figures.powerSource == "nvidia-smi")
        #expect(figures.gpuUtilMeanPct == 80)
        #expect(figures.queuePeak == 3)
        #expect(figures.kvCachePeakPct == 43.75)
        #expect(figures.joulesPerToken(outputTokens: 600) == 2)
        #expect(figures.wattHoursPerThousandTokens(outputTokens: 600) == 2000.0 / 3600)

        let remote = store.levelTelemetry(target: "cloud", isLocal: false, window: 10...14, idle: 0...4)
        #expect(remote.energyJ == nil, "this machine's GPUs say nothing about a remote target")
        #expect(remote.queuePeak == nil)
        #expect(remote.isEmpty)
    }

    @Test("a target's own power source wins over this machine's, whatever the provider order")
    func sourcePreference() {
        var store = TelemetryStore()
        store.register(source: "nvidia-smi", scope: .local, intervalS: 1)
        store.register(source: "http://gpu-01:9400/metrics", scope: .target("vllm"), intervalS: 1)
        store.register(source: "http://node:9100/metrics", scope: .everyTarget, intervalS: 1)
        for second in 0...4 {
            let time = Double(second)
            store.add(SignalTotals([.power(provider: "nvidia-smi", device: "0", watts: 50, averagedSinceNs: nil)]), source: "nvidia-smi", time: time) { Double($0) / 1e9 }
            store.add(SignalTotals([.power(provider: "rapl", device: "x", watts: 20, averagedSinceNs: nil)]), source: "http://node:9100/metrics", time: time) { Double($0) / 1e9 }
            store.add(SignalTotals([.power(provider: "dcgm", device: "0", watts: 400, averagedSinceNs: nil)]), source: "http://gpu-01:9400/metrics", time: time) { Double($0) / 1e9 }
        }
        #expect(store.levelTelemetry(target: "vllm", isLocal: true, window: 1...3, idle: nil).powerSource == "dcgm")
        #expect(store.levelTelemetry(target: "other", isLocal: true, window: 1...3, idle: nil).powerSource == "rapl", "shared before local")
        #expect(store.levelTelemetry(target: "other", isLocal: true, window: 1...3, idle: nil).powerMeanW == 20)
    }

    @Test("a batch's signals fold into one total per provider and normalised rows")
    func totals() {
        let totals = SignalTotals([
            .power(provider: "dcgm", device: "a", watts: 100, averagedSinceNs: nil),
            .power(provider: "dcgm", device: "b", watts: 50.5, averagedSinceNs: nil),
            .gpuUtilization(provider: "dcgm", device: "a", percent: 90),
            .gpuUtilization(provider: "dcgm", device: "b", percent: 10),
            .requestsRunning(2), .requestsRunning(3), .requestsWaiting(1), .kvCacheUsage(0.25), .kvCacheUsage(0.5),
        ])
        #expect(totals.readings == [
            TelemetryReading("repat:power_w", labels: "provider=\"dcgm\"", 150.5),
            TelemetryReading("repat:gpu_util_pct", labels: "provider=\"dcgm\"", 50),
            TelemetryReading("repat:requests_running", 5),
            TelemetryReading("repat:requests_waiting", 1),
            TelemetryReading("repat:kv_cache_usage_pct", 50),
        ])
    }
}
