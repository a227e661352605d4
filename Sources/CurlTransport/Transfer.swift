import CCurl
import CCurlShim

/// One request in flight: its easy handle, the C buffers that must outlive it, the handler that
/// takes its response and what to call when it ends.
///
/// Ownership: created by the submitting task, then handed to a transport thread through its
/// command queue; from then on only that thread touches it (hence `@unchecked Sendable`).
final class Transfer: @unchecked Sendable {
    let id: UInt64
    let request: HTTPRequest
    let options: TransferOptions
    /// When to hand the request to curl, monotonic ns; 0 or a past time means at once.
    let sendAt: UInt64
    /// When it was handed to curl (0 until then).
    private(set) var startedAt: UInt64 = 0
    private let handler: any ResponseHandler
    private let onEnd: @Sendable (TransferEnd) -> Void

    private(set) var handle: EasyHandle?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headers: [HTTPHeader] = []
    private var status = 0
    private var headSent = false
    /// Set when the handler stopped the transfer from the write callback: how it then ends.
    private var stopped: (kind: TransferFailure.Kind, message: String)?

    init(
        id: UInt64, request: HTTPRequest, options: TransferOptions, sendAt: UInt64,
        handler: any ResponseHandler, onEnd: @escaping @Sendable (TransferEnd) -> Void
    ) {
        self.id = id
        self.request = request
        self.options = options
        self.sendAt = sendAt
        self.handler = handler
        self.onEnd = onEnd
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Builds the easy handle. `userdata` is this transfer, unretained: the transport keeps it
    /// alive until the handle is removed from the multi handle.
    func prepare() throws(CurlEasyError) -> EasyHandle {
        guard let easy = EasyHandle() else { throw CurlEasyError(code: CURLE_OUT_OF_MEMORY) }
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try easy.set(CURLOPT_WRITEFUNCTION, callback: transferWriteCallback)
        try easy.set(CURLOPT_WRITEDATA, pointer: userdata)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: transferHeaderCallback)
        try easy.set(CURLOPT_HEADERDATA, pointer: userdata)
        try easy.set(CURLOPT_TCP_NODELAY, 1)
        try easy.set(CURLOPT_TCP_KEEPALIVE, 1)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs)
        try easy.set(CURLOPT_TIMEOUT_MS, options.totalTimeoutMs)
        if options.idleTimeoutSeconds > 0 {
            try easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try easy.set(CURLOPT_LOW_SPEED_TIME, options.idleTimeoutSeconds)
        }
        if let path = options.caBundlePath { try easy.set(CURLOPT_CAINFO, path) }
        if let path = options.clientCertificatePath { try easy.set(CURLOPT_SSLCERT, path) }
        if let path = options.clientKeyPath { try easy.set(CURLOPT_SSLKEY, path) }
        if options.insecure {
            try easy.set(CURLOPT_SSL_VERIFYPEER, 0)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        switch options.httpVersion {
        case .automatic: try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        case .http1: try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        case .http2: try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE))
        }
        // Keep-alive and connection reuse come from the multi handle's connection cache; proxies
        // from http_proxy / https_proxy / no_proxy, which libcurl reads itself.
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        if request.body != nil {
            // Without this, curl sends "Expect: 100-continue" for large bodies and waits a second.
            list = curl_slist_append(list, "Expect:")
        }
        headerList = list
        try easy.set(CURLOPT_HTTPHEADER, list: list)
        switch request.method {
        case "GET": try easy.set(CURLOPT_HTTPGET, 1)
        case "POST": break
        default: try easy.set(CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body {
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
            // COPYPOSTFIELDS makes curl own a copy, so the Swift array need not outlive the transfer.
            try body.withUnsafeBufferPointer { buffer throws(CurlEasyError) in
                try easy.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            }
        }
        handle = easy
        return easy
    }

    /// One header line from curl (status line, field, or the blank line that ends the block).
    func receivedHeader(_ line: UnsafeRawBufferPointer, at time: UInt64) {
        var text = String(decoding: line, as: UTF8.self)
        // "\r\n" is a single Character, so test for newlines rather than comparing with "\n" or "\r".
        while let last = text.last, last.isNewline { text.removeLast() }
        if text.hasPrefix("HTTP/") {
            let parts = text.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers.removeAll()
        } else if text.isEmpty {
            if status >= 200 { sendHead(at: time) }
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].trimmingWhitespace()
            headers.append(HTTPHeader(name, value))
        }
    }

    /// Notes the moment the transport hands the prepared handle to curl.
    func markStarted(at time: UInt64) {
        startedAt = time
    }

    /// Body bytes from curl. Returns false when the handler wants the transfer stopped (curl then
    /// ends it with `CURLE_WRITE_ERROR`, reported as the handler's reason).
    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> Bool {
        if !headSent { sendHead(at: time) }
        switch handler.receivedBody(bytes, at: time) {
        case .proceed:
            return true
        case .cancel:
            stopped = (.cancelled, "cancelled by consumer")
        case .abort(let reason, let message):
            stopped = (.aborted(reason), message)
        }
        return false
    }

    /// Ends a transfer curl reports as done.
    func complete(code: CURLcode) {
        let timings = currentTimings()
        if code == CURLE_OK {
            if !headSent { sendHead(at: MonotonicClock.now()) }
            onEnd(.success(timings))
            return
        }
        let message = String(cString: errorBuffer)
        var text = message.isEmpty ? CurlEasyError(code: code).description : message
        var kind = Self.kind(of: code, message: text, timings: timings, receivedHead: headSent)
        if let stopped {
            (kind, text) = stopped
        } else if kind == .headerTooLarge {
            // curl says "Out of memory" for a header line over its limit: say what happened instead.
            text = "response header line over \(Int(CURL_MAX_HTTP_HEADER) / 1024) KiB, or headers over 300 KiB in all (\(text))"
        }
        onEnd(.failure(TransferFailure(
            kind: kind,
            curlCode: Int(code.rawValue),
            message: text,
            httpStatus: headSent ? status : 0,
            timings: timings
        )))
    }

    /// Ends a transfer that never reached curl or was cancelled.
    func fail(_ kind: TransferFailure.Kind, message: String) {
        onEnd(.failure(TransferFailure(
            kind: kind, curlCode: 0, message: message,
            httpStatus: headSent ? status : 0, timings: currentTimings()
        )))
    }

    private func currentTimings() -> TransferTimings {
        var timings = handle?.timings() ?? TransferTimings()
        timings.startedAt = startedAt
        return timings
    }

    private func sendHead(at time: UInt64) {
        guard !headSent else { return }
        headSent = true
        if status == 0, let handle { status = handle.long(CURLINFO_RESPONSE_CODE) }
        handler.receivedHead(ResponseHead(status: status, headers: headers, receivedAt: time))
    }

    private static func kind(of code: CURLcode, message: String, timings: TransferTimings, receivedHead: Bool) -> TransferFailure.Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .resolve
        case CURLE_COULDNT_CONNECT:
            return .connect
        case CURLE_OPERATION_TIMEDOUT:
            // curl uses one code for every timeout; its message and the phase reached tell them apart.
            if message.contains("too slow") { return .idleTimeout }
            if timings.pretransferMicros == 0 && !receivedHead { return .connectTimeout }
            return .totalTimeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tls
        // Before the head is complete, curl's "out of memory" is its cap on one header line
        // (CURL_MAX_HTTP_HEADER); "Too large response headers" its cap on all of them; code 100 is
        // CURLE_TOO_LARGE, which curl 8.6 and later report for both.
        case CURLE_OUT_OF_MEMORY where !receivedHead, CURLE_RECV_ERROR where message.contains("Too large response headers"):
            return .headerTooLarge
        case _ where code.rawValue == 100 && !receivedHead:
            return .headerTooLarge
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
             CURLE_HTTP2_STREAM, CURLE_WEIRD_SERVER_REPLY:
            return .network
        case CURLE_ABORTED_BY_CALLBACK, CURLE_WRITE_ERROR:
            return .cancelled
        default:
            return .other
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        guard let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// curl's write callback: stamps the time before anything else, then hands the bytes to the
/// transfer's handler, still in curl's buffer.
private let transferWriteCallback: repat_curl_data_callback = { data, size, count, userdata in
    let time = MonotonicClock.now()
    let length = size * count
    guard let data, let userdata else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
    let keep = transfer.receivedBody(UnsafeRawBufferPointer(start: data, count: length), at: time)
    // Returning a different count makes curl abort the transfer with CURLE_WRITE_ERROR.
    return keep ? length : 0
}

/// curl's header callback: one complete header line per call.
private let transferHeaderCallback: repat_curl_data_callback = { data, size, count, userdata in
    let time = MonotonicClock.now()
    let length = size * count
    guard let data, let userdata else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
    transfer.receivedHeader(UnsafeRawBufferPointer(start: data, count: length), at: time)
    return length
}
