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
    /// What `target`'s server reports serving, or nil. The three questions go out together, so
    /// a server that answers none costs one timeout (5 s), not three; the most specific answer wins.
    public static func probe(_ target: ResolvedTarget, transport: CurlTransport) async -> ServedModel? {
        let options = TransferOptions(connectTimeoutMs: 3_000, totalTimeoutMs: 5_000, idleTimeoutSeconds: 0, httpVersion: target.options.httpVersion)
        @Sendable func body(_ request: HTTPRequest?) async -> [UInt8]? {
            guard let request, let (status, body) = try? await target.fetch(request, transport: transport, options: options, limit: 1 << 20),
                  status == 200 else { return nil }
            return body
        }
        func object(_ body: [UInt8]?) -> [String: Any]? {
            body.flatMap { (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any] }
        }
        let model = target.spec.model
        let show = HTTPRequest(
            method: "POST", url: target.serverRoot + "/api/show", headers: [HTTPHeader("Content-Type", "application/json")],
            body: Array((try? JSONSerialization.data(withJSONObject: ["model": model])) ?? Data()))
        let listing = (try? target.dialect.modelListRequest(endpoint: target.endpoint)) ?? nil
        async let props = body(target.authorized(HTTPRequest(method: "GET", url: target.serverRoot + "/props")))
        async let details = body(target.authorized(show))
        async let listed = body(listing)
        if let served = object(await props).flatMap(fromProps) { return served }
        if let served = object(await details).flatMap({ fromShow($0, model: model) }) { return served }
        guard let listing, let models = (await listed).flatMap(target.dialect.modelIDs(fromListBody:)) else { return nil }
        return fromListing(models, model: model, reportedBy: "GET " + path(of: listing.url))
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
