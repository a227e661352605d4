import Dialects
import Testing
import Workload

/// A scenario whose only target is `target` (YAML lines indented by four spaces).
private func scenario(_ target: String) -> String {
    """
    name: presets
    targets:
      - name: t
    \(target)
    load:
      concurrency: 1
      requests: 1
    workload:
      prompt_tokens: 8
      max_tokens: 4
      ignore_eos: true
    """
}

/// Parses `text`; the problems when it is refused (empty when it loads).
private func problems(_ text: String, environment: [String: String]) -> [ScenarioProblem] {
    do {
        _ = try ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).parse(text, file: "p.yaml")
        return []
    } catch {
        return error.problems
    }
}

@Suite("Provider presets, as the dialect registry lists them")
struct ProviderPresetTests {
    @Test("a cloud provider fills dialect, base URL and key variable; no length controls")
    func cloudPreset() throws {
        let loaded = try ScenarioLoader(environment: ["ANTHROPIC_API_KEY": "k"], catalog: DialectRegistry.catalog)
            .parse(scenario("    provider: anthropic\n    model: claude-sonnet-4-5"), file: "p.yaml")
        let target = try #require(loaded.targets.first)
        #expect(target.dialect == "anthropic-messages")
        #expect(target.baseURL == "https://api.anthropic.com/v1")
        #expect(target.apiKeyEnv == "ANTHROPIC_API_KEY")
        #expect(target.provider == "anthropic")
        #expect(!target.lengthControls)
    }

    @Test("openai and vllm take the Responses API dialect: the preset's base URL and key variable stay")
    func responsesDialect() throws {
        let loader = ScenarioLoader(environment: ["OPENAI_API_KEY": "k"], catalog: DialectRegistry.catalog)
        for (provider, baseURL) in [("openai", "https://api.openai.com/v1"), ("vllm", "http://127.0.0.1:8000/v1")] {
            let loaded = try loader.parse(scenario("    provider: \(provider)\n    dialect: openai-responses\n    model: m"), file: "p.yaml")
            let target = try #require(loaded.targets.first)
            #expect(target.dialect == "openai-responses")
            #expect(target.baseURL == baseURL)
            #expect(DialectRegistry.named(target.dialect) != nil)
        }
    }

    @Test("explicit fields win over the preset")
    func overrides() throws {
        let loaded = try ScenarioLoader(environment: ["MY_KEY": "k"], catalog: DialectRegistry.catalog).parse(scenario("""
                provider: mistral
                model: mistral-small-latest
                base_url: https://proxy.example.eu/v1
                api_key_env: MY_KEY
                length_controls: true
            """), file: "p.yaml")
        let target = try #require(loaded.targets.first)
        #expect(target.dialect == "openai-chat")
        #expect(target.baseURL == "https://proxy.example.eu/v1")
        #expect(target.apiKeyEnv == "MY_KEY")
        #expect(target.lengthControls)
    }

    @Test("local engines need no key and accept ignore_eos where they honour it")
    func enginePresets() throws {
        for (provider, url, lengthControls) in [
            ("vllm", "http://127.0.0.1:8000/v1", true), ("sglang", "http://127.0.0.1:30000/v1", true),
            ("llamacpp", "http://127.0.0.1:8080/v1", true), ("tgi", "http://127.0.0.1:8080/v1", false),
            ("ollama", "http://127.0.0.1:11434", false),
        ] {
            let loaded = try ScenarioLoader(environment: [:], catalog: DialectRegistry.catalog).parse(scenario("    provider: \(provider)\n    model: m"), file: "p.yaml")
            let target = try #require(loaded.targets.first)
            #expect(target.baseURL == url, "\(provider)")
            #expect(target.apiKeyEnv == nil)
            #expect(target.lengthControls == lengthControls, "\(provider)")
        }
    }

    @Test("region eu picks the provider's EU host")
    func euRegion() throws {
        let loaded = try ScenarioLoader(environment: ["OPENAI_API_KEY": "k"], catalog: DialectRegistry.catalog)
            .parse(scenario("    provider: openai\n    model: gpt-4o-mini\n    region: eu"), file: "p.yaml")
        #expect(loaded.targets.first?.baseURL == "https://eu.api.openai.com/v1")
    }

    @Test("Bedrock: region from AWS_REGION, else the preset's EU default; credentials required")
    func bedrock() throws {
        let credentials = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret"]
        let withRegion = try ScenarioLoader(environment: credentials.merging(["AWS_REGION": "eu-west-3"]) { $1 }, catalog: DialectRegistry.catalog)
            .parse(scenario("    provider: bedrock\n    model: mistral.mistral-large-2402-v1:0"), file: "p.yaml")
        #expect(withRegion.targets.first?.baseURL == "https://bedrock-runtime.eu-west-3.amazonaws.com")
        #expect(withRegion.targets.first?.region == "eu-west-3")
        let byDefault = try ScenarioLoader(environment: credentials, catalog: DialectRegistry.catalog)
            .parse(scenario("    provider: bedrock\n    model: m"), file: "p.yaml")
        #expect(byDefault.targets.first?.baseURL == "https://bedrock-runtime.eu-central-1.amazonaws.com")

        let missing = problems(scenario("    provider: bedrock\n    model: m"), environment: [:])
        #expect(missing.count == 1)
        #expect(missing.first?.field == "targets[0].provider")
        #expect(missing.first?.message.contains("AWS_ACCESS_KEY_ID") == true)
    }

    @Test("a missing key, an unknown provider and Azure without its resource URL are located problems")
    func problemsAreLocated() {
        let noKey = problems(scenario("    provider: openai\n    model: m"), environment: [:])
        #expect(noKey.map(\.field) == ["targets[0].provider"])
        #expect(noKey.first?.message.contains("OPENAI_API_KEY") == true)
        #expect(noKey.first?.line == 4)

        let unknown = problems(scenario("    provider: openia\n    model: m"), environment: [:])
        #expect(unknown.map(\.field) == ["targets[0].provider"])
        #expect(unknown.first?.message.contains("known: openai, azure") == true)

        let azure = problems(scenario("    provider: azure\n    model: gpt-4o"), environment: ["AZURE_OPENAI_API_KEY": "k"])
        #expect(azure.map(\.field) == ["targets[0].base_url"])
    }

    @Test("simulated targets take a preset's dialect without needing its key")
    func simulated() throws {
        let loaded = try ScenarioLoader(environment: [:], catalog: DialectRegistry.catalog).parse(scenario("    provider: gemini\n    base_url: sim://g\n    model: gemini-2.5-flash"), file: "p.yaml")
        #expect(loaded.targets.first?.dialect == "gemini")
        #expect(loaded.targets.first?.apiKeyEnv == nil)
    }
}
