import CurlTransport
import Foundation
import Workload

/// Amazon Bedrock Runtime's Converse API: `POST {baseURL}/model/{modelId}/converse-stream`
/// (ConverseStream, an `application/vnd.amazon.eventstream` response) or `/converse` (one JSON
/// body), with the base URL `https://bedrock-runtime.{region}.amazonaws.com`.
///
/// Requests are signed with AWS Signature Version 4 (service `bedrock`) when the endpoint has
/// ``Endpoint/aws`` credentials; otherwise a Bedrock API key, if any, is sent as a bearer token.
public struct BedrockDialect: Dialect {
    /// The Converse API, signatures dated by the system clock (`bedrock-converse`).
    public static let converse = BedrockDialect()

    /// The signing name of Bedrock Runtime.
    static let signingService = "bedrock"

    /// The clock signatures are dated by (`X-Amz-Date`); AWS refuses signatures more than about
    /// five minutes from its own time.
    private let now: @Sendable () -> Date

    /// Creates the dialect; `now` dates signatures (the system clock unless a test fixes it).
    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// `bedrock-converse`.
    public var id: String { "bedrock-converse" }

    /// Targets address an AWS region (`region:`, else `AWS_REGION` or `AWS_DEFAULT_REGION`, else the
    /// `bedrock` preset's default) and, without a Bedrock API key, need AWS credentials; they can
    /// send a thinking budget (see ``addReasoning(_:to:)``).
    public var traits: DialectTraits {
        DialectTraits(
            region: DialectTraits.Requirement(
                environmentVariables: ["AWS_REGION", "AWS_DEFAULT_REGION"],
                missingMessage: "required for Bedrock: the AWS region requests are signed for (or set AWS_REGION)"
            ),
            credentials: DialectTraits.Requirement(
                environmentVariables: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
                missingMessage: "AWS credentials are missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones), or name a Bedrock API key with api_key_env"
            ),
            reasoningFields: [.thinkingBudget]
        )
    }

    /// The standard AWS environment variables for the target's region (`eu-central-1` when it
    /// names none); for a `sim://` target without them, a fixed simulator identity (the built-in
    /// simulator checks that requests are signed, not by whom). `nil` when a real target has none
    /// (it may still carry a Bedrock API key as a bearer token).
    public func signingCredentials(for target: TargetSpec, environment: [String: String]) -> AWSCredentials? {
        let region = target.region ?? "eu-central-1"
        if let credentials = AWSCredentials.fromEnvironment(environment, region: region) {
            return credentials
        }
        guard target.isSimulated else { return nil }
        return AWSCredentials(accessKeyID: "AKIDREPATSIMULATOR", secretAccessKey: "repat-simulator-secret", region: region)
    }

    /// Empty: Bedrock's paths start at the host.
    public var defaultBasePath: String { "" }

    /// Builds the POST request. The model id (which contains `.` and `:`, or `/` in an ARN) is one
    /// percent-encoded path segment. Body keys, in order: `messages` (each `{"role",
    /// "content":[{"text"}]}`, system messages excluded), `system` (`[{"text"}]`, only when the
    /// prompt has system messages), `inferenceConfig` (`maxTokens`, then `temperature` and `topP`
    /// when set), `toolConfig` when the prompt offers tools (``addTools(for:to:)``). Converse has no
    /// seed, `ignore_eos` or `min_tokens`: those parameters are not sent.
    /// Headers: `Content-Type`, `Accept`, the endpoint's extra headers, then the authentication
    /// (``authorize(_:endpoint:)``), so that a signature covers all of them.
    ///
    /// The same prompt, endpoint and parameters give a byte-identical request at the same clock
    /// second; a signed request differs only in `X-Amz-Date` and `Authorization` otherwise.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        let operation = parameters.stream ? "converse-stream" : "converse"
        let modelSegment = AWSSigV4Encoding.uriEncode(Array(endpoint.model.utf8))
        let url = try endpoint.url(appending: "/model/\(modelSegment)/\(operation)")
        let headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", parameters.stream ? "application/vnd.amazon.eventstream" : "application/json"),
        ]
        var request = HTTPRequest(method: "POST", url: url, headers: headers, body: try Self.body(for: prompt, parameters: parameters))
        request.headers.append(contentsOf: endpoint.extraHeaders)
        authorize(&request, endpoint: endpoint)
        return request
    }

    /// Signs `request` with SigV4 for service `bedrock` in the credentials' region when the
    /// endpoint has ``Endpoint/aws`` credentials; else adds the API key (a Bedrock API key, as
    /// `Authorization: Bearer` unless the endpoint styles it otherwise); else leaves it as is.
    /// Call it after every other header is in place: headers added later are not signed.
    public func authorize(_ request: inout HTTPRequest, endpoint: Endpoint) {
        if let credentials = endpoint.aws {
            AWSSigV4Signer(credentials: credentials, service: Self.signingService).sign(&request, at: now())
        } else if let header = endpoint.keyHeader(default: defaultKeyStyle) {
            request.headers.append(header)
        }
    }

    /// `nil`: models are listed by the Bedrock control plane (`bedrock.{region}.amazonaws.com`),
    /// another host than the runtime endpoint.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        nil
    }

    /// `nil`: see ``modelListRequest(endpoint:)``.
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        nil
    }

    /// An event-stream decoder (ConverseStream) or a whole-body decoder (Converse).
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        streaming ? BedrockStreamDecoder() : WholeBodyDecoder<BedrockBody>()
    }

    /// The `message` (or `Message`) of a Bedrock error body such as
    /// `{"message":"The security token included in the request is invalid."}`; other bodies as the
    /// common error shapes read.
    public func errorMessage(fromBody body: [UInt8]) -> String? {
        if let message = (try? BedrockPayload.parse(body))?.message, let line = ErrorText.singleLine(message) {
            return line
        }
        return ErrorText.message(fromBody: body)
    }

    private static func body(for prompt: PromptItem, parameters: GenerationParameters) throws(DialectError) -> [UInt8] {
        func textBlocks(_ text: String) -> [JSONObjectWriter] {
            var block = JSONObjectWriter()
            block.add("text", text)
            return [block]
        }
        var json = JSONObjectWriter()
        json.add("messages", messageObjects(prompt.messages))
        let system = prompt.messages.filter { $0.role == "system" }
        if !system.isEmpty {
            json.add("system", system.flatMap { textBlocks($0.content) })
        }
        var inference = JSONObjectWriter()
        inference.add("maxTokens", prompt.maxTokens)
        if let temperature = parameters.temperature {
            guard temperature.isFinite else { throw .invalidParameter("temperature", value: "\(temperature)") }
            inference.add("temperature", temperature)
        }
        if let topP = parameters.topP {
            guard topP.isFinite else { throw .invalidParameter("top_p", value: "\(topP)") }
            inference.add("topP", topP)
        }
        json.add("inferenceConfig", inference)
        addTools(for: prompt, to: &json)
        addReasoning(parameters.reasoning, to: &json)
        return json.finished()
    }
}
