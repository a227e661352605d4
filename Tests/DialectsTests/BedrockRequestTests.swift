import Crypto
import CurlTransport
import Dialects
import Foundation
import Testing
import Workload

/// 2024-01-02T03:04:05Z.
private let signingDate = Date(timeIntervalSince1970: 1_704_164_645)
private let dialect = BedrockDialect(now: { signingDate })
private let credentials = AWSCredentials(
    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    sessionToken: "SESSION-TOKEN", region: "eu-west-3"
)
private let modelID = "anthropic.claude-3-5-sonnet-20240620-v1:0"
private let prompt = PromptItem(
    index: 0,
    messages: [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Say \"hi\"")],
    maxTokens: 64
)

private func endpoint(aws: AWSCredentials? = credentials, apiKey: String? = nil, extra: [HTTPHeader] = []) -> Endpoint {
    Endpoint(
        baseURL: "https://bedrock-runtime.eu-west-3.amazonaws.com/", model: modelID, apiKey: apiKey,
        extraHeaders: extra, aws: aws
    )
}

private func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// SigV4 worked by hand from the specification: the signing key chained through HMAC-SHA256 of
/// the day, region, service and `aws4_request`, applied to the string to sign.
private func expectedSignature(canonicalRequest: String, region: String) -> String {
    let stringToSign = "AWS4-HMAC-SHA256\n20240102T030405Z\n20240102/\(region)/bedrock/aws4_request\n"
        + hex(SHA256.hash(data: Array(canonicalRequest.utf8)))
    var key = SymmetricKey(data: Array("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".utf8))
    for part in ["20240102", region, "bedrock", "aws4_request"] {
        key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
    }
    return hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
}

