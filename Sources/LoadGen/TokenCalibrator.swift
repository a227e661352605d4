import CurlTransport
import Dialects
import Foundation
import Workload

/// Measures how many of a target's tokens one generated word makes, so synthetic prompts aimed at
/// N tokens land close to N there. Two texts of different lengths are measured and the slope taken,
/// which cancels fixed overheads (a BOS token, the chat template).
public struct TokenCalibrator: Sendable {
    /// Why calibration failed, in one line naming the target.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// One line.
        public var description: String
    }

    /// The result.
    public struct Result: Sendable {
        /// Target tokens per generated word.
        public var tokensPerWord: Double
        /// `tokenize` or `probe`.
        public var method: String
    }

    static let shortWords = 100
    static let longWords = 500

    private let transport: CurlTransport

    /// A calibrator sending through `transport`.
    public init(transport: CurlTransport) {
        self.transport = transport
    }

    /// Calibrates against `target`: its tokenize endpoint first when `mode` is `auto`, else (or
    /// failing that) two probe requests reading `usage.prompt_tokens`.
    public func calibrate(_ target: ResolvedTarget, mode: WorkloadSpec.Calibration) async throws(Failure) -> Result {
        let short = WorkloadGenerator.sampleText(words: Self.shortWords, seed: 1)
        let long = WorkloadGenerator.sampleText(words: Self.longWords, seed: 2)
        if mode == .auto, let a = await tokenizeCount(short, target), let b = await tokenizeCount(long, target), b > a {
            return Result(tokensPerWord: Double(b - a) / Double(Self.longWords - Self.shortWords), method: "tokenize")
        }
        guard let a = await probeCount(short, target), let b = await probeCount(long, target), b > a else {
            throw Failure(description: "target '\(target.spec.name)': cannot calibrate prompt lengths: no tokenize endpoint and no usage.prompt_tokens in its responses")
        }
        return Result(tokensPerWord: Double(b - a) / Double(Self.longWords - Self.shortWords), method: "probe")
    }

    /// Token count from a `/tokenize` endpoint: llama.cpp's form (`content` → `tokens`), then vLLM's
    /// (`model`, `prompt` → `count`).
    private func tokenizeCount(_ text: String, _ target: ResolvedTarget) async -> Int? {
        let bodies: [[String: Any]] = [
            ["content": text, "add_special": false],
            ["model": target.endpoint.model, "prompt": text, "add_special_tokens": false],
        ]
        for body in bodies {
            guard let data = try? JSONSerialization.data(withJSONObject: body),
                  let (status, response) = await post("\(target.serverRoot)/tokenize", body: Array(data), target: target),
                  status == 200,
                  let object = (try? JSONSerialization.jsonObject(with: Data(response))) as? [String: Any] else { continue }
            if let count = object["count"] as? Int { return count }
            if let tokens = object["tokens"] as? [Any] { return tokens.count }
        }
        return nil
    }

    /// Prompt tokens the target reports for a one-token, non-streamed request.
    private func probeCount(_ text: String, _ target: ResolvedTarget) async -> Int? {
        var parameters = target.parameters
        parameters.stream = false
        let item = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: text)], maxTokens: 1)
        guard let request = try? target.dialect.makeRequest(for: item, endpoint: target.endpoint, parameters: parameters),
              let (status, body) = await send(request, target: target), (200..<300).contains(status) else { return nil }
        var decoder = target.dialect.makeDecoder(streaming: false)
        body.withUnsafeBytes { decoder.consume($0, receivedAt: 0) }
        return decoder.finish(at: 0).usage?.promptTokens
    }

    private func post(_ url: String, body: [UInt8], target: ResolvedTarget) async -> (Int, [UInt8])? {
        let request = HTTPRequest(method: "POST", url: url, headers: [HTTPHeader("Content-Type", "application/json")], body: body)
        return await send(target.authorized(request), target: target)
    }

    private func send(_ request: HTTPRequest, target: ResolvedTarget) async -> (Int, [UInt8])? {
        guard let (status, body) = try? await target.fetch(request, transport: transport, options: target.options) else { return nil }
        return (status, body)
    }
}
