import NIOCore
import NIOHTTP1

extension HTTPHandler {
    /// `GET /metrics`: the engine's state now, in Prometheus's text format with vLLM's names.
    func serveMetrics(context: ChannelHandlerContext, _ reply: Reply) {
        let text = MetricsExposition.render(engine.snapshot, modelName: engine.profile.modelName)
        respond(context: context, reply, status: .ok, body: text, contentType: MetricsExposition.contentType)
    }

    /// A dialect's model listing, or 404 where the dialect has none.
    func serveModels(context: ChannelHandlerContext, _ reply: Reply, dialect: APIDialect, path: String) {
        guard let body = dialect.wire.modelList(profile: engine.profile, now: WallClock.now()) else {
            respond(context: context, reply, error: .notFound(path: path))
            return
        }
        respond(context: context, reply, status: .ok, body: body)
    }

    /// Ollama's `GET /api/ps`: the model while it is in use or within its keep-alive, else none.
    func serveRunningModels(context: ChannelHandlerContext, _ reply: Reply) {
        let now = WallClock.now()
        let snapshot = engine.snapshot
        let expiry = engine.modelExpiry
        let loaded = snapshot.running + snapshot.waiting > 0 || expiry.map { now < $0 } ?? true
        let body = OllamaDialect.runningModels(profile: engine.profile, loaded: loaded, expiresAt: expiry)
        respond(context: context, reply, status: .ok, body: body)
    }

    /// Ollama's `POST /api/show`: the served model's details, or 404 in Ollama's shape for any
    /// other name (its implicit `:latest` tag counts as the name).
    func serveModelDetails(context: ChannelHandlerContext, _ reply: Reply, body: [UInt8]) {
        do throws(APIError) {
            let request = try JSONBody.decode(OllamaDialect.ShowRequest.self, from: body)
            let name = engine.profile.modelName
            guard request.model == name || request.model == name + ":latest" else {
                respond(context: context, reply, error: APIError(kind: .notFound, message: "model '\(request.model)' not found"))
                return
            }
            respond(context: context, reply, status: .ok, body: OllamaDialect.showBody(profile: engine.profile, now: WallClock.now()))
        } catch {
            respond(context: context, reply, error: error)
        }
    }
}
