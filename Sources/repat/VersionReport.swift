import CurlTransport
import Results

/// What `repat --version` prints: repat's version, the commit it was built from (`unknown` for a
/// binary outside a checkout that no package stamped) and the libcurl it runs with.
enum VersionReport {
    /// Three lines, without the final line break: `repat 0.1.0`, `commit <hash>`, libcurl's own
    /// version string (`libcurl/7.88.1 OpenSSL/3.0.17 …`, from the library loaded at run time).
    static func text() async -> String {
        """
        repat \(RepatVersion.current)
        commit \(await RepatVersion.gitCommit() ?? "unknown")
        \(Curl.versionDescription)
        """
    }
}
