import CurlTransport
import Dialects
import Foundation
import Testing

/// One case of AWS's Signature Version 4 test suite (`aws-sig-v4-test-suite`, signed on
/// 2015-08-30T12:36:00Z for `us-east-1`, service `service`, with AKIDEXAMPLE's example key).
///
/// The requests and the `Authorization` values are the suite's, as published in
/// aws/aws-sdk-js-v3 (`packages/signature-v4/src/suite.fixture.ts`) and awslabs/aws-c-auth
/// (`tests/aws-signing-test-suite/v4/*/header-signed-request.txt`). The canonical requests and
/// strings to sign are the suite's intermediate steps (its `.creq` and `.sts` files), which the
/// published signatures attest: an HMAC over any other string to sign would not match.
struct AWSSigV4SuiteVector {
    var name: String
    var method: String
    var url: String
    /// The request's headers before signing (the suite's, less `X-Amz-Date`, which the signer adds).
    var headers: [HTTPHeader]
    var body: [UInt8]?
    var sessionToken: String?
    var sendsPayloadHash = false
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String
}

/// The SHA-256 of an empty payload.
private let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
private let host = HTTPHeader("Host", "example.amazonaws.com")
private let credential = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request"
private let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/// A string to sign for the suite's time and scope.
private func stringToSign(_ canonicalRequestHash: String) -> String {
    "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n\(canonicalRequestHash)"
}

/// The canonical request of a suite case that signs only `host` and `x-amz-date` and has no body.
private func plainCanonical(_ method: String, path: String = "/", query: String = "") -> String {
    "\(method)\n\(path)\n\(query)\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)"
}

