import CurlTransport
import Dialects
import Foundation
import LoadGen
import Metrics
import Results
import Telemetry
import Workload

/// Telemetry around a run: what to sample, from the scenario's `telemetry:` section and the
/// targets, and the per-level figures once the levels are done.
extension BenchmarkRun {
    /// The sampling configuration of `plan`; nil when the scenario has no `telemetry:` section.
    /// Simulated targets get their simulator's `/metrics` scraped; Ollama targets (a dialect that
    /// serves Ollama's process list, or port 11434) and simulated ones get `/api/ps` read before
    /// and after their levels.
    /// Call it once simulators are attached, so their loopback URLs are known.
    static func telemetryConfiguration(_ plan: RunPlan, hostName: String = TelemetryConfiguration.localHostName) -> TelemetryConfiguration? {
        guard let spec = plan.scenario.telemetry else { return nil }
        var configuration = TelemetryConfiguration(
            intervalS: spec.interval, gpu: spec.gpu == .auto, rapl: spec.rapl == .auto, idleSeconds: spec.idleSeconds
        )
        configuration.scrapes = spec.scrapes.map { scrape in
            ScrapeSource(url: scrape.url, intervalS: scrape.interval ?? spec.interval, filter: MetricFilter(prefixes: scrape.metrics), target: scrape.target)
        }
        for target in plan.targets {
            let name = target.spec.name
            if target.spec.isSimulated {
                configuration.scrapes.append(ScrapeSource(url: target.serverRoot + "/metrics", intervalS: spec.interval, target: name))
            }
            if target.spec.isSimulated || target.dialect.servesProcessList || target.baseURL.contains(":11434") {
                let url = target.serverRoot + "/api/ps"
                configuration.ollama.append(OllamaSource(target: name, url: url, headers: target.authorized(HTTPRequest(method: "GET", url: url)).headers))
            }
            if TelemetryConfiguration.isLocal(baseURL: target.spec.baseURL, hostName: hostName) {
                configuration.localTargets.insert(name)
            }
        }
        return configuration
    }

    /// Stops `telemetry`, fills each summary's figures over its measured window, logs one line
    /// per level that has any, and returns the `run.json` section.
    static func finishTelemetry(_ telemetry: TelemetrySession, summaries: inout [LevelSummary], log: @Sendable (String) -> Void) async -> RunMetadata.Telemetry {
        let section = await telemetry.finish()
        for index in summaries.indices {
            guard let window = summaries[index].measuredWindowS else { continue }
            summaries[index].telemetry = telemetry.levelTelemetry(target: summaries[index].target, windowS: window)
            if let line = RunLog.telemetry(summaries[index]) { log(line) }
        }
        if let failure = telemetry.writeFailure { log("telemetry: \(failure)") }
        return section
    }
}
