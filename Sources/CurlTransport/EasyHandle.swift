import CCurl
import CCurlShim

/// A curl easy handle's result code, kept apart from multi-handle codes so the two cannot be mixed.
struct CurlEasyError: Error, CustomStringConvertible {
    let code: CURLcode

    var description: String {
        guard let text = curl_easy_strerror(code) else { return "curl error \(code.rawValue)" }
        return String(cString: text)
    }
}

/// Owner of one `CURL *`. Touched by the transport thread only.
final class EasyHandle {
    let raw: UnsafeMutableRawPointer

    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
    }

    deinit {
        curl_easy_cleanup(raw)
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlEasyError) {
        try check(repat_curl_easy_setopt_long(raw, option, value))
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlEasyError) {
        try check(repat_curl_easy_setopt_off_t(raw, option, curl_off_t(value)))
    }

    /// Sets a string option; curl copies the string (7.17 and later), so it need not outlive the call.
    func set(_ option: CURLoption, _ value: String) throws(CurlEasyError) {
        try check(repat_curl_easy_setopt_string(raw, option, value))
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(CurlEasyError) {
        try check(repat_curl_easy_setopt_pointer(raw, option, value))
    }

    func set(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?) throws(CurlEasyError) {
        try check(repat_curl_easy_setopt_slist(raw, option, value))
    }

    func set(_ option: CURLoption, callback value: repat_curl_data_callback) throws(CurlEasyError) {
        try check(repat_curl_easy_setopt_data_callback(raw, option, value))
    }

    func long(_ info: CURLINFO) -> Int {
        var value = 0
        _ = repat_curl_easy_getinfo_long(raw, info, &value)
        return value
    }

    func offset(_ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        _ = repat_curl_easy_getinfo_off_t(raw, info, &value)
        return Int64(value)
    }

    /// curl's view of the transfer's timings.
    func timings() -> TransferTimings {
        var timings = TransferTimings()
        timings.dnsMicros = offset(CURLINFO_NAMELOOKUP_TIME_T)
        timings.connectMicros = offset(CURLINFO_CONNECT_TIME_T)
        timings.tlsMicros = offset(CURLINFO_APPCONNECT_TIME_T)
        timings.pretransferMicros = offset(CURLINFO_PRETRANSFER_TIME_T)
        timings.firstByteMicros = offset(CURLINFO_STARTTRANSFER_TIME_T)
        timings.totalMicros = offset(CURLINFO_TOTAL_TIME_T)
        timings.reusedConnection = long(CURLINFO_NUM_CONNECTS) == 0 && timings.pretransferMicros > 0
        switch long(CURLINFO_HTTP_VERSION) {
        case Int(CURL_HTTP_VERSION_1_0): timings.httpVersion = "1.0"
        case Int(CURL_HTTP_VERSION_1_1): timings.httpVersion = "1.1"
        case Int(CURL_HTTP_VERSION_2_0): timings.httpVersion = "2"
        case Int(CURL_HTTP_VERSION_3): timings.httpVersion = "3"
        default: timings.httpVersion = ""
        }
        return timings
    }

    private func check(_ code: CURLcode) throws(CurlEasyError) {
        guard code == CURLE_OK else { throw CurlEasyError(code: code) }
    }
}