@Suite("Bedrock requests")
struct BedrockRequestTests {
    @Test("a ConverseStream request: encoded model path, exact body, headers and a SigV4 signature worked by hand")
    func streamingRequest() throws {
        let parameters = GenerationParameters(stream: true, temperature: 0.5, topP: 0.9, seed: 7, ignoreEOS: true, minTokens: 3)
        let request = try dialect.makeRequest(for: prompt, endpoint: endpoint(extra: [HTTPHeader("X-Trace", "run-1")]), parameters: parameters)

        #expect(request.method == "POST")
        #expect(request.url == "https://bedrock-runtime.eu-west-3.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream")
        let body = #"{"messages":[{"role":"user","content":[{"text":"Say \"hi\""}]}],"system":[{"text":"Be brief."}],"#
            + #""inferenceConfig":{"maxTokens":64,"temperature":0.5,"topP":0.9}}"#
        #expect(request.body == Array(body.utf8))
        #expect(request.headers.map(\.name) == [
            "Content-Type", "Accept", "X-Trace", "Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization",
        ])
        #expect(request.headers[1].value == "application/vnd.amazon.eventstream")
        #expect(request.headers[3].value == "bedrock-runtime.eu-west-3.amazonaws.com")
        #expect(request.headers[4].value == "20240102T030405Z")
        #expect(request.headers[5].value == "SESSION-TOKEN")

        let canonicalRequest = """
            POST
            /model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse-stream

            accept:application/vnd.amazon.eventstream
            content-type:application/json
            host:bedrock-runtime.eu-west-3.amazonaws.com
            x-amz-date:20240102T030405Z
            x-amz-security-token:SESSION-TOKEN
            x-trace:run-1

            accept;content-type;host;x-amz-date;x-amz-security-token;x-trace
            \(hex(SHA256.hash(data: Array(body.utf8))))
            """
        let signature = expectedSignature(canonicalRequest: canonicalRequest, region: "eu-west-3")
        #expect(request.headers[6].value == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/eu-west-3/bedrock/aws4_request, "
            + "SignedHeaders=accept;content-type;host;x-amz-date;x-amz-security-token;x-trace, Signature=\(signature)")
    }

    @Test("a Converse request: /converse, JSON accepted, no system block without system messages, no unset sampling")
    func nonStreamingRequest() throws {
        let item = PromptItem(index: 3, messages: [ChatMessage(role: "user", content: "a"), ChatMessage(role: "assistant", content: "b"),
                                                   ChatMessage(role: "user", content: "c")], maxTokens: 5)
        let request = try dialect.makeRequest(for: item, endpoint: endpoint(), parameters: GenerationParameters(stream: false))
        #expect(request.url.hasSuffix("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse"))
        #expect(request.headers.first { $0.name == "Accept" }?.value == "application/json")
        let body = #"{"messages":[{"role":"user","content":[{"text":"a"}]},{"role":"assistant","content":[{"text":"b"}]},"#
            + #"{"role":"user","content":[{"text":"c"}]}],"inferenceConfig":{"maxTokens":5}}"#
        #expect(request.body == Array(body.utf8))
    }

    @Test("the same prompt at the same second gives a byte-identical signed request")
    func deterministic() throws {
        let first = try dialect.makeRequest(for: prompt, endpoint: endpoint(), parameters: GenerationParameters())
        let second = try dialect.makeRequest(for: prompt, endpoint: endpoint(), parameters: GenerationParameters())
        #expect(first == second)
    }

    @Test("an inference profile ARN is one path segment: its slash and colons are percent-encoded")
    func arnModel() throws {
        var target = endpoint(aws: nil)
        target.model = "arn:aws:bedrock:eu-west-3:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0"
        let request = try dialect.makeRequest(for: prompt, endpoint: target, parameters: GenerationParameters())
        #expect(request.url == "https://bedrock-runtime.eu-west-3.amazonaws.com/model/"
            + "arn%3Aaws%3Abedrock%3Aeu-west-3%3A123456789012%3Ainference-profile%2Feu.anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream")
    }

    @Test("without AWS credentials a Bedrock API key goes as a bearer token, unsigned")
    func bearerKey() throws {
        let request = try dialect.makeRequest(for: prompt, endpoint: endpoint(aws: nil, apiKey: "ABSK-key"), parameters: GenerationParameters())
        #expect(request.headers.map(\.name) == ["Content-Type", "Accept", "Authorization"])
        #expect(request.headers[2].value == "Bearer ABSK-key")
    }

    @Test("AWS credentials win over an API key; with neither the request carries no authentication")
    func authenticationChoice() throws {
        let signed = try dialect.makeRequest(for: prompt, endpoint: endpoint(apiKey: "ABSK-key"), parameters: GenerationParameters())
        #expect(signed.headers.filter { $0.name == "Authorization" }.map { $0.value.hasPrefix("AWS4-HMAC-SHA256 ") } == [true])
        let bare = try dialect.makeRequest(for: prompt, endpoint: endpoint(aws: nil), parameters: GenerationParameters())
        #expect(bare.headers.map(\.name) == ["Content-Type", "Accept"])
    }

    @Test("authorize signs a side request in the credentials' region, without a token for long-term keys")
    func sideRequest() {
        var longTerm = credentials
        longTerm.sessionToken = nil
        longTerm.region = "us-east-1"
        var request = HTTPRequest(method: "GET", url: "https://bedrock-runtime.us-east-1.amazonaws.com/")
        dialect.authorize(&request, endpoint: endpoint(aws: longTerm))
        let canonicalRequest = "GET\n/\n\nhost:bedrock-runtime.us-east-1.amazonaws.com\nx-amz-date:20240102T030405Z\n\n"
            + "host;x-amz-date\n" + hex(SHA256.hash(data: [UInt8]()))
        #expect(request.headers.map(\.name) == ["Host", "X-Amz-Date", "Authorization"])
        #expect(request.headers[2].value == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/bedrock/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=\(expectedSignature(canonicalRequest: canonicalRequest, region: "us-east-1"))")
    }

    @Test("a non-finite temperature or top_p is refused")
    func invalidParameters() {
        #expect(throws: DialectError.invalidParameter("temperature", value: "nan")) {
            try dialect.makeRequest(for: prompt, endpoint: endpoint(), parameters: GenerationParameters(temperature: .nan))
        }
        #expect(throws: DialectError.invalidParameter("top_p", value: "inf")) {
            try dialect.makeRequest(for: prompt, endpoint: endpoint(), parameters: GenerationParameters(topP: .infinity))
        }
    }

    @Test("registered as bedrock-converse, served from the host root, with no model listing")
    func registration() throws {
        let registered = try #require(DialectRegistry.named("bedrock-converse"))
        #expect(registered.defaultBasePath == "")
        #expect(try registered.modelListRequest(endpoint: endpoint()) == nil)
        #expect(registered.modelIDs(fromListBody: Array(#"{"modelSummaries":[]}"#.utf8)) == nil)
    }

    @Test("error bodies: Bedrock's message or Message, other shapes as usual, on one line")
    func errorBodies() {
        #expect(dialect.errorMessage(fromBody: Array(#"{"message":"The security token included in the request is invalid."}"#.utf8))
            == "The security token included in the request is invalid.")
        #expect(dialect.errorMessage(fromBody: Array(#"{"Message":"User: arn:aws:iam::1:user/x is not authorized\nto perform"}"#.utf8))
            == "User: arn:aws:iam::1:user/x is not authorized to perform")
        #expect(dialect.errorMessage(fromBody: Array(#"{"error":{"message":"from a proxy"}}"#.utf8)) == "from a proxy")
        #expect(dialect.errorMessage(fromBody: Array("<html><title>502 Bad Gateway</title></html>".utf8)) == "502 Bad Gateway")
    }
}
