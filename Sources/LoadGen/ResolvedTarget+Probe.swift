import CurlTransport
import Dialects

/// Side requests to a target beside the measured ones (reachability, version, tokenize),
/// sharing its credentials and transfer options.
extension ResolvedTarget {
    /// The server's root: the base URL without the dialect's base path (`/v1`, `/v1beta`), where
    /// engines serve their own endpoints (`/version`, `/tokenize`, `/props`).
    public var serverRoot: String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        let basePath = dialect.defaultBasePath
        if !basePath.isEmpty, root.hasSuffix(basePath) { root.removeLast(basePath.count) }
        return root
    }

    /// `request` with the target's extra headers and its authentication (key header or signature,
    /// added last so a signature covers the rest), for side requests to the same server.
    public func authorized(_ request: HTTPRequest) -> HTTPRequest {
        var request = request
        request.headers.append(contentsOf: endpoint.extraHeaders)
        dialect.authorize(&request, endpoint: endpoint)
        return request
    }

    /// A cheap authorized request that any live server answers: the dialect's model listing, or a
    /// `GET` of the base URL when the API lists no models; `nil` for an unusable base URL.
    public var reachabilityRequest: HTTPRequest? {
        if let listing = try? dialect.modelListRequest(endpoint: endpoint) { return listing }
        guard let url = try? endpoint.url(appending: "") else { return nil }
        return authorized(HTTPRequest(method: "GET", url: url))
    }

    /// Sends `request` and collects the status and up to `limit` body bytes.
    /// - Throws: the ``TransferFailure`` when no HTTP response arrived.
    public func fetch(_ request: HTTPRequest, transport: CurlTransport, options: TransferOptions, limit: Int = 1 << 20) async throws -> (status: Int, body: [UInt8]) {
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
