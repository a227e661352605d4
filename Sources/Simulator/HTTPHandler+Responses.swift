import NIOCore
import NIOHTTP1

extension HTTPHandler {
    /// Sends a complete response with a `Content-Length`; closes afterwards unless `keepAlive`.
    func respond(
        context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool, status: HTTPResponseStatus,
        body: String, contentType: String? = "application/json", extraHeaders: [(String, String)] = []
    ) {
        let buffer = context.channel.allocator.buffer(string: body)
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "content-type", value: contentType) }
        headers.add(name: "content-length", value: String(buffer.readableBytes))
        headers.add(contentsOf: extraHeaders)
        addConnectionHeader(&headers, version: version, keepAlive: keepAlive)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        endResponse(context: context, keepAlive: keepAlive)
    }

    /// Sends `error` in OpenAI's shape with its status.
    func respond(
        context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool, error: APIError,
        extraHeaders: [(String, String)] = []
    ) {
        respond(
            context: context, version: version, keepAlive: keepAlive,
            status: HTTPResponseStatus(statusCode: error.status), body: error.jsonBody, extraHeaders: extraHeaders)
    }

    /// Sends the head of a server-sent event stream (chunked transfer encoding) and flushes it.
    func writeStreamHead(context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool) {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "text/event-stream")
        headers.add(name: "cache-control", value: "no-cache")
        headers.add(name: "transfer-encoding", value: "chunked")
        addConnectionHeader(&headers, version: version, keepAlive: keepAlive)
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))), promise: nil)
    }

    /// Writes one SSE event as one HTTP chunk; `flush` sends it (and anything before it) now.
    func writeEvent(context: ChannelHandlerContext, _ event: String, flush: Bool) {
        let part = wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: event))))
        if flush {
            context.writeAndFlush(part, promise: nil)
        } else {
            context.write(part, promise: nil)
        }
    }

    /// Ends the response and flushes; closes the connection afterwards unless `keepAlive`.
    ///
    /// The handler must already be in its idle state: writing `.end` lets the pipeline handler
    /// deliver the next pipelined request at once, re-entering `channelRead`.
    func endResponse(context: ChannelHandlerContext, keepAlive: Bool) {
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let promise = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
            promise.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    private func addConnectionHeader(_ headers: inout HTTPHeaders, version: HTTPVersion, keepAlive: Bool) {
        if !keepAlive {
            headers.add(name: "connection", value: "close")
        } else if version.major == 1, version.minor == 0 {
            headers.add(name: "connection", value: "keep-alive")
        }
    }
}

extension HTTPHandler {
    /// Answers an injected rejection: 500, 503, or 429 with a `Retry-After` of
    /// ``EngineProfile/FaultOptions/retryAfterSeconds`` (as an HTTP-date when
    /// ``EngineProfile/FaultOptions/retryAfterDate`` is set).
    func respond(context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool, rejection: FaultPlan.Rejection) {
        let faults = engine.profile.faults
        switch rejection {
        case .serverError:
            respond(context: context, version: version, keepAlive: keepAlive, error: .injected)
        case .unavailable:
            respond(context: context, version: version, keepAlive: keepAlive, error: .unavailable)
        case .rateLimited:
            let retryAfter = faults.retryAfterDate
                ? HTTPDate.format(unixSeconds: Self.unixTime() + faults.retryAfterSeconds)
                : String(faults.retryAfterSeconds)
            respond(
                context: context, version: version, keepAlive: keepAlive,
                error: .rateLimited(retryAfterSeconds: faults.retryAfterSeconds),
                extraHeaders: [("retry-after", retryAfter)])
        }
    }
}
