import CurlTransport
import Dialects
import Foundation
import Workload

/// Asks a target's server which engine and version it runs, through the endpoints engines expose
/// beside the OpenAI API: vLLM `GET /version`, Ollama `GET /api/version`, llama.cpp `GET /props`
/// (`build_info`), TGI `GET /info`. Best effort: nil when none answers.
public enum EngineVersion {
    /// The engine and version `target` reports; for a simulated target, `simulators`'.
    public static func probe(_ target: ResolvedTarget, transport: CurlTransport, simulators: any SimulatorHost) async -> String? {
        if target.spec.isSimulated { return simulators.engineVersion }
        let probes: [(path: String, key: String, engine: String)] = [
            ("/version", "version", "vLLM"),
            ("/api/version", "version", "Ollama"),
            ("/props", "build_info", "llama.cpp"),
            ("/info", "version", "TGI"),
        ]
        let options = TransferOptions(connectTimeoutMs: 3_000, totalTimeoutMs: 5_000, idleTimeoutSeconds: 0, httpVersion: target.options.httpVersion)
        for probe in probes {
            let url = target.serverRoot + probe.path
            guard let (status, body) = try? await target.fetch(target.authorized(HTTPRequest(method: "GET", url: url)), transport: transport, options: options, limit: 65_536),
                  status == 200,
                  let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
                  let version = object[probe.key] as? String, !version.isEmpty else { continue }
            return "\(probe.engine) \(version)"
        }
        return nil
    }
}
