import CurlTransport
import Workload

/// An API dialect: builds the HTTP request for a prompt and decodes the response into observations.
///
/// A dialect is a stateless value shared by every request of a run; per-response state lives in the
/// ``ResponseDecoder`` it makes.
public protocol Dialect: Sendable {
    /// Stable identifier used on the command line and in results files (`openai-chat`, `openai-completions`).
    var id: String { get }

    /// Builds the request for one prompt.
    ///
    /// The same prompt, endpoint and parameters always give a byte-identical request.
    /// - Throws: ``DialectError`` when the endpoint's base URL or a parameter cannot be sent.
    func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest

    /// A fresh decoder for one response body; `streaming` must match the request's
    /// ``GenerationParameters/stream``.
    func makeDecoder(streaming: Bool) -> any ResponseDecoder

    /// A short human message from an error body (for example OpenAI's `{"error":{"message":…}}`),
    /// or `nil` when the body says nothing useful. One line, at most about 300 characters.
    func errorMessage(fromBody body: [UInt8]) -> String?
}
