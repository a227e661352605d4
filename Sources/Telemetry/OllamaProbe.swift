import CurlTransport
import Foundation

/// Reads an Ollama server's loaded models (`GET /api/ps`): per model `ollama_model_size_bytes`
/// and `ollama_model_vram_bytes` (how much of it sits in GPU memory), plus
/// `ollama_models_loaded`, labelled with the phase (`before` or `after` the target's levels).
public enum OllamaProbe {
    /// The rows of an `/api/ps` answer; nil when the body is not its JSON shape.
    public static func readings(_ body: Data, phase: String) -> [TelemetryReading]? {
        guard let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let models = json["models"] as? [[String: Any]] else { return nil }
        var readings = [TelemetryReading("ollama_models_loaded", labels: PrometheusLabel.text([PrometheusLabel("phase", phase)]), Double(models.count))]
        for model in models {
            let name = (model["name"] as? String) ?? (model["model"] as? String) ?? "?"
            let labels = PrometheusLabel.text([PrometheusLabel("model", name), PrometheusLabel("phase", phase)])
            if let size = (model["size"] as? NSNumber)?.doubleValue { readings.append(TelemetryReading("ollama_model_size_bytes", labels: labels, size)) }
            if let vram = (model["size_vram"] as? NSNumber)?.doubleValue { readings.append(TelemetryReading("ollama_model_vram_bytes", labels: labels, vram)) }
        }
        return readings
    }

    /// Fetches `source`'s `/api/ps` and records the answer (or why there is none) as `source`.
    static func snapshot(_ source: OllamaSource, name: String, phase: String, transport: CurlTransport, recorder: TelemetryRecorder) async {
        let request = HTTPRequest(method: "GET", url: source.url, headers: source.headers)
        let options = TransferOptions(connectTimeoutMs: 5000, totalTimeoutMs: 10_000, idleTimeoutSeconds: 0)
        let started = MonotonicClock.now()
        var status = 0
        var body = Data()
        do {
            for try await event in transport.stream(request, options: options) {
                switch event {
                case .head(let head): status = head.status
                case .body(let chunk): if body.count < 1 << 20 { body.append(contentsOf: chunk.bytes) }
                case .finished: break
                }
            }
        } catch {
            var cost = SamplingCost()
            cost.wallNs = MonotonicClock.now() - started
            recorder.failed(name, reason: (error as? TransferFailure)?.description ?? "\(error)", cost: cost)
            return
        }
        let received = MonotonicClock.now()
        let (readings, cost) = SamplingCost.measure { status == 200 ? Self.readings(body, phase: phase) : nil }
        var total = cost
        total.wallNs += received - started
        guard let readings else {
            recorder.failed(name, reason: status == 200 ? "not an Ollama /api/ps answer" : "HTTP \(status)", cost: total)
            return
        }
        recorder.record(TelemetryBatch(timeNs: received, readings: readings), from: name, cost: total, target: source.target)
    }
}
