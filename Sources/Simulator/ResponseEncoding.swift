import RepatSupport

/// Renders one generation request's response in one API's wire format. Made per request by its
/// dialect (``WireDialect/encoder(for:context:)``); ``HTTPHandler`` drives it the same way for
/// every dialect and applies the injected faults around it.
///
/// A stream is: the opening events (with the response head), the first-token preamble, one event
/// per token, then the closing events, or the failure events when a stream error is injected.
protocol ResponseEncoding: Sendable {
    /// How the stream is framed, and its content type.
    var framing: StreamFraming { get }
    /// Events sent with the stream head, before the engine has produced anything (Anthropic's
    /// `message_start`, Bedrock's `messageStart`).
    func openingEvents() -> [StreamEvent]
    /// Events sent just before the first token's event (OpenAI's role-only chat chunk).
    func firstTokenPreamble() -> [StreamEvent]
    /// Events sent just before the event of token `index`: by default the first-token preamble
    /// before token 0. An encoder whose output moves from one part to another (the Responses
    /// API's reasoning item, then its message item) closes and opens parts here as `token` needs.
    func eventsBefore(_ token: SampledToken, index: Int) -> [StreamEvent]
    /// The event carrying token `index` (from 0); `token.finishReason` is set on the last.
    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent
    /// Events after the last token: stop reasons, usage, timings, end markers.
    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent]
    /// Events reporting `error` inside a stream whose head already said 200; the stream ends after
    /// them.
    func failureEvents(_ error: APIError) -> [StreamEvent]
    /// The whole non-streaming response body for the generated `text`.
    func fullBody(text: String, outcome: GenerationOutcome) -> String
    /// Events sent just before the first answer token that follows reasoning tokens (Anthropic
    /// and Bedrock close the reasoning block there and open the answer's).
    func answerPreamble() -> [StreamEvent]
    /// The whole non-streaming response body for the answer `text` after the reasoning
    /// `reasoning` (empty when the response did not reason).
    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String
}

extension ResponseEncoding {
    /// No opening events.
    func openingEvents() -> [StreamEvent] { [] }
    /// No preamble.
    func firstTokenPreamble() -> [StreamEvent] { [] }
    /// The first-token preamble before token 0, nothing before the others.
    func eventsBefore(_ token: SampledToken, index: Int) -> [StreamEvent] {
        index == 0 ? firstTokenPreamble() : []
    }
    /// No answer preamble.
    func answerPreamble() -> [StreamEvent] { [] }
    /// The body without its reasoning, for an API that does not return it.
    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String {
        fullBody(text: text, outcome: outcome)
    }
}

/// What every encoder needs beyond the request: the served model, the time, and a seed for ids.
struct EncoderContext: Sendable {
    /// The profile's model name, echoed when the request names none.
    var defaultModel: String
    /// When the request was accepted, in Unix seconds.
    var receivedAt: Double
    /// Seed of the response's id.
    var idSeed: UInt64

    /// `count` hex digits drawn from ``idSeed``.
    func hexID(digits count: Int) -> String {
        SeededGenerator.hexDigits(count, seed: idSeed)
    }
}
