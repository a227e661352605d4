import ArgumentParser
import Foundation
import Simulator

/// `repat simulate`: the built-in simulated inference server, standalone.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve every API dialect (OpenAI, Azure, Ollama, Anthropic, Gemini, Bedrock, embeddings and rerank) from a simulated continuous-batching engine.",
        discussion: "Paths: /v1/chat/completions, /v1/completions, /v1/responses, /openai/deployments/{d}/…?api-version=, /api/chat, /api/generate, /v1/messages, /v1beta/models/{m}:streamGenerateContent, /model/{id}/converse-stream; embeddings at /v1/embeddings, /api/embed and /embed, reranks at /rerank and /v1/rerank; plus /metrics (vLLM names) and /api/ps. Engine options (--set NAME=VALUE): \(EngineProfile.optionNames.joined(separator: ", ")). Stop with Ctrl-C."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = 8000

    @Option(name: .customLong("set"), help: ArgumentHelp("Engine option, e.g. --set max_num_seqs=64 (repeatable).", valueName: "name=value"))
    var options: [String] = []

    @Option(help: "Event-loop threads (default: one per core).")
    var threads: Int?

    func validate() throws {
        _ = try profile()
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let server: SimulatorServer
        do {
            server = try await SimulatorServer.start(host: host, port: port, profile: try profile(), threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            FileHandleOutput.error("repat: error: cannot listen on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
        print("repat simulator listening at \(server.rootURL) (OpenAI-compatible API at \(server.baseURL); Ctrl-C to stop)")
        fflush(nil)
        let stopped = AsyncStream<Void>.makeStream()
        let trap = SignalTrap { _ in stopped.continuation.finish() }
        for await _ in stopped.stream {}
        trap.cancel()
        try await server.shutdown()
    }

    private func profile() throws -> EngineProfile {
        var profile = EngineProfile()
        for option in options {
            guard let equals = option.firstIndex(of: "=") else {
                throw ValidationError("--set expects name=value, got '\(option)'")
            }
            do {
                try profile.set(String(option[..<equals]), to: String(option[option.index(after: equals)...]))
            } catch {
                throw ValidationError("--set \(option): \(error.description)")
            }
        }
        return profile
    }
}
