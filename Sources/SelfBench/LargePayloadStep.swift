import CurlTransport
import LoadGen
import Simulator

/// The large-payload section: long prompts going up and large SSE events coming down, each next
/// to a small-payload baseline, through the transport and the dialect's decoder. A throughput
/// cliff shows as client CPU per megabyte far above the baseline's.
struct LargePayloadStep {
    /// One case: the prompt and output sizes and, for large events, the event size.
    private struct Case {
        var name: String
        var isBaseline: Bool
        var promptTokens: Int
        var maxTokens: Int
        var largeEventBytes: Int?
    }

    let settings: SelfBenchSettings
    let log: @Sendable (String) -> Void

    func run() async throws(SelfBenchError) -> [SelfBenchReport.PayloadRow] {
        let kib = settings.largeEventBytes / 1024
        let cases = [
            Case(name: "prompt 1K tokens", isBaseline: true, promptTokens: 1_024, maxTokens: 16),
            Case(name: "prompt \(settings.longPromptTokens / 1024)K tokens", isBaseline: false, promptTokens: settings.longPromptTokens, maxTokens: 16),
            Case(name: "events ~200 B", isBaseline: true, promptTokens: 16, maxTokens: 512),
            Case(name: "events \(kib) KiB", isBaseline: false, promptTokens: 16, maxTokens: 4, largeEventBytes: settings.largeEventBytes),
        ]
        var rows: [SelfBenchReport.PayloadRow] = []
        for item in cases {
            let row = try await measure(item)
            log("payload: \(row.name): \(NumberText.fixed(row.megabytesPerSecond, 1)) MB/s, "
                + "client \(NumberText.fixed(row.clientCPUMsPerMegabyte, 2)) CPU ms/MB, \(row.requests) responses")
            rows.append(row)
        }
        return rows
    }

    private func measure(_ item: Case) async throws(SelfBenchError) -> SelfBenchReport.PayloadRow {
        let server = try await BenchSimulator.start(
            BenchSimulator.Shape(largeEventBytes: item.largeEventBytes), threads: settings.simulatorThreads)
        let transport = CurlTransport()
        let result: StreamProbeResult
        let before: ClientCPUMeter.Reading
        let after: ClientCPUMeter.Reading
        do throws(SelfBenchError) {
            let plan = try BenchPlan.make(
                baseURL: server.baseURL, load: .closed(concurrency: settings.payloadStreams, seconds: settings.stepSeconds, rampSeconds: nil),
                promptTokens: item.promptTokens, maxTokens: item.maxTokens)
            let (target, requests) = try BenchPlan.requests(for: plan, count: settings.payloadStreams)
            let probe = StreamProbe(transport: transport, target: target, requests: requests, reading: .decode)
            await Quiescence.wait()
            before = ClientCPUMeter.read()
            result = await probe.run(seconds: settings.stepSeconds, rampSeconds: 0, finishInFlight: true)
            after = ClientCPUMeter.read()
        } catch {
            transport.close()
            try? await server.shutdown()
            throw error
        }
        transport.close()
        try? await server.shutdown()
        let seconds = after.wallSeconds(since: before)
        let cpu = after.clientCPUSeconds(since: before)
        let megabytes = Double(result.counts.bytesSent + result.counts.bytesReceived) / 1e6
        return SelfBenchReport.PayloadRow(
            name: item.name, isBaseline: item.isBaseline, requests: result.counts.completed, failures: result.counts.failures,
            megabytesPerSecond: seconds > 0 ? megabytes / seconds : 0,
            clientCPUMsPerMegabyte: megabytes > 0 ? cpu * 1000 / megabytes : nil,
            clientCPUPercent: seconds > 0 ? cpu / seconds * 100 : 0,
            firstFailure: result.counts.firstFailure
        )
    }
}
