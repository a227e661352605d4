import Testing
import Workload

/// A catalog with one preset (`cloud`, for dialect `signed`) and one dialect with a region and
/// credentials of its own (`signed`); `plain` is any other dialect.
private let catalog = TargetCatalog(
    presets: [
        ProviderPreset(name: "cloud", dialect: "signed", baseURL: "https://api.{region}.example", apiKeyEnv: nil, keyRequired: false, defaultRegion: "north-1"),
    ],
    dialectTraits: [
        "signed": DialectTraits(
            region: DialectTraits.Requirement(environmentVariables: ["REGION", "DEFAULT_REGION"], missingMessage: "name a region"),
            credentials: DialectTraits.Requirement(environmentVariables: ["KEY_ID", "SECRET"], missingMessage: "credentials are missing")
        ),
    ]
)

/// A scenario whose only target is `target` (YAML lines indented by four spaces).
private func scenario(_ target: String) -> String {
    """
    name: catalog
    targets:
      - name: t
    \(target)
    load:
      concurrency: 1
      requests: 1
    workload:
      prompt_tokens: 8
      max_tokens: 4
    """
}

/// Loads `text` with `catalog`: the scenario, or the problems that refused it.
private func load(_ text: String, environment: [String: String]) -> Result<Scenario, ScenarioProblems> {
    Result { () throws(ScenarioProblems) in try ScenarioLoader(environment: environment, catalog: catalog).parse(text, file: "c.yaml") }
}

@Suite("Target catalog: presets and dialect traits the loader is given")
struct TargetCatalogTests {
    @Test("a dialect's region comes from the file, else the first of its variables that is set")
    func regionFromEnvironment() throws {
        let target = "    dialect: signed\n    base_url: https://h\n    model: m"
        let credentials = ["KEY_ID": "id", "SECRET": "s"]
        let fromFile = try load(scenario(target + "\n    region: west-2"), environment: credentials.merging(["REGION": "east-1"]) { $1 }).get()
        #expect(fromFile.targets.first?.region == "west-2")
        let fromSecond = try load(scenario(target), environment: credentials.merging(["DEFAULT_REGION": "east-2"]) { $1 }).get()
        #expect(fromSecond.targets.first?.region == "east-2")
        let fromFirst = try load(scenario(target), environment: credentials.merging(["REGION": "east-1", "DEFAULT_REGION": "east-2"]) { $1 }).get()
        #expect(fromFirst.targets.first?.region == "east-1")
    }

    @Test("a real target without its dialect's credentials or region gets the dialect's messages, located")
    func missingRequirements() throws {
        let problems = try #require(load(scenario("    dialect: signed\n    base_url: https://h\n    model: m"), environment: ["KEY_ID": "id"]).failure)
        #expect(problems.problems.map(\.field) == ["targets[0].dialect", "targets[0].region"])
        #expect(problems.problems.map(\.message) == ["credentials are missing", "name a region"])
        #expect(problems.problems.map(\.line) == [3, 3])
    }

    @Test("an API key, a sim:// base URL or another dialect needs no credentials")
    func exemptions() throws {
        let withKey = scenario("    dialect: signed\n    base_url: https://h\n    model: m\n    region: r\n    api_key_env: K")
        #expect(throws: Never.self) { try load(withKey, environment: ["K": "k"]).get() }
        #expect(throws: Never.self) { try load(scenario("    dialect: signed\n    base_url: sim://s\n    model: m"), environment: [:]).get() }
        let plain = try load(scenario("    dialect: plain\n    base_url: https://h\n    model: m"), environment: ["REGION": "east-1"]).get()
        #expect(plain.targets.first?.region == nil)
    }

    @Test("a preset fills dialect and base URL, gives its default region, and moves the credentials problem to provider")
    func preset() throws {
        let loaded = try load(scenario("    provider: cloud\n    model: m"), environment: ["KEY_ID": "id", "SECRET": "s"]).get()
        #expect(loaded.targets.first?.dialect == "signed")
        #expect(loaded.targets.first?.baseURL == "https://api.north-1.example")
        #expect(loaded.targets.first?.region == "north-1")
        let problems = try #require(load(scenario("    provider: cloud\n    model: m"), environment: [:]).failure)
        #expect(problems.problems.map(\.field) == ["targets[0].provider"])
    }

    @Test("the empty catalog knows no provider")
    func emptyCatalog() {
        #expect(throws: ScenarioProblems.self) {
            try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(scenario("    provider: cloud\n    model: m"), file: "c.yaml")
        }
        #expect(TargetCatalog().traits(of: "signed") == DialectTraits())
        #expect(catalog.presetNames == ["cloud"])
    }
}

extension Result {
    /// The error, or `nil` on success.
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
