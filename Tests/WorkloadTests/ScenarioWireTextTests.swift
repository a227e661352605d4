import Testing
import Workload

@Suite("Control characters in a scenario")
struct ScenarioWireTextTests {
    private static func scenario(target: String) -> String {
        """
        name: s
        targets:
          - name: t
            dialect: openai-chat
        \(target)
        load:
          concurrency: 1
          requests: 1
        workload:
          prompt_tokens: 8
          max_tokens: 4

        """
    }

    private static func problems(_ target: String, environment: [String: String] = [:]) -> [String] {
        ScenarioLoader(environment: environment, catalog: TargetCatalog())
            .read(scenario(target: target), file: "s.yaml").problems.map(\.description)
    }

    @Test("CR LF in a header value from the file is a problem at its line")
    func headerValueFromFile() {
        let problems = Self.problems("    base_url: http://h/v1\n    model: m\n    headers:\n      X-A: \"a\\r\\nX-Injected: 1\"")
        #expect(problems == ["s.yaml:8: targets[0].headers.X-A: contains a control character (CR, 0x0D), which a header value may not hold"])
    }

    @Test("a tab inside a header value is allowed, as HTTP allows it")
    func tabInHeaderValue() {
        #expect(Self.problems("    base_url: http://h/v1\n    model: m\n    headers:\n      X-A: \"a\\tb\"").isEmpty)
    }

    @Test("a line feed brought in by ${VAR} names the variable and never shows its value")
    func headerValueFromEnvironment() {
        let secret = "sk-secret-4242\nX-Injected: 1"
        let problems = Self.problems(
            "    base_url: http://h/v1\n    model: m\n    headers:\n      Authorization: Bearer ${TOKEN}",
            environment: ["TOKEN": secret]
        )
        #expect(problems == ["s.yaml:8: targets[0].headers.Authorization: the value of ${TOKEN} contains a control character (LF, 0x0A), which a header value may not hold"])
        #expect(!problems.joined().contains("sk-secret-4242"))
    }

    @Test("a header name that is not an HTTP token is a problem, quoted with escapes on one line")
    func headerName() {
        let problems = Self.problems("    base_url: http://h/v1\n    model: m\n    headers:\n      \"X-A\\r\\nX-B\": v\n      \"X A\": w")
        #expect(problems == [
            "s.yaml:8: targets[0].headers: header name 'X-A\\r\\nX-B' is not an HTTP token: use letters, digits and !#$%&'*+-.^_`|~ only",
            "s.yaml:9: targets[0].headers: header name 'X A' is not an HTTP token: use letters, digits and !#$%&'*+-.^_`|~ only",
        ])
        #expect(problems.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
    }

    @Test("a NUL in a model name is a problem at its line")
    func modelName() {
        let problems = Self.problems("    base_url: sim://x\n    model: \"m\\0\"")
        #expect(problems == ["s.yaml:6: targets[0].model: contains a control character (NUL, 0x00), which a model name may not hold"])
    }

    @Test("a control character in a base URL, written or expanded, is a problem at its line")
    func baseURL() {
        #expect(Self.problems("    base_url: \"http://h/v1\\r\\n\"\n    model: m") == [
            "s.yaml:5: targets[0].base_url: contains a control character (CR, 0x0D), which a URL may not hold",
        ])
        let expanded = Self.problems("    base_url: http://${HOST}/v1\n    model: m", environment: ["HOST": "h\u{7F}"])
        #expect(expanded == ["s.yaml:5: targets[0].base_url: the value of ${HOST} contains a control character (DEL, 0x7F), which a URL may not hold"])
    }

    @Test("an API key holding a line break is a problem naming the variable, not its value")
    func apiKey() {
        let problems = Self.problems("    base_url: http://h/v1\n    model: m\n    api_key_env: KEY", environment: ["KEY": "sk-hidden\r\n"])
        #expect(problems == ["s.yaml:7: targets[0].api_key_env: the value of KEY contains a control character (CR, 0x0D), which an API key (sent in a header) may not hold"])
    }

    @Test("clean headers, model, URL and key raise no problem")
    func clean() {
        let problems = Self.problems(
            "    base_url: http://${HOST}/v1\n    model: llama3:8b-instruct\n    api_key_env: KEY\n    headers:\n      X-Tenant: ${TENANT}\n      Accept-Language: en",
            environment: ["HOST": "h", "KEY": "sk-1", "TENANT": "acme corp"]
        )
        #expect(problems.isEmpty)
    }
}