let sigV4SuiteVectors: [AWSSigV4SuiteVector] = [
    AWSSigV4SuiteVector(
        name: "get-vanilla", method: "GET", url: "https://example.amazonaws.com/", headers: [host],
        canonicalRequest: plainCanonical("GET"),
        stringToSign: stringToSign("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    ),
    AWSSigV4SuiteVector(
        name: "get-vanilla-query-order-key-case", method: "GET",
        url: "https://example.amazonaws.com/?Param2=value2&Param1=value1", headers: [host],
        canonicalRequest: plainCanonical("GET", query: "Param1=value1&Param2=value2"),
        stringToSign: stringToSign("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
    ),
    AWSSigV4SuiteVector(
        name: "get-vanilla-query-unreserved", method: "GET",
        url: "https://example.amazonaws.com/?\(unreserved)=\(unreserved)", headers: [host],
        canonicalRequest: plainCanonical("GET", query: "\(unreserved)=\(unreserved)"),
        stringToSign: stringToSign("c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"
    ),
    AWSSigV4SuiteVector(
        name: "get-vanilla-utf8-query", method: "GET", url: "https://example.amazonaws.com/?ሴ=bar", headers: [host],
        canonicalRequest: plainCanonical("GET", query: "%E1%88%B4=bar"),
        stringToSign: stringToSign("eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"
    ),
    AWSSigV4SuiteVector(
        name: "get-utf8", method: "GET", url: "https://example.amazonaws.com/ሴ", headers: [host],
        canonicalRequest: plainCanonical("GET", path: "/%E1%88%B4"),
        stringToSign: stringToSign("2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"
    ),
    AWSSigV4SuiteVector(
        name: "get-space-normalized", method: "GET", url: "https://example.amazonaws.com/example space/", headers: [host],
        canonicalRequest: plainCanonical("GET", path: "/example%20space/"),
        stringToSign: stringToSign("63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"
    ),
    AWSSigV4SuiteVector(
        name: "get-header-value-trim", method: "GET", url: "https://example.amazonaws.com/",
        headers: [host, HTTPHeader("My-Header1", "  value1 "), HTTPHeader("My-Header2", "\"a   b   c\"  ")],
        canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\n"
            + "x-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n\(emptyHash)",
        stringToSign: stringToSign("a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7"),
        authorization: "\(credential), SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"
    ),
    AWSSigV4SuiteVector(
        name: "get-header-key-duplicate", method: "GET", url: "https://example.amazonaws.com/",
        headers: [host, HTTPHeader("My-Header1", "value2"), HTTPHeader("My-Header1", "value2"), HTTPHeader("My-Header1", "value1")],
        canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\n"
            + "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
        stringToSign: stringToSign("dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c"),
        authorization: "\(credential), SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"
    ),
    AWSSigV4SuiteVector(
        name: "post-vanilla", method: "POST", url: "https://example.amazonaws.com/", headers: [host],
        canonicalRequest: plainCanonical("POST"),
        stringToSign: stringToSign("553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"
    ),
    AWSSigV4SuiteVector(
        name: "post-vanilla-query", method: "POST", url: "https://example.amazonaws.com/?Param1=value1", headers: [host],
        canonicalRequest: plainCanonical("POST", query: "Param1=value1"),
        stringToSign: stringToSign("9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"
    ),
    AWSSigV4SuiteVector(
        name: "post-x-www-form-urlencoded", method: "POST", url: "https://example.amazonaws.com/",
        headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded"), host],
        body: Array("Param1=value1".utf8),
        canonicalRequest: "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
            + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
        stringToSign: stringToSign("42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281"),
        authorization: "\(credential), SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
    ),
    // aws-c-auth's variant of the same case, with the payload hash sent as x-amz-content-sha256.
    AWSSigV4SuiteVector(
        name: "post-x-www-form-urlencoded (x-amz-content-sha256)", method: "POST", url: "https://example.amazonaws.com/",
        headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded"), host, HTTPHeader("Content-Length", "13")],
        body: Array("Param1=value1".utf8), sendsPayloadHash: true,
        canonicalRequest: "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
            + "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
            + "x-amz-date:20150830T123600Z\n\ncontent-length;content-type;host;x-amz-content-sha256;x-amz-date\n"
            + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
        stringToSign: stringToSign("b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb"),
        authorization: "\(credential), SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, "
            + "Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"
    ),
    // aws-c-auth's get-vanilla-with-session-token: the token is sent and signed.
    AWSSigV4SuiteVector(
        name: "get-vanilla-with-session-token", method: "GET", url: "https://example.amazonaws.com/", headers: [host],
        sessionToken: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
        canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n"
            + "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n\n"
            + "host;x-amz-date;x-amz-security-token\n\(emptyHash)",
        stringToSign: stringToSign("067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b"),
        authorization: "\(credential), SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
    ),
]


/// 2015-08-30T12:36:00Z, the suite's signing time.
private let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)

private func suiteSigner(token: String? = nil, sendsPayloadHash: Bool = false) -> AWSSigV4Signer {
    AWSSigV4Signer(
        credentials: AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: token, region: "us-east-1"
        ),
        service: "service", sendsPayloadHash: sendsPayloadHash
    )
}

@Suite("AWS SigV4 signer")
struct AWSSigV4SignerTests {
    @Test("AWS's SigV4 test suite: canonical request, string to sign and Authorization", arguments: sigV4SuiteVectors)
    func suite(_ vector: AWSSigV4SuiteVector) {
        var request = HTTPRequest(method: vector.method, url: vector.url, headers: vector.headers, body: vector.body)
        let signature = suiteSigner(token: vector.sessionToken, sendsPayloadHash: vector.sendsPayloadHash).sign(&request, at: suiteDate)
        #expect(signature.canonicalRequest == vector.canonicalRequest, "\(vector.name)")
        #expect(signature.stringToSign == vector.stringToSign, "\(vector.name)")
        #expect(signature.authorization == vector.authorization, "\(vector.name)")
        #expect(request.headers.last == HTTPHeader("Authorization", vector.authorization))
        #expect(request.headers.filter { $0.name == "X-Amz-Date" } == [HTTPHeader("X-Amz-Date", "20150830T123600Z")])
    }

    @Test("post-sts-header-after: a token added after signing leaves post-vanilla's signature")
    func tokenAfterSigning() {
        var request = HTTPRequest(method: "POST", url: "https://example.amazonaws.com/", headers: [HTTPHeader("Host", "example.amazonaws.com")])
        suiteSigner().sign(&request, at: suiteDate)
        request.headers.append(HTTPHeader("X-Amz-Security-Token", "token"))
        #expect(request.headers.first { $0.name == "Authorization" }?.value
            == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    @Test("headers added by signing: Host from the URL, X-Amz-Date, token, payload hash, Authorization last")
    func addedHeaders() {
        var request = HTTPRequest(method: "POST", url: "https://user@example.amazonaws.com:8443/a?b=c#frag", body: [])
        let signature = suiteSigner(token: "T", sendsPayloadHash: true).sign(&request, at: suiteDate)
        #expect(request.headers.map(\.name) == ["Host", "X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256", "Authorization"])
        #expect(request.headers[0].value == "example.amazonaws.com:8443")
        #expect(signature.signedHeaders == "host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
        #expect(signature.canonicalRequest.hasPrefix("POST\n/a\nb=c\nhost:example.amazonaws.com:8443\n"))
    }

    @Test("signing again replaces the earlier signature headers instead of adding a second set")
    func resign() {
        var request = HTTPRequest(method: "GET", url: "https://example.amazonaws.com/")
        let signer = suiteSigner(token: "T")
        signer.sign(&request, at: suiteDate)
        let first = request
        signer.sign(&request, at: suiteDate)
        #expect(request == first)
        signer.sign(&request, at: suiteDate.addingTimeInterval(3600))
        #expect(request.headers.filter { $0.name == "X-Amz-Date" }.map(\.value) == ["20150830T133600Z"])
        #expect(request.headers.filter { $0.name == "Authorization" }.count == 1)
    }

    @Test("hop-by-hop and client headers (User-Agent, Expect, Connection) are sent but not signed")
    func unsignedHeaders() {
        var request = HTTPRequest(method: "GET", url: "https://example.amazonaws.com/", headers: [
            HTTPHeader("User-Agent", "repat"), HTTPHeader("Expect", ""), HTTPHeader("Connection", "keep-alive"),
            HTTPHeader("Accept", "application/json"),
        ])
        let signature = suiteSigner().sign(&request, at: suiteDate)
        #expect(signature.signedHeaders == "accept;host;x-amz-date")
    }

    @Test("a percent-encoded path is encoded once more (every service but S3); the query is not")
    func doubleEncodedPath() {
        var request = HTTPRequest(
            method: "POST", url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-v2%3A1/converse?x=a%3Ab&y"
        )
        let signature = suiteSigner().sign(&request, at: suiteDate)
        let lines = signature.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "/model/anthropic.claude-v2%253A1/converse")
        #expect(lines[2] == "x=a%3Ab&y=")
    }

    @Test("query parameters sort by name, then by value")
    func querySort() {
        var request = HTTPRequest(method: "GET", url: "https://example.amazonaws.com/?b=2&a=z&a=y&A=1")
        let signature = suiteSigner().sign(&request, at: suiteDate)
        #expect(signature.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2] == "A=1&a=y&a=z&b=2")
    }

    @Test("X-Amz-Date is UTC to the second across month, year and leap-day boundaries")
    func timestamps() {
        let cases: [(TimeInterval, String)] = [
            (0, "19700101T000000Z"),
            (951_782_400, "20000229T000000Z"),
            (1_735_689_599.999, "20241231T235959Z"),
            (4_107_542_400, "21000301T000000Z"),
        ]
        for (seconds, expected) in cases {
            var request = HTTPRequest(method: "GET", url: "https://example.amazonaws.com/")
            let signature = suiteSigner().sign(&request, at: Date(timeIntervalSince1970: seconds))
            #expect(request.headers.first { $0.name == "X-Amz-Date" }?.value == expected)
            #expect(signature.credentialScope == "\(expected.prefix(8))/us-east-1/service/aws4_request")
        }
    }

    @Test("the secret key appears in no signed header or intermediate string")
    func noSecret() {
        var request = HTTPRequest(method: "GET", url: "https://example.amazonaws.com/")
        let signature = suiteSigner().sign(&request, at: suiteDate)
        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        #expect(!request.headers.contains { $0.value.contains(secret) })
        #expect(![signature.canonicalRequest, signature.stringToSign, signature.authorization].contains { $0.contains(secret) })
    }
}
