import CurlTransport
import Dialects
import Foundation
import Metrics
import Workload

/// Asks a target's server which model it serves, through the endpoints engines expose: llama.cpp
/// `GET /props` (`model_path`, the GGUF file), Ollama `POST /api/show` (`details`: family,
/// parameter size, quantisation), and the dialect's model listing (OpenAI-style `GET /v1/models`
/// of vLLM, SGLang, TGI, llama.cpp). Best effort, like ``EngineVersion``: a server that answers
/// none of them, or lists several models but not the one asked for, gives nil, and a run never
/// fails on it.
public enum ServedModelProbe {
    /// What `target`'s server reports serving, or nil.
    public static func probe(_ target: ResolvedTarget, transport: CurlTransport) async -> ServedModel? {
        let options = TransferOptions(connectTimeoutMs: 3_000, totalTimeoutMs: 5_000, idleTimeoutSeconds: 0, httpVersion: target.options.httpVersion)
        func object(_ request: HTTPRequest) async -> [String: Any]? {
            guard let (status, body) = try? await target.fetch(target.authorized(request), transport: transport, options: options, limit: 262_144),
                  status == 200 else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }
        if let props = await object(HTTPRequest(method: "GET", url: target.serverRoot + "/props")), let served = fromProps(props) {
            return served
        }
        let show = HTTPRequest(
            method: "POST", url: target.serverRoot + "/api/show", headers: [HTTPHeader("Content-Type", "application/json")],
            body: Array((try? JSONSerialization.data(withJSONObject: ["model": target.spec.model])) ?? Data()))
        if let details = await object(show), let served = fromShow(details, model: target.spec.model) {
            return served
        }
        guard let listing = (try? target.dialect.modelListRequest(endpoint: target.endpoint)) ?? nil,
              let (status, body) = try? await target.fetch(listing, transport: transport, options: options, limit: 1 << 20), status == 200,
              let models = target.dialect.modelIDs(fromListBody: body) else { return nil }
        return fromListing(models, model: target.spec.model, reportedBy: "GET " + path(of: listing.url))
    }

    /// llama.cpp's `/props`: the file name of `model_path` (newer servers) or of
    /// `default_generation_settings.model` (older ones); the folder is left out of the record.
    static func fromProps(_ props: [String: Any]) -> ServedModel? {
        let settings = props["default_generation_settings"] as? [String: Any]
        guard let path = (props["model_path"] as? String) ?? (settings?["model"] as? String), !path.isEmpty else { return nil }
        let file = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
        return ServedModel(name: file, reportedBy: "GET /props")
    }

    /// Ollama's `/api/show`: `model` with the `details` the server gives (empty values left out).
    static func fromShow(_ show: [String: Any], model: String) -> ServedModel? {
        guard let details = show["details"] as? [String: Any] else { return nil }
        func text(_ key: String) -> String? { (details[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        return ServedModel(
            name: model, family: text("family"), parameterSize: text("parameter_size"), quantization: text("quantization_level"),
            reportedBy: "POST /api/show")
    }

    /// A model listing: `model` when listed (Ollama's implicit `:latest` counts), else the one
    /// model of a server that lists exactly one, else nil (several, none of them asked for).
    static func fromListing(_ models: [String], model: String, reportedBy: String) -> ServedModel? {
        if let listed = models.first(where: { $0 == model || $0 == model + ":latest" }) { return ServedModel(name: listed, reportedBy: reportedBy) }
        guard models.count == 1 else { return nil }
        return ServedModel(name: models[0], reportedBy: reportedBy)
    }

    /// The path of `url` without scheme, host or query (`/v1/models`).
    private static func path(of url: String) -> String {
        let rest = url.range(of: "://").map { url[$0.upperBound...] } ?? url[...]
        let path = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        return String(path.split(separator: "?", maxSplits: 1).first ?? "/")
    }
}
