import Foundation
import NIOCore
import NIOPosix

/// A tiny loopback HTTP/1.1 client for the simulator's tests, stamping when each SSE event arrives.
enum TestHTTPClient {
    /// What to send on one connection.
    struct Request: Sendable {
        var method = "POST"
        var path: String
        var body: String?
        /// Extra raw header lines, e.g. `Connection: close`.
        var headers: [String] = []

        var bytes: [UInt8] {
            var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            for header in headers { text += header + "\r\n" }
            if let body {
                text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            } else {
                text += "\r\n"
            }
            return Array(text.utf8)
        }
    }

    /// Sends `requests` pipelined on one connection and returns their responses (the last one
    /// partial if the connection closed early or `closeAfterEvents` cut it).
    ///
    /// - Parameter closeAfterEvents: close the connection once this many SSE events have arrived.
    static func exchange(
        port: Int, _ requests: [Request], closeAfterEvents: Int? = nil, timeout: Duration = .seconds(10)
    ) async throws -> [TestHTTPResponse] {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: [TestHTTPResponse].self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            Collector(expected: requests.count, closeAfterEvents: closeAfterEvents, promise: promise))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
        } catch {
            promise.fail(error)
            throw error
        }
        var out = channel.allocator.buffer(capacity: 1024)
        for request in requests { out.writeBytes(request.bytes) }
        try await channel.writeAndFlush(out)
        let (seconds, attoseconds) = timeout.components
        let timer = loop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        return try await promise.futureResult.get()
    }

    /// Sends one request on its own connection and returns its response.
    static func send(
        port: Int, _ request: Request, closeAfterEvents: Int? = nil, timeout: Duration = .seconds(10)
    ) async throws -> TestHTTPResponse {
        let responses = try await exchange(port: port, [request], closeAfterEvents: closeAfterEvents, timeout: timeout)
        return responses.first ?? TestHTTPResponse()
    }

    /// POSTs a JSON body to `path` and returns the response.
    static func post(port: Int, _ path: String, _ body: String, timeout: Duration = .seconds(10)) async throws -> TestHTTPResponse {
        try await send(port: port, Request(path: path, body: body), timeout: timeout)
    }

    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer

        private var parser = ResponseParser()
        private let expected: Int
        private let closeAfterEvents: Int?
        private let promise: EventLoopPromise<[TestHTTPResponse]>
        private var done = false

        init(expected: Int, closeAfterEvents: Int?, promise: EventLoopPromise<[TestHTTPResponse]>) {
            self.expected = expected
            self.closeAfterEvents = closeAfterEvents
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let now = ContinuousClock.now
            let buffer = unwrapInboundIn(data)
            parser.feed(Array(buffer.readableBytesView), at: now)
            if parser.finished.count >= expected {
                finish(context: context)
            } else if let limit = closeAfterEvents, (parser.partial?.events.count ?? 0) >= limit {
                finish(context: context)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            finish(context: context)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        private func finish(context: ChannelHandlerContext) {
            guard !done else { return }
            done = true
            var responses = parser.finished
            if let partial = parser.partial { responses.append(partial) }
            promise.succeed(responses)
            context.close(promise: nil)
        }
    }
}
