import CurlTransport
import Foundation
import Synchronization

/// Samples RAPL energy counters every interval: rows `rapl_energy_j` (joules since sampling
/// began, wrap-arounds undone) and `rapl_power_w` (average since the previous reading) per zone,
/// source `rapl`; packages and DRAM feed the `rapl` power total.
final class RAPLSampler: TelemetrySampler {
    /// The `source` column.
    static let source = "rapl"

    private struct Counter {
        var lastUJ: UInt64
        var lastNs: UInt64
        var totalUJ: UInt64 = 0
    }

    private let thread: PollingThread

    /// A sampler of `zones` (already found readable) every `intervalS` seconds into `recorder`.
    init(zones: [RAPLZone], intervalS: Double, recorder: TelemetryRecorder) {
        let counters = Mutex<[String: Counter]>([:])
        thread = PollingThread(name: "repat-telemetry-rapl", intervalS: intervalS) {
            let (batch, cost) = SamplingCost.measure { () -> TelemetryBatch in
                var readings: [TelemetryReading] = []
                var signals: [TelemetrySignal] = []
                let now = MonotonicClock.now()
                counters.withLock { counters in
                    for zone in zones {
                        guard let energy = zone.energyUJ() else { continue }
                        guard var counter = counters[zone.id] else {
                            counters[zone.id] = Counter(lastUJ: energy, lastNs: now)
                            readings.append(TelemetryReading("rapl_energy_j", labels: zone.labels, 0))
                            continue
                        }
                        let delta = RAPLZone.delta(from: counter.lastUJ, to: energy, maxEnergyRangeUJ: zone.maxEnergyRangeUJ)
                        let seconds = Double(now - counter.lastNs) / 1e9
                        let watts = seconds > 0 ? Double(delta) / 1e6 / seconds : 0
                        readings.append(TelemetryReading("rapl_energy_j", labels: zone.labels, Double(counter.totalUJ + delta) / 1e6))
                        readings.append(TelemetryReading("rapl_power_w", labels: zone.labels, watts))
                        if zone.countsTowardsTotal {
                            signals.append(.power(provider: Self.source, device: zone.id, watts: watts, averagedSinceNs: counter.lastNs))
                        }
                        counter.totalUJ += delta
                        counter.lastUJ = energy
                        counter.lastNs = now
                        counters[zone.id] = counter
                    }
                }
                return TelemetryBatch(timeNs: now, readings: readings, signals: signals)
            }
            if batch.readings.isEmpty {
                recorder.failed(Self.source, reason: "no RAPL counter could be read", cost: cost)
            } else {
                recorder.record(batch, from: Self.source, cost: cost)
            }
        }
    }

    func start() { thread.start() }
    func stop() { thread.stop() }
}
