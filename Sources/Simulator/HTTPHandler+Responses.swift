import NIOCore
import NIOHTTP1

extension HTTPHandler {
    /// Sends a complete response with a `Content-Length`; closes afterwards unless keep-alive.
    func respond(
        context: ChannelHandlerContext, _ reply: Reply, status: HTTPResponseStatus, body: String,
        contentType: String? = "application/json", extraHeaders: [(String, String)] = []
    ) {
        let buffer = context.channel.allocator.buffer(string: body)
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "content-type", value: contentType) }
        headers.add(name: "content-length", value: String(buffer.readableBytes))
        headers.add(contentsOf: extraHeaders)
        addConnectionHeader(&headers, reply)
        let head = HTTPResponseHead(version: reply.version, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        endResponse(context: context, keepAlive: reply.keepAlive)
    }

    /// Sends `error` as the reply's dialect shapes it, with its status and headers.
    func respond(
        context: ChannelHandlerContext, _ reply: Reply, error: APIError, extraHeaders: [(String, String)] = []
    ) {
        let response = reply.dialect.wire.errorResponse(error)
        respond(
            context: context, reply, status: HTTPResponseStatus(statusCode: response.status), body: response.body,
            extraHeaders: response.headers + extraHeaders)
    }

    /// Sends the head of a streamed response (chunked transfer encoding) and flushes it.
    func writeStreamHead(context: ChannelHandlerContext, _ reply: Reply, contentType: String) {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: contentType)
        headers.add(name: "cache-control", value: "no-cache")
        headers.add(name: "transfer-encoding", value: "chunked")
        addConnectionHeader(&headers, reply)
        let head = HTTPResponseHead(version: reply.version, status: .ok, headers: headers)
        context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
    }

    /// Writes `events`, framed, as one HTTP chunk; `flush` sends it (and anything before it) now.
    /// Writes nothing for no events.
    func writeEvents(context: ChannelHandlerContext, _ events: [StreamEvent], framing: StreamFraming, flush: Bool) {
        guard !events.isEmpty else { return }
        var buffer = context.channel.allocator.buffer(capacity: 256)
        for event in events {
            framing.write(event, to: &buffer)
        }
        let part = wrapOutboundOut(.body(.byteBuffer(buffer)))
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

    private func addConnectionHeader(_ headers: inout HTTPHeaders, _ reply: Reply) {
        if !reply.keepAlive {
            headers.add(name: "connection", value: "close")
        } else if reply.version.major == 1, reply.version.minor == 0 {
            headers.add(name: "connection", value: "keep-alive")
        }
    }
}
