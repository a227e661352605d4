import Foundation
import Testing
import Workload

/// Parses one `expected` value written as JSON.
private func expected(_ json: String) throws -> ExpectedAnswer {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
    return try ExpectedAnswer.parse(value)
}

/// The problem an `expected` value written as JSON raises.
private func fault(_ json: String) throws -> ExpectedAnswer.Problem? {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
    do {
        _ = try ExpectedAnswer.parse(value)
        return nil
    } catch {
        return error
    }
}

@Suite("expected answers")
struct ExpectedAnswerTests {
    @Test("exact compares normalised text: case, punctuation, articles and spacing do not matter")
    func exact() throws {
        let answer = try expected(#"{"exact": "Paris"}"#)
        #expect(answer.check("Paris"))
        #expect(answer.check("  the PARIS. "))
        #expect(!answer.check("Paris, France"))
        #expect(!answer.check("Lyon"))
    }

    @Test("contains finds the normalised words inside the answer, never part of a word")
    func contains() throws {
        let answer = try expected(#"{"contains": "New York"}"#)
        #expect(answer.check("It is in new york, I think."))
        #expect(!answer.check("New Yorker"))
        #expect(!answer.check("York"))
    }

    @Test("regex searches the answer as written")
    func regex() throws {
        let answer = try expected(#"{"regex": "\\b\\d{4}-\\d{2}-\\d{2}\\b"}"#)
        #expect(answer.check("The date is 2026-12-07."))
        #expect(!answer.check("07/12/2026"))
    }

    @Test("one_of accepts any listed answer, normalised")
    func oneOf() throws {
        let answer = try expected(#"{"one_of": ["positive", "pos"]}"#)
        #expect(answer.check("Positive."))
        #expect(answer.check("POS"))
        #expect(!answer.check("negative"))
        #expect(!answer.check("positive, mostly"))
    }

    @Test("number takes the first number in the answer, within the tolerance")
    func number() throws {
        let exact = try expected(#"{"number": 2890}"#)
        #expect(exact.check("2890"))
        #expect(exact.check("The answer is 2,890."))
        #expect(!exact.check("2891"))
        #expect(!exact.check("no idea"))
        let negative = try expected(#"{"number": -30}"#)
        #expect(negative.check("-30"))
        #expect(!negative.check("30"))
        let close = try expected(#"{"number": 3.14, "tolerance": 0.01}"#)
        #expect(close.check("about 3.149 I think"))
        #expect(!close.check("3.2"))
    }

    @Test("json_schema finds the JSON value in the answer and checks types, required members and enums")
    func jsonSchema() throws {
        let answer = try expected(#"""
        {"json_schema": {"type": "object", "required": ["name", "age"], "additionalProperties": false,
         "properties": {"name": {"type": "string", "enum": ["Tom"]}, "age": {"type": "integer"}}}}
        """#)
        #expect(answer.check(#"{"name": "Tom", "age": 31}"#))
        #expect(answer.check("Here it is:\n```json\n{\"name\": \"Tom\", \"age\": 31}\n```"))
        #expect(!answer.check(#"{"name": "Tim", "age": 31}"#))
        #expect(!answer.check(#"{"name": "Tom", "age": 31.5}"#))
        #expect(!answer.check(#"{"name": "Tom"}"#))
        #expect(!answer.check(#"{"name": "Tom", "age": 31, "city": "Lyon"}"#))
        #expect(!answer.check(#"{"name": "Tom", "age": true}"#))
        #expect(!answer.check("Tom is 31"))
        let list = try expected(#"{"json_schema": {"type": "array", "items": {"type": "boolean"}}}"#)
        #expect(list.check("[true, false]"))
        #expect(!list.check("[true, 1]"))
    }

    @Test("a simulator's examples: the correct one passes, the wrong one fails, regex has no correct one")
    func examples() throws {
        for json in [
            #"{"exact": "Lyon"}"#, #"{"contains": "Lyon"}"#, #"{"one_of": ["positive"]}"#, #"{"number": -12.5}"#,
            #"{"json_schema": {"type": "object", "required": ["name", "age"], "properties": {"name": {"type": "string", "enum": ["Tom"]}, "age": {"type": "integer", "enum": [31]}}}}"#,
        ] {
            let answer = try expected(json)
            let correct = try #require(answer.correctExample, "\(json)")
            #expect(answer.check(correct), "\(json): \(correct)")
            let wrong = try #require(answer.wrongExample, "\(json)")
            #expect(!answer.check(wrong), "\(json): \(wrong)")
        }
        #expect(try expected(#"{"regex": "^a+$"}"#).correctExample == nil)
        #expect(try expected(#"{"regex": ".*"}"#).wrongExample == nil)
    }

    @Test("malformed expected values name the field and what is wrong")
    func malformed() throws {
        #expect(try fault(#""Paris""#)?.field == "expected")
        #expect(try fault(#"{"exactly": "Paris"}"#).map { [$0.field, $0.message] } == [
            "expected.exactly", "unknown kind 'exactly'; expected one of: exact, contains, regex, one_of, number, json_schema"])
        #expect(try fault(#"{"exact": "a", "contains": "b"}"#)?.field == "expected")
        #expect(try fault(#"{"exact": 3}"#)?.field == "expected.exact")
        #expect(try fault(#"{"regex": "(unclosed"}"#).map { [$0.field, $0.message] } == [
            "expected.regex", "regular expression '(unclosed' does not compile"])
        #expect(try fault(#"{"one_of": []}"#)?.field == "expected.one_of")
        #expect(try fault(#"{"number": "3"}"#)?.field == "expected.number")
        #expect(try fault(#"{"number": 3, "tolerance": -1}"#)?.field == "expected.tolerance")
        #expect(try fault(#"{"exact": "3", "tolerance": 1}"#)?.field == "expected.tolerance")
        #expect(try fault(#"{"json_schema": {"type": "text"}}"#)?.field == "expected.json_schema.type")
        #expect(try fault(#"{"json_schema": {"properties": {"a": {"pattern": "x"}}}}"#)?.field == "expected.json_schema.properties.a.pattern")
    }
}

@Suite("answer text")
struct AnswerTextTests {
    @Test("normalisation lowercases, drops punctuation, symbols and articles, and collapses spaces")
    func normalisation() {
        #expect(AnswerText.normalised("  The Answer:\tParis!  ") == "answer paris")
        #expect(AnswerText.normalised("A cat, an owl & the dog.") == "cat owl dog")
        #expect(AnswerText.normalised("") == "")
    }

    @Test("token-overlap F1 by hand")
    func f1() {
        // Answer words: paris is capital of france (5); reference: paris (1); one in common:
        // precision 1/5, recall 1 → F1 = 2·(1/5)·1 / (6/5) = 1/3.
        #expect(abs(AnswerText.f1("Paris is the capital of France", "Paris") - 1.0 / 3.0) < 1e-12)
        #expect(AnswerText.f1("the cat sat", "a cat sat") == 1)
        // Repeated words count once per occurrence in both: [x, x, y] vs [x, y, y] share x and y.
        #expect(abs(AnswerText.f1("x x y", "x y y") - 2.0 / 3.0) < 1e-12)
        #expect(AnswerText.f1("", "") == 1)
        #expect(AnswerText.f1("words", "") == 0)
        #expect(AnswerText.f1("left", "right") == 0)
    }
}

@Suite("expected answers in datasets")
struct DatasetExpectedAnswerTests {
    /// Loads JSONL text from a temporary file; returns the dataset or the problems.
    private func load(_ text: String) throws -> Result<PromptDataset, ScenarioProblems> {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-expected-\(UUID().uuidString).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            return .success(try PromptDataset.load(path: path, format: .jsonl))
        } catch {
            return .failure(error)
        }
    }

    @Test("entries keep their expected answer, and the generator hands it to the item")
    func carried() throws {
        let dataset = try load(#"""
        {"prompt": "What is 2 + 2?", "expected": {"number": 4}}
        {"prompt": "Say hi"}
        """#).get()
        #expect(dataset.entries.map(\.expected) == [.number(value: 4, tolerance: 0), nil])
        let spec = WorkloadSpec(source: .dataset(path: "x", format: .jsonl), maxTokens: .fixed(4))
        let generator = WorkloadGenerator(spec: spec, seed: 1, dataset: dataset)
        #expect(generator.item(at: 0).expected == .number(value: 4, tolerance: 0))
        #expect(generator.item(at: 1).expected == nil)
        #expect(dataset.answerKey == ["What is 2 + 2?": .number(value: 4, tolerance: 0)])
    }

    @Test("a malformed expected answer is one problem naming the line and the field")
    func malformed() throws {
        guard case .failure(let problems) = try load(#"""
        {"prompt": "ok", "expected": {"exact": "x"}}
        {"prompt": "bad regex", "expected": {"regex": "[a-"}}
        {"prompt": "unknown kind", "expected": {"similar": "x"}}
        """#) else {
            Issue.record("expected problems")
            return
        }
        #expect(problems.problems.map(\.line) == [2, 3])
        #expect(problems.problems.map(\.field) == ["expected.regex", "expected.similar"])
        #expect(problems.problems[0].description.hasSuffix(":2: expected.regex: regular expression '[a-' does not compile"))
    }
}
