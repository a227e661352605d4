import CurlTransport
import Foundation

/// Polls `amd-smi` (or `rocm-smi`) for JSON every interval on a thread of its own: per GPU
/// `gpu_power_w` and `gpu_util_pct`, source `amd-smi` or `rocm-smi`. Each poll starts the tool
/// afresh (neither has a line-by-line loop mode), so its CPU time is reported as the cost.
final class AMDSMISampler: TelemetrySampler {
    /// Longest a poll may run before it is abandoned, seconds.
    static let pollTimeoutS = 10.0

    private let thread: PollingThread

    /// A sampler running `tool` at `executable` every `intervalS` seconds into `recorder`.
    init(tool: AMDGPUReading.Tool, executable: String, intervalS: Double, recorder: TelemetryRecorder) {
        let source = tool.rawValue
        thread = PollingThread(name: "repat-telemetry-\(source)", intervalS: intervalS) {
            let childBefore = ChildCPUTime.ofWaitedChildren()
            let (outcome, cost) = SamplingCost.measure { () -> Result<[AMDGPUReading], PollFailure> in
                Self.poll(executable: executable, arguments: tool.arguments).map { AMDGPUReading.parse($0, tool: tool) }
            }
            recorder.addChildCPU(source, seconds: ChildCPUTime.ofWaitedChildren() - childBefore)
            switch outcome {
            case .success(let gpus) where !gpus.isEmpty:
                let batch = TelemetryBatch(
                    timeNs: MonotonicClock.now(), readings: gpus.flatMap(\.readings), signals: gpus.flatMap { $0.signals(provider: source) }
                )
                recorder.record(batch, from: source, cost: cost)
            case .success:
                recorder.failed(source, reason: "no GPU in the output of \(source)", cost: cost)
            case .failure(let failure):
                recorder.failed(source, reason: failure.reason, cost: cost)
            }
        }
    }

    func start() { thread.start() }
    func stop() { thread.stop() }

    /// Why a poll produced nothing.
    struct PollFailure: Error {
        let reason: String
    }

    /// Runs the command to its end (or `pollTimeoutS`) and returns its standard output.
    private static func poll(executable: String, arguments: [String]) -> Result<Data, PollFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return .failure(PollFailure(reason: "cannot start \(executable): \(error.localizedDescription)"))
        }
        // The JSON of a few GPUs is far below a pipe's buffer, so the tool never blocks writing
        // while we wait for it to exit.
        guard exited.wait(timeout: .now() + pollTimeoutS) == .success else {
            process.terminate()
            return .failure(PollFailure(reason: "\(executable) did not finish within \(Int(pollTimeoutS)) s"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        guard process.terminationStatus == 0 else {
            return .failure(PollFailure(reason: "\(executable) exited with status \(process.terminationStatus)"))
        }
        return .success(data)
    }
}
