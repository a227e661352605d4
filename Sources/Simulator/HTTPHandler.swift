import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Serves the OpenAI-compatible API on one connection, one request at a time (NIO's
/// `HTTPServerPipelineHandler` in front holds pipelined requests back until a response ends).
///
/// Lives on the connection's event loop. A generation request is handed to a
/// ``GenerationSession``; when the client disconnects mid-response the session is cancelled,
/// which frees its engine slot. Injected faults (``FaultPlan``) are applied here: the head delay,
/// rejections, corrupted events, and how an aborted stream ends.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Request parts from NIO's HTTP decoder.
    typealias InboundIn = HTTPServerRequestPart
    /// Response parts for NIO's HTTP encoder.
    typealias OutboundOut = HTTPServerResponsePart

    /// Largest request body accepted, in bytes (64 MiB); larger ones get 413 and a closed connection.
    static let maxBodyBytes = 64 * 1024 * 1024

    private enum State {
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

    /// The engine answering this connection's requests.
    let engine: Engine
    private var state = State.idle

    /// A handler answering from `engine`.
    init(engine: Engine) {
        self.engine = engine
    }

    /// Collects a request's head and body (up to ``maxBodyBytes``), then answers it.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (.head(let head), .idle):
            if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > Self.maxBodyBytes {
                reject(context: context, version: head.version)
                return
            }
            state = .receiving(head: head, route: Route(method: head.method, uri: head.uri), body: nil)
        case (.body(var chunk), .receiving(let head, let route, var body)):
            if (body?.readableBytes ?? 0) + chunk.readableBytes > Self.maxBodyBytes {
                reject(context: context, version: head.version)
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
        let keepAlive = head.isKeepAlive
        switch route {
        case .health:
            respond(context: context, version: head.version, keepAlive: keepAlive, status: .ok, body: "", contentType: nil)
        case .models:
            var out = JSONWriter()
            out.raw(#"{"object":"list","data":[{"id":"#)
            out.string(engine.profile.modelName)
            out.raw(#","object":"model","created":\#(Self.unixTime()),"owned_by":"repat-simulator"}]}"#)
            respond(context: context, version: head.version, keepAlive: keepAlive, status: .ok, body: out.text)
        case .notFound:
            respond(context: context, version: head.version, keepAlive: keepAlive, error: .notFound(path: head.uri))
        case .methodNotAllowed(let allowed):
            respond(
                context: context, version: head.version, keepAlive: keepAlive,
                error: .methodNotAllowed(method: head.method.rawValue, path: head.uri, allowed: allowed),
                extraHeaders: [("allow", allowed)])
        case .generate(let endpoint):
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            do throws(APIError) {
                let request = try InferenceRequest.parse(endpoint: endpoint, body: bytes, profile: engine.profile)
                let ticket = engine.registerArrival()
                after(ticket.faults.headerDelay, context: context) {
                    self.generate(context: context, version: head.version, keepAlive: keepAlive, request: request, ticket: ticket)
                }
            } catch {
                respond(context: context, version: head.version, keepAlive: keepAlive, error: error)
            }
        }
    }

    /// Runs `body` after `delay`, or now when it is zero; the connection closing meanwhile
    /// cancels it (see ``channelInactive(context:)``).
    private func after(_ delay: TimeAmount, context: ChannelHandlerContext, _ body: @escaping () -> Void) {
        guard delay > .zero else { return body() }
        let pending = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            guard case .delaying = self.state else { return }
            self.state = .idle
            body()
        }
        state = .delaying(pending)
    }

    /// Starts a generation: answers an injected rejection, or sends the stream head and hands the
    /// rest to a ``GenerationSession`` carrying the request's faults.
    private func generate(
        context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool, request: InferenceRequest,
        ticket: Engine.ArrivalTicket
    ) {
        let faults = ticket.faults
        if let rejection = faults.rejection {
            respond(context: context, version: version, keepAlive: keepAlive, rejection: rejection)
            return
        }
        let encoder = ResponseEncoder(
            request: request, defaultModel: engine.profile.modelName, created: Self.unixTime(),
            idSeed: engine.idSeed(ordinal: ticket.ordinal))
        let sampler = OutputSampler(
            maxTokens: request.maxTokens, minTokens: request.minTokens, ignoreEOS: request.ignoreEOS,
            eosProbability: engine.profile.eosProbability,
            seed: engine.outputSeed(requestSeed: request.seed, ordinal: ticket.ordinal))

        let session: GenerationSession
        if request.stream {
            writeStreamHead(context: context, version: version, keepAlive: keepAlive)
            session = GenerationSession(
                engine: engine, eventLoop: context.eventLoop, sampler: sampler, faults: faults,
                onToken: { token, index in
                    if index == 0, request.endpoint == .chatCompletions {
                        self.writeEvent(context: context, encoder.roleEvent(), flush: false)
                    }
                    self.writeEvent(context: context, encoder.tokenEvent(token, index: index, faults: faults), flush: true)
                },
                onFinish: { _, completionTokens in
                    self.state = .idle
                    if request.includeUsage {
                        let usage = encoder.usageEvent(promptTokens: request.promptTokens, completionTokens: completionTokens)
                        self.writeEvent(context: context, usage, flush: false)
                    }
                    self.writeEvent(context: context, ResponseEncoder.doneEvent, flush: false)
                    self.endResponse(context: context, keepAlive: keepAlive)
                },
                onAbort: { kind in
                    switch kind {
                    case .disconnect:
                        self.disconnect(context: context, streaming: true)
                    case .streamError:
                        self.state = .idle
                        self.writeEvent(context: context, ResponseEncoder.errorEvent(.generationFailed), flush: false)
                        self.writeEvent(context: context, ResponseEncoder.doneEvent, flush: false)
                        self.endResponse(context: context, keepAlive: keepAlive)
                    }
                })
        } else {
            var text = ""
            session = GenerationSession(
                engine: engine, eventLoop: context.eventLoop, sampler: sampler, faults: faults,
                onToken: { token, index in
                    if let bytes = faults.largeEventBytes, FaultPlan.isCorrupted(index: index, isLast: token.finishReason != nil) {
                        text += token.enlarged(toBytes: bytes).text
                    } else {
                        text += token.text
                    }
                },
                onFinish: { reason, completionTokens in
                    let body = encoder.fullResponse(
                        text: text, finishReason: reason, promptTokens: request.promptTokens,
                        completionTokens: completionTokens)
                    self.state = .idle
                    self.respond(
                        context: context, version: version, keepAlive: keepAlive, status: .ok,
                        body: faults.malformed ? ResponseEncoder.malformedBody(body) : body)
                },
                onAbort: { kind in
                    switch kind {
                    case .disconnect:
                        self.disconnect(context: context, streaming: false)
                    case .streamError:
                        self.state = .idle
                        self.respond(context: context, version: version, keepAlive: keepAlive, error: .generationFailed)
                    }
                })
        }
        state = .responding(session: session)
        session.start(promptTokens: request.promptTokens)
    }

    /// An injected disconnect: once what was written is out, the connection closes without
    /// ending the response (no terminating chunk), so the client sees a cut stream. Without a
    /// response head (`streaming` false) there is nothing to wait for: it closes at once.
    private func disconnect(context: ChannelHandlerContext, streaming: Bool) {
        state = .closing
        guard streaming else { return context.close(promise: nil) }
        // An empty body part is not framed as a chunk; its promise tells when earlier writes are
        // out, so closing does not discard them.
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer()))), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// Answers 413 and closes: the rest of an oversized body is not worth reading.
    private func reject(context: ChannelHandlerContext, version: HTTPVersion) {
        state = .closing
        respond(
            context: context, version: version, keepAlive: false,
            error: .bodyTooLarge(limitBytes: Self.maxBodyBytes))
    }

    /// Whole seconds since the Unix epoch, for `created` fields.
    static func unixTime() -> Int {
        Int(Date().timeIntervalSince1970)
    }
}
