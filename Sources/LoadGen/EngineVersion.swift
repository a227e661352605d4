import CurlTransport
import Dialects
import Foundation
import Results
import Workload

/// Asks a target's server which engine and version it runs, through the endpoints engines expose
/// beside the OpenAI API: vLLM `GET /version`, Ollama `GET /api/version`, llama.cpp `GET /props`
/// (`build_info`), TGI `GET /info`. Best effort: nil when none answers.
enum EngineVersion {
    static func probe(_ target: ResolvedTarget, transport: CurlTransport) async -> String? {
        if target.spec.isSimulated { return "repat simulator \(RepatVersion.current)" }
        var root = target.baseURL
        while root.hasSuffix("/") { root.removeLast() }
        if root.hasSuffix("/v1") { root.removeLast(3) }
        let probes: [(path: String, key: String, engine: String)] = [
            ("/version", "version", "vLLM"),
            ("/api/version", "version", "Ollama"),
            ("/props", "build_info", "llama.cpp"),
            ("/info", "version", "TGI"),
        ]
        var headers = target.endpoint.extraHeaders
        if let key = target.endpoint.apiKey { headers.append(HTTPHeader("Authorization", "Bearer \(key)")) }
        let options = TransferOptions(connectTimeoutMs: 3_000, totalTimeoutMs: 5_000, idleTimeoutSeconds: 0, httpVersion: target.options.httpVersion)
        for probe in probes {
            var status = 0
            var body: [UInt8] = []
            do {
                for try await event in transport.stream(HTTPRequest(method: "GET", url: root + probe.path, headers: headers), options: options) {
                    switch event {
                    case .head(let head): status = head.status
                    case .body(let chunk): body += chunk.bytes.prefix(65_536 - body.count)
                    case .finished: break
                    }
                }
            } catch {
                continue
            }
            guard status == 200,
                  let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
                  let version = object[probe.key] as? String, !version.isEmpty else { continue }
            return "\(probe.engine) \(version)"
        }
        return nil
    }
}
