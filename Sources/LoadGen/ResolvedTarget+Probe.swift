import CurlTransport
import Dialects

/// Side requests to a target beside the measured ones (reachability, version, tokenize),
/// sharing its credentials and transfer options.
extension ResolvedTarget {
    /// The server's root: the base URL without a trailing `/v1`, where engines serve their own
    /// endpoints (`/version`, `/tokenize`, `/props`).
    var serverRoot: String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        if root.hasSuffix("/v1") { root.removeLast(3) }
        return root
    }

    /// The target's extra headers plus its bearer token, for side requests.
    var authHeaders: [HTTPHeader] {
        var headers = endpoint.extraHeaders
        if let key = endpoint.apiKey { headers.append(HTTPHeader("Authorization", "Bearer \(key)")) }
        return headers
    }

    /// Sends `request` and collects the status and up to `limit` body bytes.
    /// - Throws: the ``TransferFailure`` when no HTTP response arrived.
    func fetch(_ request: HTTPRequest, transport: CurlTransport, options: TransferOptions, limit: Int = 1 << 20) async throws -> (status: Int, body: [UInt8]) {
        var status = 0
        var body: [UInt8] = []
        for try await event in transport.stream(request, options: options) {
            switch event {
            case .head(let head): status = head.status
            case .body(let chunk): body += chunk.bytes.prefix(max(0, limit - body.count))
            case .finished: break
            }
        }
        return (status, body)
    }
}
