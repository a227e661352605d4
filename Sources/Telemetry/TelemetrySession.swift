import CurlTransport
import Foundation
import Metrics
import RepatSupport
import Results
import Synchronization

/// Telemetry for one run: starts every sampler the configuration asks for and the host has,
/// measures the idle baseline, stamps rows with the level running, reads Ollama's `/api/ps`
/// before and after each Ollama target, and in the end turns the samples into per-level figures
/// and the `run.json` section.
///
/// Samplers run on threads of their own and scrapes on a transport of their own, so the request
/// path never waits for telemetry; the session's own calls are made between levels.
public final class TelemetrySession: Sendable {
    private struct State {
        var idleWindowS: ClosedRange<Double>?
        var ollamaBefore: Set<String> = []
        var ollamaAfter: Set<String> = []
        var finished: RunMetadata.Telemetry?
    }

    /// The configuration.
    public let configuration: TelemetryConfiguration
    private let recorder: TelemetryRecorder
    private let samplers: [any TelemetrySampler]
    private let transport: CurlTransport
    private let state = Mutex(State())

    /// Creates `telemetry.csv` at `csvPath` and starts sampling `host`.
    /// - Throws: ``ResultsError`` when the file cannot be created.
    public init(_ configuration: TelemetryConfiguration, csvPath: String, clock: RunClock, host: TelemetryHost) throws(ResultsError) {
        self.configuration = configuration
        let recorder = try TelemetryRecorder(creating: csvPath, clock: clock)
        let transport = CurlTransport()
        var samplers: [any TelemetrySampler] = []
        let interval = configuration.intervalS
        if configuration.gpu {
            recorder.register(NvidiaSMISampler.source, scope: .local, intervalS: interval)
            if let executable = host.executable(NvidiaSMISampler.source) {
                samplers.append(NvidiaSMISampler(executable: executable, intervalS: interval, recorder: recorder))
            } else {
                recorder.missing(NvidiaSMISampler.source, reason: "not found on PATH")
            }
            let amd = AMDGPUReading.Tool.allCases.lazy.compactMap { tool in host.executable(tool.rawValue).map { (tool, $0) } }.first
            let amdName = amd?.0.rawValue ?? AMDGPUReading.Tool.amdSMI.rawValue
            recorder.register(amdName, scope: .local, intervalS: max(1, interval))
            if let (tool, executable) = amd {
                samplers.append(AMDSMISampler(tool: tool, executable: executable, intervalS: max(1, interval), recorder: recorder))
            } else {
                recorder.missing(amdName, reason: "neither amd-smi nor rocm-smi found on PATH")
            }
        }
        if configuration.rapl {
            recorder.register(RAPLSampler.source, scope: .local, intervalS: interval)
            let folder = host.sysfs("class/powercap")
            let zones = RAPLZone.discover(in: folder)
            let readable = zones.filter { $0.energyUJ() != nil }
            if zones.isEmpty {
                recorder.missing(RAPLSampler.source, reason: "no intel-rapl zones under \(folder)")
            } else if readable.isEmpty {
                recorder.missing(RAPLSampler.source, reason: "energy_uj not readable under \(folder) (root only since Linux 5.10)")
            } else {
                recorder.note(RAPLSampler.source, "zones: " + readable.map { "\($0.id) \($0.name)" }.joined(separator: ", "))
                samplers.append(RAPLSampler(zones: readable, intervalS: interval, recorder: recorder))
            }
        }
        recorder.register(ProcSampler.source, scope: .local, intervalS: interval)
        if FileManager.default.isReadableFile(atPath: host.procfs("stat")) {
            samplers.append(ProcSampler(host: host, intervalS: interval, recorder: recorder))
        } else {
            recorder.missing(ProcSampler.source, reason: "\(host.procfs("stat")) not readable (no procfs)")
        }
        for scrape in configuration.scrapes {
            let source = URLRedaction.stripCredentials(scrape.url)
            recorder.register(source, scope: scrape.target.map(TelemetryScope.target) ?? .everyTarget, intervalS: scrape.intervalS)
            samplers.append(PrometheusScraper(scrape, source: source, transport: transport, recorder: recorder))
        }
        for ollama in configuration.ollama {
            recorder.register(Self.sourceName(ollama), scope: .target(ollama.target), intervalS: interval)
        }
        self.recorder = recorder
        self.samplers = samplers
        self.transport = transport
        for sampler in samplers { sampler.start() }
    }

