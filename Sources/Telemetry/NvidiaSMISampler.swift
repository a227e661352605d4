import CurlTransport
import Foundation
import Synchronization

/// Runs `nvidia-smi` in loop mode (`-lms`) for the whole run and reads its lines as they come, on
/// a thread of its own: per GPU `gpu_power_w`, `gpu_util_pct`, `gpu_memory_used_mib`,
/// `gpu_sm_clock_mhz`, `gpu_temperature_c`, source `nvidia-smi`. A GPU that does not report a
/// field (`[N/A]`) simply has no row for it; a command that exits early is reported with its
/// message, never fatal.
final class NvidiaSMISampler: TelemetrySampler {
    /// The `source` column and the command's name.
    static let source = "nvidia-smi"

    private let process: Process
    private let recorder: TelemetryRecorder
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)

    /// A sampler running the `nvidia-smi` at `executable` every `intervalS` seconds into
    /// `recorder`.
    init(executable: String, intervalS: Double, recorder: TelemetryRecorder) {
        self.recorder = recorder
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--query-gpu=\(NvidiaSMIReading.query)", "--format=csv,noheader,nounits",
            "-lms", String(max(1, Int((intervalS * 1000).rounded()))),
        ]
        process.standardInput = FileHandle.nullDevice
    }

    func start() {
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            recorder.failed(Self.source, reason: "cannot start \(process.executableURL?.path ?? Self.source): \(error.localizedDescription)")
            return
        }
        running.store(true, ordering: .relaxed)
        let thread = Thread { [self] in
            read(output.fileHandleForReading)
            if !stopping.load(ordering: .relaxed) {
                process.waitUntilExit()
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    .split(separator: "\n").first.map(String.init) ?? "no message"
                recorder.failed(Self.source, reason: "exited with status \(process.terminationStatus): \(message)")
            }
            finished.signal()
        }
        thread.name = "repat-telemetry-nvidia-smi"
        thread.start()
    }

    func stop() {
        guard running.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        if process.isRunning {
            if let seconds = ChildCPUTime.ofRunningProcess(process.processIdentifier) { recorder.childCPU(Self.source, seconds: seconds) }
            process.terminate()
        }
        finished.wait()
        process.waitUntilExit()
    }

    /// Reads lines until end of file, recording one batch per sampling tick.
    private func read(_ handle: FileHandle) {
        var pending: [UInt8] = []
        var assembler = NvidiaSMIReading.TickAssembler()
        var gpus: Set<String> = []
        while true {
            let data = handle.availableData
            guard !data.isEmpty else { return }
            let now = MonotonicClock.now()
            let (ticks, cost) = SamplingCost.measure { () -> [[NvidiaSMIReading]] in
                pending += data
                guard let end = pending.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
                let text = String(decoding: pending[...end], as: UTF8.self)
                pending.removeSubrange(...end)
                var readings: [NvidiaSMIReading] = []
                for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                    if let reading = NvidiaSMIReading(line: line) {
                        readings.append(reading)
                    } else {
                        recorder.failed(Self.source, reason: String(line.prefix(200)))
                    }
                }
                return assembler.add(readings)
            }
            for (number, tick) in ticks.enumerated() {
                let batch = TelemetryBatch(
                    timeNs: now, readings: tick.flatMap(\.readings), signals: tick.flatMap { $0.signals(provider: Self.source) }
                )
                recorder.record(batch, from: Self.source, cost: number == 0 ? cost : SamplingCost())
                for reading in tick where gpus.insert("\(reading.index): \(reading.name)").inserted {
                    recorder.note(Self.source, "GPUs: " + gpus.sorted().joined(separator: "; "))
                }
            }
        }
    }
}
