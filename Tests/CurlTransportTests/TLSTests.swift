import CurlTransport
import Foundation
import LoopbackSupport
import Testing

/// A real HTTPS server on loopback: Python's `ssl` module with certificates made by `openssl`,
/// so certificate verification, custom CA bundles, `insecure` and mutual TLS are tested against
/// a genuine TLS handshake.
private final class HTTPSServer {
    let port: Int
    private let process: Process

    /// Starts the server; with a `clientCA`, the handshake needs a client certificate signed by it.
    init(certificate: String, key: String, clientCA: String?) throws {
        let script = """
        import http.server, ssl, sys
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = b'{"ok":true}'
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(('127.0.0.1', 0), H)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        if len(sys.argv) > 3:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
        let launched = Process()
        launched.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        launched.arguments = ["python3", "-c", script, certificate, key] + (clientCA.map { [$0] } ?? [])
        let output = Pipe()
        launched.standardOutput = output
        launched.standardError = FileHandle.nullDevice
        try launched.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            launched.terminate()
            throw TLSFixtureError.serverDidNotStart
        }
        self.port = port
        process = launched
    }

    /// Kills the server. Not waited for: Foundation's `waitUntilExit` can hang from a
    /// concurrency thread on Linux, and Foundation reaps the child itself.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
    }
}

private enum TLSFixtureError: Error {
    case serverDidNotStart
    case opensslFailed
}

/// A self-signed certificate for 127.0.0.1 in a temporary folder.
private struct Certificates {
    let folder: String
    var certificate: String { folder + "/cert.pem" }
    var key: String { folder + "/key.pem" }

    init() throws {
        folder = NSTemporaryDirectory() + "repat-tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TLSFixtureError.opensslFailed }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// The status of a GET, or the failure it ended with.
private func fetch(_ port: Int, _ options: TransferOptions) async -> Result<Int, TransferFailure> {
    CurlSetup.ensure()
    let transport = CurlTransport()
    defer { transport.close() }
    var status = 0
    do {
        for try await event in transport.stream(HTTPRequest(method: "GET", url: "https://127.0.0.1:\(port)/v1/models"), options: options) {
            if case .head(let head) = event { status = head.status }
        }
        return .success(status)
    } catch let failure as TransferFailure {
        return .failure(failure)
    } catch {
        return .failure(TransferFailure(kind: .other, curlCode: 0, message: "\(error)"))
    }
}

@Suite("TLS against a real HTTPS server", .serialized)
struct TLSTests {
    @Test("a self-signed server fails verification by default, passes with its CA bundle or with insecure")
    func verification() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let server = try HTTPSServer(certificate: certificates.certificate, key: certificates.key, clientCA: nil)
        defer { server.stop() }

        let refused = await fetch(server.port, TransferOptions())
        guard case .failure(let failure) = refused else {
            Issue.record("an unknown CA was accepted: \(refused)")
            return
        }
        #expect(failure.kind == .tls, "\(failure)")

        var trusting = TransferOptions()
        trusting.caBundlePath = certificates.certificate
        #expect(try (await fetch(server.port, trusting)).get() == 200)

        var insecure = TransferOptions()
        insecure.insecure = true
        #expect(try (await fetch(server.port, insecure)).get() == 200)
    }

    @Test("mutual TLS: the server refuses a client without a certificate and accepts one with it")
    func mutualTLS() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        // The same self-signed pair serves as server identity, client identity and both CAs.
        let server = try HTTPSServer(certificate: certificates.certificate, key: certificates.key, clientCA: certificates.certificate)
        defer { server.stop() }

        var anonymous = TransferOptions()
        anonymous.caBundlePath = certificates.certificate
        let refused = await fetch(server.port, anonymous)
        guard case .failure(let failure) = refused else {
            Issue.record("a client without a certificate was accepted")
            return
        }
        #expect([.tls, .network].contains(failure.kind), "\(failure)")

        var identified = anonymous
        identified.clientCertificatePath = certificates.certificate
        identified.clientKeyPath = certificates.key
        #expect(try (await fetch(server.port, identified)).get() == 200)
    }
}
