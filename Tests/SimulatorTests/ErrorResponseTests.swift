import Simulator
import Testing

@Suite("error responses in OpenAI's shape")
struct ErrorResponseTests {
    private func error(_ response: TestHTTPResponse) -> [String: Any]? {
        response.json?["error"] as? [String: Any]
    }

    @Test("invalid JSON, missing messages or prompt, and max_tokens below 1 are answered 400")
    func badRequests() async throws {
        try await withServer { server in
            let cases: [(String, String, String?)] = [
                ("/v1/chat/completions", "{not json", nil),
                ("/v1/chat/completions", #"{"model":"m"}"#, "messages"),
                ("/v1/chat/completions", #"{"messages":[]}"#, "messages"),
                ("/v1/completions", #"{"model":"m","max_tokens":4}"#, "prompt"),
                ("/v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":0}"#, "max_tokens"),
                ("/v1/completions", #"{"prompt":"hi","max_tokens":"ten"}"#, "max_tokens"),
            ]
            for (path, body, param) in cases {
                let response = try await TestHTTPClient.post(port: server.port, path, body)
                #expect(response.status == 400, "\(body)")
                let error = error(response)
                #expect(error?["type"] as? String == "invalid_request_error")
                #expect((error?["message"] as? String)?.isEmpty == false)
                #expect(error?["code"] as? Int == 400)
                if let param { #expect(error?["param"] as? String == param, "\(body)") }
                #expect(error?.keys.contains("param") == true)
            }
        }
    }

    @Test("an unknown path is 404 and a wrong method 405, both with error bodies")
    func routing() async throws {
        try await withServer { server in
            let missing = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/v1/nope"))
            #expect(missing.status == 404)
            #expect(error(missing)?["code"] as? Int == 404)
            let wrong = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/v1/chat/completions"))
            #expect(wrong.status == 405)
            #expect(wrong.header("allow") == "POST")
            #expect(error(wrong)?["message"] as? String != nil)
        }
    }

    @Test("with error_rate 1 every generation request is answered 500 server_error")
    func injectedErrors() async throws {
        try await withServer({ $0.errorRate = 1 }) { server in
            for _ in 0..<3 {
                let response = try await TestHTTPClient.post(
                    port: server.port, "/v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"stream":true}"#)
                #expect(response.status == 500)
                #expect(error(response)?["type"] as? String == "server_error")
            }
            #expect(server.statistics.errorsInjected == 3)
            #expect(server.statistics.requestsServed == 0)
        }
    }

    @Test("a body over the size limit is answered 413 and the connection closed")
    func bodyTooLarge() async throws {
        try await withServer { server in
            let request = TestHTTPClient.Request(
                path: "/v1/completions", body: nil,
                headers: ["Content-Type: application/json", "Content-Length: \(128 * 1024 * 1024)"])
            let response = try await TestHTTPClient.send(port: server.port, request)
            #expect(response.status == 413)
            #expect(response.header("connection") == "close")
        }
    }
}
