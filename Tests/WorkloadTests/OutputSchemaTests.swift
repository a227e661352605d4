import Foundation
import Testing
import Workload

@Suite("output schemas")
struct OutputSchemaTests {
    private static var person: [String: Any] {
        [
        "type": "object", "properties": ["name": ["type": "string"], "age": ["type": "integer"]],
        "required": ["name", "age"], "additionalProperties": false,
        ]
    }

    @Test("{name, schema} is read, the schema kept as compact JSON with sorted keys; the name defaults to answer")
    func parses() throws {
        let schema = try OutputSchema.parse(["name": "person", "schema": Self.person])
        #expect(schema.name == "person")
        #expect(schema.schemaJSON == #"{"additionalProperties":false,"properties":{"age":{"type":"integer"},"name":{"type":"string"}},"required":["name","age"],"type":"object"}"#)
        #expect(try OutputSchema.parse(["schema": ["type": "string"]]).name == OutputSchema.defaultName)
    }

    @Test("problems name their field: not a mapping, unknown member, bad name, no schema, an unsupported keyword")
    func problems() {
        func field(_ value: Any) -> String? {
            do {
                _ = try OutputSchema.parse(value)
                return nil
            } catch {
                return error.field
            }
        }
        #expect(field("person") == "output_schema")
        #expect(field(["name": "p", "schema": Self.person, "strict": true]) == "output_schema.strict")
        #expect(field(["name": "has space", "schema": Self.person]) == "output_schema.name")
        #expect(field(["name": "p"]) == "output_schema.schema")
        #expect(field(["schema": ["type": "object", "properties": ["x": ["type": "string", "minLength": 2]]]]) == "output_schema.schema.properties.x.minLength")
    }

    @Test("an answer follows the schema only when it is one JSON value the schema accepts, whitespace aside")
    func followed() throws {
        let schema = try OutputSchema.parse(["name": "person", "schema": Self.person])
        #expect(schema.isFollowed(by: #"{"name": "Ann", "age": 31}"#))
        #expect(schema.isFollowed(by: "\n {\"age\":3,\"name\":\"\"}\n"))
        #expect(!schema.isFollowed(by: #"{"name": "Ann", "age": "31"}"#), "wrong type")
        #expect(!schema.isFollowed(by: #"{"name": "Ann"}"#), "missing member")
        #expect(!schema.isFollowed(by: #"{"name": "Ann", "age": 31, "x": 1}"#), "additional member")
        #expect(!schema.isFollowed(by: #"Sure: {"name": "Ann", "age": 31}"#), "text around the value")
        #expect(!schema.isFollowed(by: #"{"name": "Ann", "age": 31"#), "cut JSON")
        #expect(!schema.isFollowed(by: ""))
    }

    @Test("a dataset line's output_schema reaches its items; other lines take the workload's; the digest counts it")
    func items() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-schema-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        {"prompt": "a", "output_schema": {"name": "person", "schema": {"type": "object"}}}
        {"prompt": "b"}

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let dataset = try PromptDataset.load(path: path, format: .jsonl)
        #expect(dataset.entries.map { $0.outputSchema?.name } == ["person", nil])
        var spec = WorkloadSpec(source: .dataset(path: path, format: .jsonl), maxTokens: .fixed(8))
        spec.outputSchema = try OutputSchema.parse(["name": "fallback", "schema": ["type": "string"]])
        let generator = WorkloadGenerator(spec: spec, seed: 1, dataset: dataset)
        let names = (0..<6).map { generator.item(at: $0).outputSchema?.name }
        #expect(Set(names) == ["person", "fallback"])
        var plain = WorkloadDigest()
        var structured = WorkloadDigest()
        var item = generator.item(at: 0)
        structured.add(item, scheduledOffsetNs: nil)
        item.outputSchema = nil
        plain.add(item, scheduledOffsetNs: nil)
        #expect(plain.finalize() != structured.finalize())
    }

    @Test("a bad dataset schema is reported on its line and field")
    func badLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-schema-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"prompt\": \"a\"}\n{\"prompt\": \"b\", \"output_schema\": {\"schema\": {\"type\": \"thing\"}}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try PromptDataset.load(path: path, format: .jsonl)
            Issue.record("the dataset was accepted")
        } catch {
            #expect(error.problems.map(\.line) == [2])
            #expect(error.problems.map(\.field) == ["output_schema.schema.type"])
        }
    }

    @Test("the workload's output_schema is read from YAML; a bad one is reported on its line")
    func workloadField() throws {
        let text = """
        name: s
        targets:
          - {name: t, dialect: openai-chat, base_url: "sim://t", model: m}
        load: {concurrency: 1, requests: 1}
        workload:
          prompt_tokens: 8
          max_tokens: 8
          output_schema:
            name: person
            schema: {type: object, properties: {age: {type: integer}}, required: [age]}

        """
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(text, file: "s.yaml")
        #expect(scenario.workload.outputSchema?.schemaJSON == #"{"properties":{"age":{"type":"integer"}},"required":["age"],"type":"object"}"#)
        do {
            _ = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(text.replacingOccurrences(of: "name: person", with: "title: person"), file: "s.yaml")
            Issue.record("the scenario was accepted")
        } catch {
            #expect(error.problems.map(\.field) == ["workload.output_schema.title"])
            #expect(error.problems.first?.line != nil)
        }
    }
}
