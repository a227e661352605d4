import CurlTransport
import Foundation
import Synchronization

/// Samples the host's CPU utilisation (`/proc/stat`) and memory use (`/proc/meminfo`) every
/// interval: rows `cpu_util_pct`, `memory_used_bytes`, `memory_total_bytes`, source `proc`.
final class ProcSampler: TelemetrySampler {
    /// The `source` column.
    static let source = "proc"

    private let thread: PollingThread

    /// A sampler reading `host`'s procfs every `intervalS` seconds into `recorder`.
    init(host: TelemetryHost, intervalS: Double, recorder: TelemetryRecorder) {
        recorder.register(Self.source, scope: .local, intervalS: intervalS)
        let previous = Mutex<ProcStat.CPUTimes?>(nil)
        let statPath = host.procfs("stat")
        let memPath = host.procfs("meminfo")
        thread = PollingThread(name: "repat-telemetry-proc", intervalS: intervalS) {
            let (batch, cost) = SamplingCost.measure { () -> TelemetryBatch? in
                let stat = (try? String(contentsOfFile: statPath, encoding: .utf8)).flatMap(ProcStat.cpuTimes)
                let memory = (try? String(contentsOfFile: memPath, encoding: .utf8)).flatMap(ProcStat.memory)
                guard stat != nil || memory != nil else { return nil }
                var readings: [TelemetryReading] = []
                if let stat, let utilization = previous.withLock({ last in defer { last = stat }; return last.flatMap { stat.utilization(since: $0) } }) {
                    readings.append(TelemetryReading("cpu_util_pct", utilization))
                }
                if let memory {
                    readings.append(TelemetryReading("memory_used_bytes", Double(memory.totalBytes - min(memory.totalBytes, memory.availableBytes))))
                    readings.append(TelemetryReading("memory_total_bytes", Double(memory.totalBytes)))
                }
                return TelemetryBatch(timeNs: MonotonicClock.now(), readings: readings)
            }
            if let batch {
                recorder.record(batch, from: Self.source, cost: cost)
            } else {
                recorder.failed(Self.source, reason: "cannot read \(statPath) or \(memPath)", cost: cost)
            }
        }
    }

    func start() { thread.start() }
    func stop() { thread.stop() }
}