    /// One line for the log: what is sampled and what is missing, with reasons.
    public var summaryLine: String {
        let sources = recorder.sources
        let sampled = sources.filter { $0.missing == nil }.map(\.name)
        let missing = sources.compactMap { source in source.missing.map { "\(source.name) (\($0))" } }
        var line = "telemetry every \(configuration.intervalS) s: " + (sampled.isEmpty ? "nothing to sample" : sampled.joined(separator: ", "))
        if !missing.isEmpty { line += "; missing: " + missing.joined(separator: "; ") }
        return line
    }

    /// Samples the idle system for the configured seconds before the first level (rows stamped
    /// `idle`); returns early when `isStopping` turns true or the task is cancelled.
    public func idleBaseline(isStopping: @Sendable () -> Bool) async {
        guard configuration.idleSeconds > 0 else { return }
        recorder.setPhase(target: "", level: "idle")
        let start = MonotonicClock.now()
        let end = start + UInt64(configuration.idleSeconds * 1e9)
        while !isStopping() && !Task.isCancelled {
            let now = MonotonicClock.now()
            guard now < end else { break }
            try? await Task.sleep(nanoseconds: min(100_000_000, end - now))
        }
        let window = recorder.clock.seconds(start)...recorder.clock.seconds(MonotonicClock.now())
        state.withLock { $0.idleWindowS = window }
        recorder.setPhase(target: "", level: "")
    }

    /// Marks the start of `level` on `target`; before the target's first level, reads its Ollama
    /// server's loaded models.
    public func levelStarting(target: String, level: String) async {
        let first = state.withLock { $0.ollamaBefore.insert(target).inserted }
        if first { await snapshotOllama(target: target, phase: "before") }
        recorder.setPhase(target: target, level: level)
    }

    /// Marks the end of the level running.
    public func levelEnded() {
        recorder.setPhase(target: "", level: "")
    }

    /// Marks that `target` has run its last level: reads its Ollama server's loaded models.
    public func targetFinished(_ target: String) async {
        let first = state.withLock { $0.ollamaAfter.insert(target).inserted }
        if first { await snapshotOllama(target: target, phase: "after") }
    }

    /// Stops every sampler (targets not yet finished get their Ollama reading first), closes
    /// `telemetry.csv` and returns the `run.json` section. Later calls return the same section.
    public func finish() async -> RunMetadata.Telemetry {
        if let finished = state.withLock({ $0.finished }) { return finished }
        let unfinished = state.withLock { $0.ollamaBefore.subtracting($0.ollamaAfter) }
        for target in unfinished.sorted() { await targetFinished(target) }
        let samplers = self.samplers
        let transport = self.transport
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                for sampler in samplers { sampler.stop() }
                transport.close()
                done.resume()
            }
            thread.name = "repat-telemetry-stop"
            thread.start()
        }
        recorder.close()
        let idle = state.withLock { $0.idleWindowS }
        let section = RunMetadata.Telemetry(
            intervalS: configuration.intervalS, idleSeconds: configuration.idleSeconds, rows: recorder.rows,
            sources: recorder.sourceEntries, idlePowerW: idle.map { recorder.store.meanPower(over: $0) } ?? [:]
        )
        state.withLock { $0.finished = section }
        return section
    }

    /// What each source has done so far, in the form `run.json` records.
    public var sources: [RunMetadata.Telemetry.Source] { recorder.sourceEntries }

    /// The first error writing `telemetry.csv`, if any.
    public var writeFailure: String? { recorder.writeFailure }

    /// The figures of `target` over `windowS` (seconds since the run started, as
    /// ``LevelSummary/measuredWindowS``); nil when nothing was measured for it.
    public func levelTelemetry(target: String, windowS: ClosedRange<Double>) -> LevelTelemetry? {
        let idle = state.withLock { $0.idleWindowS }
        let figures = recorder.store.levelTelemetry(
            target: target, isLocal: configuration.localTargets.contains(target), window: windowS, idle: idle
        )
        return figures.isEmpty ? nil : figures
    }

    private func snapshotOllama(target: String, phase: String) async {
        for source in configuration.ollama where source.target == target {
            await OllamaProbe.snapshot(source, name: Self.sourceName(source), phase: phase, transport: transport, recorder: recorder)
        }
    }

    private static func sourceName(_ source: OllamaSource) -> String {
        URLRedaction.stripCredentials(source.url)
    }
}
