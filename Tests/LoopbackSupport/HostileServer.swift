import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP/1.1 server on loopback that answers every request by running a script over the bare
/// socket: a never-ending header line, an event that never ends, a byte a second. For testing
/// what the client does with servers that break the rules, which a well-behaved simulator cannot.
///
/// Each connection is served on its own thread: the request head and its `Content-Length` body
/// are read, then `respond` writes whatever it likes and the connection is closed.
public final class HostileServer: Sendable {
    /// The loopback port it listens on.
    public let port: Int
    private let listener: Int32
    private let sent = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)

    /// `http://127.0.0.1:PORT`.
    public var rootURL: String { "http://127.0.0.1:\(port)" }

    /// Bytes written to clients so far, over every connection.
    public var bytesSent: Int { sent.load(ordering: .relaxed) }

    /// Whether ``stop()`` was called; long scripts end when it is.
    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Listens on `127.0.0.1:0` and serves each connection with `respond`.
    public init(respond: @escaping @Sendable (HostileConnection) -> Void) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(listener, raw, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, raw, &length) == 0
            }
        }
        guard listener >= 0, ready else {
            if listener >= 0 { close(listener) }
            throw HostileServerError(message: "cannot listen on loopback: errno \(errno)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { [self] in
                    let connection = HostileConnection(descriptor: client, server: self)
                    if connection.readRequest() { respond(connection) }
                    close(client)
                }
            }
        }
    }

    /// Stops accepting and ends every script at its next write.
    public func stop() {
        guard !stopping.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    fileprivate func count(_ bytes: Int) {
        sent.add(bytes, ordering: .relaxed)
    }
}

/// Why a ``HostileServer`` could not start.
public struct HostileServerError: Error {
    /// What went wrong.
    public let message: String
}

/// One client connection of a ``HostileServer``, as its script sees it.
public struct HostileConnection: Sendable {
    fileprivate let descriptor: Int32
    fileprivate let server: HostileServer

    /// Reads the request head and its `Content-Length` body; false when the client went away.
    fileprivate func readRequest() -> Bool {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let end = Array("\r\n\r\n".utf8)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            received += buffer[0..<count]
            guard let headEnd = received.firstRange(of: end)?.upperBound else { continue }
            let head = String(decoding: received[..<headEnd], as: UTF8.self).lowercased()
            let bodyLength = head.split(separator: "\r\n")
                .first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if received.count - headEnd >= bodyLength { return true }
        }
    }

    /// Writes `text`; false once the client has gone away or the server is stopping.
    @discardableResult
    public func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    /// Writes `bytes`; false once the client has gone away or the server is stopping.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard !server.isStopping else { return false }
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }
            server.count(written)
            offset += written
        }
        return true
    }

    /// Writes `chunk` again and again, as fast as the client reads, until it goes away.
    public func repeatForever(_ chunk: [UInt8]) {
        while send(chunk) {}
    }

    /// Writes `bytes` one byte at a time, `interval` apart, over and over, until the client goes
    /// away.
    public func trickle(_ bytes: [UInt8], every interval: Duration) {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        var index = 0
        while !bytes.isEmpty, send([bytes[index % bytes.count]]) {
            index += 1
            Thread.sleep(forTimeInterval: seconds)
        }
    }
}
