import NIOCore

/// When one request passed each stage of its generation in the engine model, on the monotonic
/// clock: the timeline from which Ollama's durations and Bedrock's latency are reported.
///
/// Token times are when the engine produced each token (its due time), not when the event loop
/// got round to writing it, so the stages add up to the engine's own account, free of the
/// simulator's scheduling jitter, as a real engine's timings are free of its HTTP writes.
struct GenerationTimeline: Sendable, Equatable {
    /// When the request reached the engine.
    var startedAt: NIODeadline
    /// When it first got an engine slot; nil until then.
    var admittedAt: NIODeadline?
    /// When its first token was produced; nil until then.
    var firstTokenAt: NIODeadline?
    /// When its latest token was produced; nil until the first.
    var lastTokenAt: NIODeadline?

    /// Nanoseconds waiting for an engine slot.
    var queueNanos: Int64 { nanos(from: startedAt, to: admittedAt ?? startedAt) }
    /// Nanoseconds from admission to the first token: the prefill, with any wait for the shared
    /// prefill unit and an injected first-token delay.
    var prefillNanos: Int64 {
        guard let admittedAt else { return 0 }
        return nanos(from: admittedAt, to: firstTokenAt ?? admittedAt)
    }
    /// Nanoseconds from the first token to the last: the decode steps after the first token,
    /// with any injected stall or preemption.
    var decodeNanos: Int64 {
        guard let firstTokenAt else { return 0 }
        return nanos(from: firstTokenAt, to: lastTokenAt ?? firstTokenAt)
    }
    /// Nanoseconds from reaching the engine to the last token: the sum of the three stages.
    var totalNanos: Int64 { queueNanos + prefillNanos + decodeNanos }

    private func nanos(from start: NIODeadline, to end: NIODeadline) -> Int64 {
        max(0, (end - start).nanoseconds)
    }
}

/// How a finished generation ended: why, how many tokens, and when each stage happened.
struct GenerationOutcome: Sendable, Equatable {
    /// Why generation stopped.
    var finishReason: FinishReason
    /// Prompt length in simulated tokens.
    var promptTokens: Int
    /// Output length in tokens, reasoning included.
    var completionTokens: Int
    /// Of ``completionTokens``, the reasoning phase's.
    var reasoningTokens = 0
    /// The request's timeline in the engine.
    var timeline: GenerationTimeline
}
