import CurlTransport
import Foundation
import Workload

/// Azure OpenAI's deployment-based API: `POST {baseURL}/openai/deployments/{deployment}/chat/completions?api-version=V`
/// (or `/completions`), where the base URL is the resource (`https://RESOURCE.openai.azure.com`) and
/// the endpoint's ``Endpoint/model`` names the deployment. The body and the response are OpenAI's,
/// so the requests and decoders are ``OpenAIDialect``'s.
public struct AzureOpenAIDialect: Dialect {
    /// The `api-version` sent unless the endpoint names one: the latest generally available dated
    /// version of the data-plane inference API that serves these deployment paths.
    public static let defaultAPIVersion = "2024-10-21"

    /// The chat API (`azure-openai-chat`).
    public static let chat = AzureOpenAIDialect(api: .chat)
    /// The completions API (`azure-openai-completions`).
    public static let completions = AzureOpenAIDialect(api: .completions)

    /// Deployment names are sent as one path segment: characters other than these are percent-encoded.
    private static let segmentCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// The OpenAI API this dialect calls on the deployment.
    public let api: OpenAIDialect.API

    /// Creates the dialect for `api`.
    public init(api: OpenAIDialect.API) {
        self.api = api
    }

    /// `azure-openai-chat` or `azure-openai-completions`.
    public var id: String { "azure-openai-\(api.rawValue)" }

    /// Builds the POST request: OpenAI's body (``OpenAIDialect/makeRequest(for:endpoint:parameters:)``,
    /// `model` being the deployment name) and headers, the key as `api-key` (or, with an endpoint
    /// whose ``Endpoint/keyStyle`` is ``APIKeyStyle/bearer``, a Microsoft Entra ID token as
    /// `Authorization: Bearer`), then the endpoint's extra headers.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        try jsonPOST(
            "/openai/deployments/\(Self.segment(endpoint.model))\(api.path)\(Self.query(endpoint))",
            body: try OpenAIDialect(api: api).makeBody(for: prompt, model: endpoint.model, parameters: parameters),
            streaming: parameters.stream, endpoint: endpoint
        )
    }

    /// The chat API takes `response_format`, as OpenAI's does.
    public var acceptsOutputSchema: Bool { api == .chat }

    /// Empty: the base URL is the resource endpoint.
    public var defaultBasePath: String { "" }

    /// The key goes in the `api-key` header.
    public var defaultKeyStyle: APIKeyStyle { .header("api-key") }

    /// `GET {baseURL}/openai/models?api-version=V`: the models the resource can use (base and
    /// fine-tuned models, not deployments).
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        try jsonGET("/openai/models\(Self.query(endpoint))", endpoint: endpoint)
    }

    /// Always `nil`: Azure's listing names base models (`gpt-4o-mini-2024-07-18`), not the
    /// deployment names requests address, so it proves the credentials but cannot show that a
    /// deployment exists (the tiny request of `repat targets` does).
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        nil
    }

    /// OpenAI's stream decoder (server-sent events) or whole-body decoder.
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        OpenAIDialect(api: api).makeDecoder(streaming: streaming)
    }

    /// `?api-version=` and the endpoint's version, or ``defaultAPIVersion``.
    private static func query(_ endpoint: Endpoint) -> String {
        "?api-version=" + segment(endpoint.apiVersion ?? defaultAPIVersion)
    }

    /// `text` percent-encoded to fit one path segment or query value.
    private static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? text
    }
}
