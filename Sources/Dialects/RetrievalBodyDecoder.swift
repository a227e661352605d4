import Metrics

/// Decodes the whole body of an embedding or rerank response and checks it answers the request:
/// one embedding per input, all of one dimension, or one finite score per document, each
/// document once. A body that parses but does not answer is recorded as
/// ``ResponseObservation/invalidBody`` (a `parse_error` with that message); one that does not
/// parse counts one parse error.
///
/// A valid body is observed as complete (``ResponseObservation/sawEndMarker``) with one stamp at
/// its last bytes, which is the request's end-to-end time; it carries no output tokens.
struct RetrievalBodyDecoder: ResponseDecoder, Sendable {
    /// What the request asked for.
    enum Expectation: Sendable, Equatable {
        /// Embeddings of this many inputs.
        case embeddings(inputs: Int)
        /// Scores of this many documents.
        case scores(documents: Int)
    }

    private let expectation: Expectation
    private var body: [UInt8] = []
    /// When the last body bytes were read (monotonic ns), or `nil` before any.
    private var lastBytesAt: UInt64?

    /// A decoder for the response to a request expecting `expectation`.
    init(expecting expectation: Expectation) {
        self.expectation = expectation
    }

    /// Appends body bytes (valid only during the call) read at `receivedAt` (monotonic ns).
    mutating func consume(_ bytes: UnsafeRawBufferPointer, receivedAt: UInt64) {
        body.append(contentsOf: bytes)
        lastBytesAt = receivedAt
    }

    /// Always false: the body counts only once complete.
    var hasToken: Bool { false }

    /// Always false: a body ends with the transfer.
    var sawEndMarker: Bool { false }

    /// The body so far.
    var heldBytes: Int { body.count }

    /// Always 0: embeddings and scores are not output tokens.
    var outputTokensSeen: Int { 0 }

    /// Drops the body: it is being abandoned for its size, and is then observed as empty.
    mutating func releaseHeld() {
        body = []
    }

    /// Reads and checks the whole body.
    mutating func finish(at: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return observation }
        let time = lastBytesAt ?? at
        switch expectation {
        case .embeddings(let inputs):
            guard let parsed = try? EmbeddingBody.parse(body) else {
                observation.parseErrors = 1
                return observation
            }
            observation.usage = parsed.promptTokens.map { TokenUsage(promptTokens: $0) }
            if parsed.totalDurationNs != nil || parsed.loadDurationNs != nil {
                observation.serverTimings = ServerTimings(
                    totalMs: parsed.totalDurationNs.map { $0 / 1e6 }, loadMs: parsed.loadDurationNs.map { $0 / 1e6 },
                    promptTokens: parsed.promptTokens)
            }
            if let message = parsed.errorMessage {
                observation.streamError = ErrorText.singleLine(message) ?? "error"
                return observation
            }
            observation.invalidBody = Self.problem(dimensions: parsed.dimensions, inputs: inputs)
        case .scores(let documents):
            guard let parsed = try? RerankBody.parse(body) else {
                observation.parseErrors = 1
                return observation
            }
            observation.usage = parsed.promptTokens.map { TokenUsage(promptTokens: $0) }
            if let message = parsed.errorMessage {
                observation.streamError = ErrorText.singleLine(message) ?? "error"
                return observation
            }
            observation.invalidBody = Self.problem(scores: parsed.scores, documents: documents)
            if observation.invalidBody == nil {
                // Best first; a tie keeps the documents' order.
                observation.ranking = parsed.scores.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }.map(\.index)
            }
        }
        if observation.invalidBody == nil {
            observation.sawEndMarker = true
            observation.tokens.append(time)
        }
        return observation
    }

    /// Why embeddings of these dimensions do not answer a request of `inputs` inputs; nil when
    /// they do.
    static func problem(dimensions: [Int], inputs: Int) -> String? {
        guard dimensions.count == inputs else {
            return "\(dimensions.count) embeddings for \(inputs) inputs"
        }
        guard let first = dimensions.first else { return nil }
        guard first > 0 else { return "empty embedding" }
        if let other = dimensions.first(where: { $0 != first }) {
            return "embeddings of mixed dimensions (\(first) and \(other))"
        }
        return nil
    }

    /// Why these scores do not answer a rerank of `documents` documents; nil when they do.
    static func problem(scores: [RerankBody.Score], documents: Int) -> String? {
        guard scores.count == documents else {
            return "\(scores.count) scores for \(documents) documents"
        }
        var seen = Set<Int>()
        for score in scores {
            guard (0..<documents).contains(score.index) else {
                return "score for document \(score.index) of \(documents)"
            }
            guard seen.insert(score.index).inserted else { return "document \(score.index) scored twice" }
            guard score.score.isFinite else { return "score of document \(score.index) is not a finite number" }
        }
        return nil
    }
}
