import CurlTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers shared by the loopback test targets.

/// Process-wide libcurl set-up, run once however many tests use the transport (tests have no `main`).
public enum CurlSetup {
    private static let initialised: Bool = Curl.globalInit()

    /// Initialises libcurl on first use; later calls do nothing.
    public static func ensure() {
        _ = initialised
    }
}

/// A loopback TCP port that is bound but not listening, so connecting to it is refused. The port
/// stays reserved (no other socket can take it) until ``release()``.
public final class RefusingPort {
    /// The reserved port.
    public let port: Int
    private var descriptor: Int32

    /// Binds a fresh socket to `127.0.0.1:0`; returns nil when the system refuses.
    public init?() {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        guard bound == 0, named == 0 else {
            _ = close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    deinit {
        release()
    }

    /// Closes the socket, freeing the port.
    public func release() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }
}
