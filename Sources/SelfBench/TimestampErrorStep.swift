import CurlTransport
import LoadGen
import Metrics
import Simulator

/// The timestamp-error section: for each stream count, the paced ground-truth simulator writes
/// each token's monotonic write time into its text and the client compares it with the time its
/// write callback stamped on the chunk: the error of every TTFT and ITL repat reports.
struct TimestampErrorStep {
    let settings: SelfBenchSettings
    /// Streams the open-files limit allows.
    let streamCapacity: Int
    let log: @Sendable (String) -> Void

    func run() async throws(SelfBenchError) -> [SelfBenchReport.TimestampErrorRow] {
        var rows: [SelfBenchReport.TimestampErrorRow] = []
        for requested in settings.streamCounts {
            let streams = min(requested, streamCapacity)
            if streams < requested {
                log("timestamp error: \(requested) streams capped at \(streams) by the open-files limit")
            }
            let row = try await measure(requested: requested, streams: streams)
            log("timestamp error: \(streams) streams (peak open \(row.peakOpenStreams)), ITL \(NumberText.fixed(row.interTokenMs)) ms: "
                + "p50 \(NumberText.fixed(row.errorP50Us)) us, p99 \(NumberText.fixed(row.errorP99Us)) us, "
                + "max \(NumberText.fixed(row.errorMaxUs)) us, coalesced \(NumberText.percent(row.coalescedFraction))")
            rows.append(row)
        }
        return rows
    }

    private func measure(requested: Int, streams: Int) async throws(SelfBenchError) -> SelfBenchReport.TimestampErrorRow {
        let interTokenMs = settings.interTokenMs(streams: streams)
        // Streams open over up to 2 s (0.2 ms apart), so thousands of connects do not overflow
        // the listen backlog; every request lasts past the end of the step.
        let ramp = min(2.0, Double(streams) * 0.000_2)
        let longest = ramp + StreamProbe.openWaitSeconds + interTokenMs / 1000 + settings.stepSeconds
        let tokens = Int((longest * 1000 / interTokenMs).rounded(.up)) + 2
        let shape = BenchSimulator.Shape(interTokenMs: interTokenMs, groundTruth: true)
        let server = try await StepServer.start(shape, settings: settings)
        let transport = CurlTransport()
        let result: StreamProbeResult
        do throws(SelfBenchError) {
            let plan = try BenchPlan.make(
                baseURL: server.baseURL, load: .closed(concurrency: streams, seconds: settings.stepSeconds, rampSeconds: nil),
                promptTokens: 16, maxTokens: tokens)
            let (target, requests) = try BenchPlan.requests(for: plan, count: streams)
            let probe = StreamProbe(transport: transport, target: target, requests: requests, reading: .groundTruth)
            await Quiescence.wait()
            result = await probe.run(
                seconds: settings.stepSeconds, rampSeconds: ramp, settleSeconds: interTokenMs / 1000,
                serverCPUSeconds: server.childCPUSeconds)
        } catch {
            transport.close()
            await server.stop()
            throw error
        }
        transport.close()
        await server.stop()
        // Rates and CPU over the measured (steady) stretch only: the connection storm before it
        // costs CPU that is not a cost per token.
        let window = result.window
        let seconds = window.map { $0.end.wallSeconds(since: $0.start) } ?? 0
        let cpu = window.map { $0.end.clientCPUSeconds(since: $0.start) } ?? 0
        let serverCPU = window.map { $0.serverCPUSeconds ?? $0.end.simulatorCPUSeconds(since: $0.start) } ?? 0
        let events = result.timestampError.count
        return SelfBenchReport.TimestampErrorRow(
            streamsRequested: requested, streams: streams, peakOpenStreams: result.peakOpenStreams,
            interTokenMs: interTokenMs, tokens: result.timestampError.count,
            errorP50Us: result.timestampError.percentileMs(50).map { $0 * 1000 },
            errorP99Us: result.timestampError.percentileMs(99).map { $0 * 1000 },
            errorP999Us: result.timestampError.percentileMs(99.9).map { $0 * 1000 },
            errorMaxUs: result.timestampError.maxMs.map { $0 * 1000 },
            coalescedFraction: result.counts.coalescedFraction,
            eventsPerSecond: seconds > 0 ? Double(events) / seconds : 0,
            clientCPUPercent: seconds > 0 ? cpu / seconds * 100 : 0,
            simulatorCPUPercent: seconds > 0 ? serverCPU / seconds * 100 : 0,
            clientCPUSecondsPerMillionEvents: events > 0 ? cpu / Double(events) * 1e6 : nil,
            failures: result.counts.failures, firstFailure: result.counts.firstFailure
        )
    }
}

/// A timestamp-error step's simulator: in this process, or a child process when the settings name
/// an executable.
private enum StepServer {
    case inProcess(SimulatorServer)
    case child(ChildSimulator)

    static func start(_ shape: BenchSimulator.Shape, settings: SelfBenchSettings) async throws(SelfBenchError) -> StepServer {
        guard let executable = settings.simulatorExecutable else {
            return .inProcess(try await BenchSimulator.start(shape, threads: settings.simulatorThreads))
        }
        return .child(try await ChildSimulator.start(
            executable: executable, options: BenchSimulator.options(shape), threads: settings.simulatorThreads))
    }

    var baseURL: String {
        switch self {
        case .inProcess(let server): server.baseURL
        case .child(let child): child.baseURL
        }
    }

    /// Reads the child's CPU seconds so far; nil in process (the simulator threads are measured
    /// there).
    var childCPUSeconds: (@Sendable () -> Double)? {
        if case .child(let child) = self { return { child.cpuSeconds } }
        return nil
    }

    func stop() async {
        switch self {
        case .inProcess(let server): try? await server.shutdown()
        case .child(let child): child.stop()
        }
    }
}
