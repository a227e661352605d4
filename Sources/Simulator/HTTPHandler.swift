import NIOCore
import NIOHTTP1

/// Serves every dialect's API on one connection, one request at a time (NIO's
/// `HTTPServerPipelineHandler` in front holds pipelined requests back until a response ends).
///
/// Lives on the connection's event loop. ``RouteTable`` decides what a request asks for; a
/// generation request is parsed by its dialect and handed to a ``GenerationSession``, and its
/// response is written through the dialect's ``ResponseEncoding``, the same way for every dialect.
/// When the client disconnects mid-response the session is cancelled, which frees its engine slot.
/// Injected faults (``FaultPlan``) are applied here: the head delay, rejections, corrupted events,
/// and how an aborted stream ends.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Request parts from NIO's HTTP decoder.
    typealias InboundIn = HTTPServerRequestPart
    /// Response parts for NIO's HTTP encoder.
    typealias OutboundOut = HTTPServerResponsePart

    /// Largest request body accepted, in bytes (64 MiB); larger ones get 413 and a closed connection.
    static let maxBodyBytes = 64 * 1024 * 1024

    /// Where the connection is in its current request; touched only on the event loop.
    enum State {
        /// Between requests.
        case idle
        /// Reading a request's body.
        case receiving(head: HTTPRequestHead, route: Route, body: ByteBuffer?)
        /// A valid generation request waits out ``EngineProfile/FaultOptions/slowHeadersMs``.
        case delaying(Scheduled<Void>)
        /// A generation is in progress; the response is not yet complete.
        case responding(session: GenerationSession)
        /// A 413 went out or a disconnect was injected; further request parts are dropped and
        /// the connection closes.
        case closing
    }

    /// How the current request is answered: its HTTP version, whether the connection stays
    /// open, and the dialect whose shapes the response takes.
    struct Reply {
        /// The request's HTTP version, echoed in the response.
        var version: HTTPVersion
        /// Whether the connection stays open after the response.
        var keepAlive: Bool
        /// The dialect of the route, for error shapes.
        var dialect: APIDialect
    }

    /// The engine answering this connection's requests.
    let engine: Engine
    /// The connection's state; see ``State``.
    var state = State.idle

    /// A handler answering from `engine`.
    init(engine: Engine) {
        self.engine = engine
    }

    /// Collects a request's head and body (up to ``maxBodyBytes``), then answers it.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head(let head), .idle):
            let route = Route(head: head)
            if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > Self.maxBodyBytes {
                reject(context: context, Reply(version: head.version, keepAlive: false, dialect: route.dialect))
                return
            }
            state = .receiving(head: head, route: route, body: nil)
        case (.body(var chunk), .receiving(let head, let route, var body)):
            if (body?.readableBytes ?? 0) + chunk.readableBytes > Self.maxBodyBytes {
                reject(context: context, Reply(version: head.version, keepAlive: false, dialect: route.dialect))
                return
            }
            state = .idle  // drop the buffer's second reference before appending
            if body == nil { body = chunk } else { body?.writeBuffer(&chunk) }
            state = .receiving(head: head, route: route, body: body)
        case (.end, .receiving(let head, let route, let body)):
            state = .idle
            handle(context: context, head: head, route: route, body: body)
        default:
            break  // parts of a rejected request, or parts out of order (the decoder prevents this)
        }
    }

    /// The client went away: a generation in progress is cancelled, freeing its engine slot.
    func channelInactive(context: ChannelHandlerContext) {
        switch state {
        case .responding(let session):
            state = .idle
            session.cancel()
        case .delaying(let pending):
            state = .idle
            pending.cancel()
        case .idle, .receiving, .closing:
            break
        }
        context.fireChannelInactive()
    }

    /// Any pipeline error ends the connection; cleanup happens in ``channelInactive(context:)``.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func handle(context: ChannelHandlerContext, head: HTTPRequestHead, route: Route, body: ByteBuffer?) {
        let reply = Reply(version: head.version, keepAlive: head.isKeepAlive, dialect: route.dialect)
        switch route {
        case .generate(let generation):
            let wire = generation.dialect.wire
            if let refusal = wire.authorizationFailure(head.headers) {
                respond(context: context, reply, error: refusal)
                return
            }
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            do throws(APIError) {
                var request = try wire.parseRequest(bytes, route: generation, profile: engine.profile)
                if engine.profile.prefixCacheBlocks > 0 { request.promptBlocks = PrefixCache.blocks(of: bytes) }
                if InferenceRequest.mentionsTools(bytes), let object = InferenceRequest.jsonObject(bytes) {
                    try wire.parseTools(object, into: &request)
                }
                if engine.profile.reasoning.tokens > 0, wire.carriesReasoning(request.kind) {
                    request.reasoningTokens = engine.profile.reasoning.tokens(for: RequestedReasoning(body: bytes))
                }
                let ticket = engine.registerArrival()
                after(ticket.faults.headerDelay, context: context) {
                    self.generate(context: context, reply, request: request, ticket: ticket)
                }
            } catch {
                respond(context: context, reply, error: error)
            }
        case .retrieval(let api):
            retrieve(context: context, reply, api: api, body: body.map { Array($0.readableBytesView) } ?? [])
        case .notFound:
            respond(context: context, reply, error: .notFound(path: head.uri))
        case .methodNotAllowed(let allowed, _):
            respond(
                context: context, reply,
                error: .methodNotAllowed(method: head.method.rawValue, path: head.uri, allowed: allowed),
                extraHeaders: [("allow", allowed)])
        case .refused(let error, _):
            respond(context: context, reply, error: error)
        case .health:
            respond(context: context, reply, status: .ok, body: "", contentType: nil)
        case .metrics:
            serveMetrics(context: context, reply)
        case .models(let dialect):
            serveModels(context: context, reply, dialect: dialect, path: head.uri)
        case .ollamaVersion:
            respond(context: context, reply, status: .ok, body: OllamaDialect.versionBody)
        case .ollamaRunningModels:
            serveRunningModels(context: context, reply)
        case .ollamaShow:
            serveModelDetails(context: context, reply, body: body.map { Array($0.readableBytesView) } ?? [])
        case .llamaCppProps:
            respond(context: context, reply, status: .ok, body: LlamaCppProps.body(profile: engine.profile))
        }
    }

    /// Runs `body` after `delay`, or now when it is zero; the connection closing meanwhile
    /// cancels it (see ``channelInactive(context:)``).
    func after(_ delay: TimeAmount, context: ChannelHandlerContext, _ body: @escaping () -> Void) {
        guard delay > .zero else { return body() }
        let pending = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            guard case .delaying = self.state else { return }
            self.state = .idle
            body()
        }
        state = .delaying(pending)
    }

    /// Answers 413 and closes: the rest of an oversized body is not worth reading.
    private func reject(context: ChannelHandlerContext, _ reply: Reply) {
        state = .closing
        respond(context: context, reply, error: .bodyTooLarge(limitBytes: Self.maxBodyBytes))
    }
}
