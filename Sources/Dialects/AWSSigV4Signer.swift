import Crypto
import CurlTransport
import Foundation
import RepatSupport

/// Signs HTTP requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`) in the `Authorization`
/// header, as every AWS service but S3 expects: the request's path (as sent, already
/// percent-encoded) is encoded once more.
///
/// Holds a secret: never log a signer or its ``credentials``.
public struct AWSSigV4Signer: Sendable {
    /// Who signs, and the region the signature is valid in.
    public var credentials: AWSCredentials
    /// The signing name of the service (`bedrock` for Bedrock Runtime).
    public var service: String
    /// Whether to send and sign `x-amz-content-sha256` (the payload hash) as well.
    public var sendsPayloadHash: Bool

    /// Creates a signer for `service` in `credentials.region`.
    public init(credentials: AWSCredentials, service: String, sendsPayloadHash: Bool = false) {
        self.credentials = credentials
        self.service = service
        self.sendsPayloadHash = sendsPayloadHash
    }

    /// Signs `request` as of `date`.
    ///
    /// Replaces any earlier `Authorization`, `X-Amz-Date`, `X-Amz-Security-Token` and
    /// `x-amz-content-sha256` headers; adds `Host` (from the URL) when the request has none, so that
    /// the signed host is the one sent; then adds `X-Amz-Date`, `X-Amz-Security-Token` (temporary
    /// credentials only), `x-amz-content-sha256` (when ``sendsPayloadHash``) and `Authorization`.
    /// Every header but a few hop-by-hop and client-set ones is signed, so headers added later are
    /// sent unsigned.
    /// - Returns: the signature and its intermediate steps.
    @discardableResult
    public func sign(_ request: inout HTTPRequest, at date: Date) -> AWSSigV4Signature {
        let replaced: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]
        request.headers.removeAll { replaced.contains($0.name.lowercased()) }
        let url = AWSSigV4URL(request.url)
        if !request.headers.contains(where: { $0.name.lowercased() == "host" }) {
            request.headers.append(HTTPHeader("Host", url.authority))
        }
        let time = AWSSigV4Time(date)
        request.headers.append(HTTPHeader("X-Amz-Date", time.timestamp))
        if let token = credentials.sessionToken {
            request.headers.append(HTTPHeader("X-Amz-Security-Token", token))
        }
        let payloadHash = Hex.encode(SHA256.hash(data: request.body ?? []))
        if sendsPayloadHash {
            request.headers.append(HTTPHeader("x-amz-content-sha256", payloadHash))
        }
        let signature = signature(for: request, url: url, time: time, payloadHash: payloadHash)
        request.headers.append(HTTPHeader("Authorization", signature.authorization))
        return signature
    }

    /// Header names never signed: the signature itself and fields a client or proxy may add,
    /// drop or rewrite on the way.
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "expect", "connection", "keep-alive", "proxy-connection",
        "transfer-encoding", "te", "upgrade", "x-amzn-trace-id",
    ]

    private func signature(for request: HTTPRequest, url: AWSSigV4URL, time: AWSSigV4Time, payloadHash: String) -> AWSSigV4Signature {
        var headers: [String: [String]] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            guard !Self.unsignedHeaders.contains(name) else { continue }
            headers[name, default: []].append(AWSSigV4Encoding.trimmedValue(header.value))
        }
        let names = headers.keys.sorted()
        let signedHeaders = names.joined(separator: ";")
        let canonicalHeaders = names.map { "\($0):\(headers[$0, default: []].joined(separator: ","))\n" }.joined()
        let canonicalRequest = [
            request.method.uppercased(),
            url.canonicalPath,
            url.canonicalQuery,
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = "\(time.day)/\(credentials.region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256",
            time.timestamp,
            scope,
            Hex.encode(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let signature = Hex.encode(Self.hmac(signingKey(day: time.day), stringToSign))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return AWSSigV4Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, credentialScope: scope,
            signedHeaders: signedHeaders, signature: signature, authorization: authorization
        )
    }

    /// The key for `day` (`yyyyMMdd`): the secret chained through HMACs of the day, region,
    /// service and `aws4_request`.
    private func signingKey(day: String) -> [UInt8] {
        [day, credentials.region, service, "aws4_request"].reduce(Array("AWS4\(credentials.secretAccessKey)".utf8)) {
            Self.hmac($0, $1)
        }
    }

    private static func hmac(_ key: [UInt8], _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }
}
