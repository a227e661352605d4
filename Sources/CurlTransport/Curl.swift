import CCurl

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide libcurl set-up.
public enum Curl {
    /// Initialises libcurl and ignores `SIGPIPE`. Call once from `main`, before any thread or task
    /// starts: `curl_global_init` is not thread-safe, and a peer closing a socket must not kill the
    /// process.
    /// - Returns: `false` when libcurl could not initialise.
    @discardableResult
    public static func globalInit() -> Bool {
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_SSL)) == CURLE_OK
    }

    /// libcurl's version string, e.g. `libcurl/7.88.1 OpenSSL/3.0.17 zlib/1.2.13 nghttp2/1.52.0`.
    public static var versionDescription: String {
        guard let text = curl_version() else { return "libcurl" }
        return String(cString: text)
    }
}
