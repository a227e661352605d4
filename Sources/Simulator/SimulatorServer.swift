import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The built-in simulated inference server: a real HTTP/1.1 server answering from a model of a
/// continuous-batching engine described by an ``EngineProfile``, in every dialect repat drives:
///
/// - OpenAI-compatible, as vLLM: `POST /v1/chat/completions`, `/v1/completions`, `GET /v1/models`,
///   `/health`, and `/metrics` (the engine's state with vLLM's Prometheus names);
/// - Azure OpenAI: `POST /openai/deployments/{deployment}/chat/completions?api-version=…` and
///   `/completions`, `GET /openai/models?api-version=…`;
/// - Ollama: `POST /api/chat`, `/api/generate`, `/api/show`, `GET /api/tags`, `/api/version`, `/api/ps`;
/// - llama.cpp: `GET /props` (the served model file and the slots);
/// - Anthropic: `POST /v1/messages`, and `GET /v1/models` with an `anthropic-version` header;
/// - Gemini: `POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse`,
///   `GET /v1beta/models`;
/// - Bedrock: `POST /model/{modelId}/converse`, `/converse-stream` (SigV4-signed requests only).
///
/// One engine serves every route, so requests in different dialects share its slots, queue and
/// KV cache, and every dialect gets the injected faults in its own shape.
///
/// Every connection lives on one event loop of the server's own `MultiThreadedEventLoopGroup`;
/// tokens are emitted by scheduled tasks, so thousands of concurrent streams cost no threads.
/// The server owns its group and releases it in ``shutdown()``.
public final class SimulatorServer: Sendable {
    /// The bound TCP port.
    public let port: Int
    /// The OpenAI-compatible API root, e.g. `http://127.0.0.1:8000/v1` (IPv6 hosts bracketed).
    public let baseURL: String
    /// The server's root, e.g. `http://127.0.0.1:8000`, to which each dialect appends its own
    /// paths (`/v1`, `/api`, `/v1beta`, `/openai/deployments/…`, `/model/…`).
    public let rootURL: String

    private let group: MultiThreadedEventLoopGroup
    private let listener: any Channel
    private let engine: Engine
    private let connections: ConnectionTracker
    private let isRunning = NIOLockedValueBox(true)

    private init(
        port: Int, rootURL: String, group: MultiThreadedEventLoopGroup, listener: any Channel,
        engine: Engine, connections: ConnectionTracker
    ) {
        self.port = port
        self.rootURL = rootURL
        self.baseURL = rootURL + "/v1"
        self.group = group
        self.listener = listener
        self.engine = engine
        self.connections = connections
    }

    /// Binds `host:port` (port 0 picks a free one) and starts serving on `threads` event loops.
    ///
    /// - Throws: the bind error (address in use, bad host); nothing is left running then.
    public static func start(
        host: String = "127.0.0.1", port: Int = 0, profile: EngineProfile = EngineProfile(),
        threads: Int = System.coreCount
    ) async throws -> SimulatorServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let engine = Engine(profile: profile, startedAt: WallClock.now())
        let connections = ConnectionTracker()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.register(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(HTTPHandler(engine: engine))
                }
            }
        let listener: any Channel
        do {
            listener = try await bootstrap.bind(host: host, port: port).get()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        let boundPort = listener.localAddress?.port ?? port
        let boundHost = listener.localAddress?.ipAddress ?? host
        let urlHost = boundHost.contains(":") ? "[\(boundHost)]" : boundHost
        return SimulatorServer(
            port: boundPort, rootURL: "http://\(urlHost):\(boundPort)", group: group,
            listener: listener, engine: engine, connections: connections)
    }

    /// Counters for tests: requests served, errors and faults injected, running and waiting
    /// sequences (now and at peak), preemptions.
    public var statistics: SimulatorStatistics {
        engine.statistics
    }

    /// Stops accepting, closes every connection (cutting in-flight streams) and releases the
    /// event loops. Idempotent: calls after the first return at once.
    public func shutdown() async throws {
        let first = isRunning.withLockedValue { running in
            defer { running = false }
            return running
        }
        guard first else { return }
        try? await listener.close()
        await connections.closeAll()
        try await group.shutdownGracefully()
    }
}
