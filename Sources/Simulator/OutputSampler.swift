import RepatSupport

/// Why a generation ended, as OpenAI's `finish_reason` spells it.
enum FinishReason: String, Sendable, Equatable {
    /// The sequence reached its maximum number of tokens.
    case length
    /// The sequence drew an end-of-sequence before its maximum.
    case stop
}

/// One output token and, for the last one, why generation ended.
struct SampledToken: Sendable, Equatable {
    /// The token text, with its leading space (" word").
    var text: String
    /// Set on the last token of the sequence only.
    var finishReason: FinishReason?
    /// The token belongs to the reasoning phase before the answer (encoders send it as the
    /// dialect's reasoning or thinking delta).
    var isReasoning = false
}

/// Draws a request's output tokens one at a time, deterministically from its seed.
///
/// Length rule: with `ignoreEOS` exactly `maxTokens` tokens; otherwise after each token an
/// end-of-sequence is drawn with probability `eosProbability`, but never before `minTokens`.
/// The last token carries `.length` when `maxTokens` was reached, else `.stop`.
///
/// The first `reasoningTokens` tokens are reasoning (``SampledToken/isReasoning``): drawn words
/// with no end-of-sequence draw, counting against `maxTokens`; the answer (drawn or scripted)
/// follows them.
struct OutputSampler: Sendable {
    /// Upper bound on output tokens (≥ 1).
    let maxTokens: Int
    /// Tokens emitted before an early stop may be drawn.
    let minTokens: Int
    /// When true, the output is exactly `maxTokens` tokens long.
    let ignoreEOS: Bool
    /// Per-token chance (0…1) of stopping early.
    let eosProbability: Double
    /// Tokens drawn so far.
    private(set) var emitted = 0
    /// True once the last token has been drawn.
    private(set) var isFinished = false
    private var generator: SeededGenerator
    /// A fixed answer's tokens (see ``KnownAnswer``), emitted instead of drawn words and ended
    /// with `.stop` (or `.length` when `maxTokens` cuts it); nil to draw.
    let script: [String]?
    /// Reasoning tokens before the answer (≥ 0).
    let reasoningTokens: Int

    /// A sampler for one request; `maxTokens` is clamped to at least 1. With `script`, the
    /// answer is those tokens (cut at `maxTokens`) and the length rule does not apply.
    init(
        maxTokens: Int, minTokens: Int, ignoreEOS: Bool, eosProbability: Double, seed: UInt64, script: [String]? = nil,
        reasoningTokens: Int = 0
    ) {
        self.maxTokens = max(1, maxTokens)
        self.minTokens = minTokens
        self.ignoreEOS = ignoreEOS
        self.eosProbability = eosProbability
        self.generator = SeededGenerator(seed: seed)
        self.script = script.flatMap { $0.isEmpty ? nil : $0 }
        self.reasoningTokens = max(0, reasoningTokens)
    }

    /// Reasoning tokens drawn so far.
    var reasoningEmitted: Int { min(emitted, reasoningTokens) }

    /// Draws the next token; call only while ``isFinished`` is false.
    mutating func nextToken() -> SampledToken {
        emitted += 1
        if emitted <= reasoningTokens {
            let text = Vocabulary.token(for: generator.next())
            isFinished = emitted >= maxTokens
            return SampledToken(text: text, finishReason: isFinished ? .length : nil, isReasoning: true)
        }
        if let script {
            let answered = emitted - reasoningTokens
            let text = script[answered - 1]
            guard emitted < maxTokens || answered == script.count else {
                isFinished = true
                return SampledToken(text: text, finishReason: .length)
            }
            isFinished = answered == script.count
            return SampledToken(text: text, finishReason: isFinished ? .stop : nil)
        }
        let text = Vocabulary.token(for: generator.next())
        let eosDraw = generator.nextUnitInterval()
        if emitted >= maxTokens {
            isFinished = true
            return SampledToken(text: text, finishReason: .length)
        }
        if !ignoreEOS, emitted >= minTokens, eosDraw < eosProbability {
            isFinished = true
            return SampledToken(text: text, finishReason: .stop)
        }
        return SampledToken(text: text, finishReason: nil)
    }
}
