/// The result of signing one request with AWS Signature Version 4, step by step.
///
/// Holds no secret: the signature is an HMAC that does not reveal the key, and the credential is the
/// access key id, which AWS treats as public. The intermediate strings are kept for tests and for
/// diagnosing a `SignatureDoesNotMatch` answer.
public struct AWSSigV4Signature: Sendable, Equatable {
    /// The canonical request: method, canonical URI, canonical query, canonical headers, signed
    /// header names and payload hash, one per line.
    public var canonicalRequest: String
    /// `AWS4-HMAC-SHA256`, the time, the credential scope and the canonical request's SHA-256 (hex).
    public var stringToSign: String
    /// `yyyyMMdd/region/service/aws4_request`.
    public var credentialScope: String
    /// The lower-case header names that were signed, `;`-separated and sorted.
    public var signedHeaders: String
    /// The signature: HMAC-SHA256 of ``stringToSign`` under the derived key, lower-case hex.
    public var signature: String
    /// The `Authorization` header value.
    public var authorization: String
}
