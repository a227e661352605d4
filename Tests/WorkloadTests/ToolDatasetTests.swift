import Foundation
import Testing
import Workload

/// Tools, tool choice and agent fields read from dataset lines and from the workload.
@Suite("tools in datasets and workloads")
struct ToolDatasetTests {
    private static func withFile<T>(_ text: String, suffix: String = "jsonl", _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-tools-\(UUID().uuidString).\(suffix)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    private static func problems(_ text: String) throws -> [ScenarioProblem] {
        try withFile(text) { path in
            do {
                _ = try PromptDataset.load(path: path, format: .jsonl)
                return []
            } catch let error as ScenarioProblems {
                return error.problems
            }
        }
    }

    static let weather = #"{"name":"get_weather","description":"Weather","parameters":{"type":"object","required":["city"],"properties":{"city":{"type":"string"}}}}"#

    @Test("a line's tools (plain and OpenAI-shaped), choice, max_turns and per-turn results are read")
    func reads() throws {
        let lines = [
            #"{"prompt":"Umbrella?","tools":[\#(Self.weather),{"type":"function","function":{"name":"now","parameters":{"type":"object"}}}],"tool_choice":{"name":"now"},"max_turns":3,"tool_results":[{"get_weather":{"rain":true}},{"now":"12:00"}]}"#,
            #"{"prompt":"plain"}"#,
        ]
        let dataset = try Self.withFile(lines.joined(separator: "\n")) { try PromptDataset.load(path: $0, format: .jsonl) }
        let tools = dataset.entries[0].tools
        #expect(tools.functions.map(\.name) == ["get_weather", "now"])
        #expect(tools.functions[0].description == "Weather")
        #expect(tools.functions[0].parametersJSON == #"{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}"#)
        #expect(tools.functions[0].parameters.accepts(["city": "Lyon"]))
        #expect(!tools.functions[0].parameters.accepts(["town": "Lyon"]))
        #expect(tools.choice == .function("now"))
        let agent = try #require(tools.agent)
        #expect(agent.maxTurns == 3)
        #expect(agent.result(for: "get_weather", turn: 0) == #"{"rain":true}"#)
        #expect(agent.result(for: "now", turn: 1) == "12:00")
        #expect(agent.result(for: "now", turn: 5) == "12:00", "the last table serves later turns")
        #expect(agent.result(for: "get_weather", turn: 1).contains("no result"))
        #expect(dataset.entries[0].line == 1)
        #expect(dataset.entries[1].tools.isEmpty && dataset.entries[1].tools.agent == nil)
    }

    @Test("bad tools are reported on their line and field", arguments: [
        (#"{"prompt":"x","tools":[{"name":"bad name"}]}"#, "tools[0].name"),
        (#"{"prompt":"x","tools":[{"name":"f","parameters":{"type":"object","properties":{"n":{"type":"integer","minimum":1}}}}]}"#, "tools[0].parameters.properties.n.minimum"),
        (#"{"prompt":"x","tools":[\#(weather),\#(weather)]}"#, "tools[1].name"),
        (#"{"prompt":"x","tools":[\#(weather)],"tool_choice":{"name":"other"}}"#, "tool_choice"),
        (#"{"prompt":"x","tools":[\#(weather)],"tool_choice":"sometimes"}"#, "tool_choice"),
        (#"{"prompt":"x","tool_choice":"auto"}"#, "tool_choice"),
        (#"{"prompt":"x","tools":[\#(weather)],"max_turns":0}"#, "max_turns"),
        (#"{"prompt":"x","tools":[\#(weather)],"tool_results":{"other":1}}"#, "tool_results.other"),
        (#"{"prompt":"x","max_turns":2}"#, "max_turns"),
        (#"{"prompt":"x","tools":[]}"#, "tools"),
    ])
    func refused(line: String, field: String) throws {
        let found = try Self.problems(#"{"prompt":"fine"}"# + "\n" + line)
        #expect(found.count == 1)
        #expect(found.first?.line == 2, "\(found)")
        #expect(found.first?.field == field, "\(found)")
    }

    @Test("the workload's tools apply to synthetic prompts; a file of tools is read beside the scenario")
    func workloadTools() throws {
        let yaml = """
            name: w
            targets:
              - name: a
                dialect: openai-chat
                base_url: sim://a
                model: m
            load:
              concurrency: 1
              requests: 1
            workload:
              prompt_tokens: 8
              max_tokens: 4
              tools:
                - name: get_weather
                  parameters: {type: object, required: [city], properties: {city: {type: string}}}
              tool_choice: required
              max_turns: 2
              tool_results:
                get_weather: {rain: false}
            """
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(yaml, file: "w.yaml")
        #expect(scenario.workload.tools.functions.map(\.name) == ["get_weather"])
        let item = WorkloadGenerator(spec: scenario.workload, seed: 1).item(at: 0)
        #expect(item.tools.map(\.name) == ["get_weather"])
        #expect(item.toolChoice == .required)
        #expect(item.agent?.maxTurns == 2)
        #expect(item.agent?.result(for: "get_weather", turn: 0) == #"{"rain":false}"#)

        let fromFile = try Self.withFile("[\(Self.weather)]", suffix: "json") { path in
            try ScenarioLoader(environment: [:], catalog: TargetCatalog())
                .parse(yaml.replacingOccurrences(of: "  tools:\n    - name: get_weather\n      parameters: {type: object, required: [city], properties: {city: {type: string}}}", with: "  tools: \(path)"), file: "w.yaml")
        }
        #expect(fromFile.workload.tools.functions.first?.description == "Weather")
        do {
            _ = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(yaml.replacingOccurrences(of: "tool_choice: required", with: "tool_choice: {name: nope}"), file: "w.yaml")
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.field) == ["workload.tool_choice"])
            #expect(error.problems.first?.line == 16)
        }
    }

    @Test("tools change the workload digest; an item without them hashes as before")
    func digest() throws {
        let plain = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "hi")], maxTokens: 4)
        var offered = plain
        offered.tools = try ToolFunction.parseList([["name": "f"]])
        func hash(_ item: PromptItem) -> String {
            var digest = WorkloadDigest()
            digest.add(item, scheduledOffsetNs: nil)
            return digest.finalize()
        }
        #expect(hash(plain) != hash(offered))
        var chosen = offered
        chosen.toolChoice = .required
        #expect(hash(chosen) != hash(offered))
        #expect(hash(plain) == hash(PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "hi")], maxTokens: 4)))
    }
}
