import Foundation
import Testing
import Workload

/// Writes `text` to a fresh temporary file and returns its path; the caller removes it.
private func temporaryFile(_ text: String, suffix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-dataset-\(UUID().uuidString).\(suffix)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Loads `text` as a dataset file of `format`.
private func load(_ text: String, format: PromptDataset.Format) throws -> PromptDataset {
    let path = try temporaryFile(text, suffix: format.rawValue)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try PromptDataset.load(path: path, format: format)
}

/// The problems loading `text` reports, with the temporary path replaced by `FILE`.
private func problems(_ text: String, format: PromptDataset.Format, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ScenarioProblem] {
    let path = try temporaryFile(text, suffix: format.rawValue)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        let dataset = try PromptDataset.load(path: path, format: format)
        Issue.record("expected a problem, got \(dataset.entries.count) entries", sourceLocation: sourceLocation)
        return []
    } catch {
        #expect(error.problems.allSatisfy { $0.file == path }, sourceLocation: sourceLocation)
        return error.problems.map { problem in
            var problem = problem
            problem.file = "FILE"
            return problem
        }
    }
}

/// The only problem loading `text` reports, with the temporary path replaced by `FILE`.
private func problem(_ text: String, format: PromptDataset.Format, sourceLocation: SourceLocation = #_sourceLocation) throws -> ScenarioProblem? {
    let found = try problems(text, format: format, sourceLocation: sourceLocation)
    #expect(found.count <= 1, "\(found)", sourceLocation: sourceLocation)
    return found.first
}

/// The project's sample datasets, `scenarios/data/` at the package root.
private let sampleFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenarios/data")
private let sampleJSONL = sampleFolder.appendingPathComponent("prompts.jsonl").path
private let sampleShareGPT = sampleFolder.appendingPathComponent("sharegpt-sample.json").path

private func user(_ text: String) -> ChatMessage { ChatMessage(role: "user", content: text) }

@Suite("Prompt datasets")
struct PromptDatasetTests {
    @Test("JSONL reads prompt and messages lines with their max_tokens, skipping blank lines and CRLF endings")
    func jsonl() throws {
        let text = [
            #"{"prompt": "What is a GPU?", "max_tokens": 64}"#,
            "",
            #"{"messages": [{"role": "system", "content": "Be short."}, {"role": "user", "content": "Hi"}]}"#,
            "   \t",
            #"{"prompt": "line\nbreak", "max_tokens": 5, "extra": true}"#,
            "",
        ].joined(separator: "\r\n")
        let dataset = try load(text, format: .jsonl)
        #expect(dataset.entries == [
            PromptDataset.Entry(messages: [user("What is a GPU?")], maxTokens: 64, line: 1),
            PromptDataset.Entry(messages: [ChatMessage(role: "system", content: "Be short."), user("Hi")], maxTokens: nil, line: 3),
            PromptDataset.Entry(messages: [user("line\nbreak")], maxTokens: 5, line: 5),
        ], "each entry keeps its line, blank lines counted")
    }

    @Test("a file without a final newline reads its last line")
    func noFinalNewline() throws {
        let dataset = try load("{\"prompt\": \"a\"}\n{\"prompt\": \"b\"}", format: .jsonl)
        #expect(dataset.entries.map(\.messages) == [[user("a")], [user("b")]])
    }

    @Test(
        "a bad JSONL line is reported with its 1-based line number",
        arguments: [
            ("not json at all", "not a JSON object"),
            ("[1, 2]", "not a JSON object"),
            (#"{"text": "no prompt"}"#, "needs a text 'prompt' or a 'messages' list"),
            (#"{"messages": []}"#, "messages must be a non-empty list of {role, content} with text content"),
            (#"{"messages": [{"role": "user", "content": [{"type": "text"}]}]}"#, "messages must be a non-empty list of {role, content} with text content"),
        ]
    )
    func badLine(line: String, message: String) throws {
        let text = "{\"prompt\": \"fine\"}\r\n\r\n\(line)\r\n{\"prompt\": \"also fine\"}\r\n"
        let found = try #require(try problem(text, format: .jsonl))
        #expect(found == ScenarioProblem(file: "FILE", line: 3, field: "", message: message))
    }

    @Test("ShareGPT: system and human turns become messages, the reply's word count the budget")
    func shareGPT() throws {
        let text = """
            [
              {"id": "a", "conversations": [
                {"from": "system", "value": "You help."},
                {"from": "human", "value": "Why is the sky blue?"},
                {"from": "gpt", "value": "Rayleigh scattering:  shorter\\nwavelengths scatter more."},
                {"from": "human", "value": "Ignored follow-up"},
                {"from": "gpt", "value": "Ignored answer"}
              ]},
              {"conversations": [{"from": "human", "value": "Unanswered"}]},
              {"conversations": [{"from": "gpt", "value": "Nobody asked"}]},
              {"conversations": [{"from": "system", "value": "Alone"}, {"from": "gpt", "value": "Still nobody asked"}]},
              {"no_conversations": true},
              {"conversations": [{"from": "user", "value": "Two"}, {"from": "human", "value": "parts"}, {"from": "chatgpt", "value": "ok"}]}
            ]
            """
        let dataset = try load(text, format: .sharegpt)
        #expect(dataset.entries == [
            PromptDataset.Entry(messages: [ChatMessage(role: "system", content: "You help."), user("Why is the sky blue?")], maxTokens: 6),
            PromptDataset.Entry(messages: [user("Two"), user("parts")], maxTokens: 1),
        ])
    }

    @Test("a ShareGPT file with no answered human turn is an error")
    func shareGPTEmpty() throws {
        let text = #"[{"conversations": [{"from": "human", "value": "Hello?"}]}, {"conversations": []}]"#
        let found = try #require(try problem(text, format: .sharegpt))
        #expect(found == ScenarioProblem(file: "FILE", line: nil, field: "", message: "the dataset holds no usable prompt"))
    }

    @Test("a file of the wrong shape, an empty JSONL file and a missing file are errors")
    func wrongShape() throws {
        let notArray = try #require(try problem(#"{"conversations": []}"#, format: .sharegpt))
        #expect(notArray.message.hasPrefix("not a ShareGPT file"))
        let empty = try #require(try problem("\n\n", format: .jsonl))
        #expect(empty.message == "the dataset holds no usable prompt")

        let path = "/nonexistent-\(UUID().uuidString).jsonl"
        let missing = #expect(throws: ScenarioProblems.self) { try PromptDataset.load(path: path, format: .jsonl) }
        #expect(missing?.problems == [
            ScenarioProblem(file: path, line: nil, field: "", message: "cannot read the dataset file \(path) (No such file or directory)"),
        ])
    }

    @Test("every bad JSONL line is reported, up to the limit, then a count of the rest")
    func everyBadLine() throws {
        let good = #"{"prompt": "fine"}"#
        let three = try problems([good, "nope", good, "[1]", #"{"text": "x"}"#].joined(separator: "\n"), format: .jsonl)
        #expect(three.map(\.line) == [2, 4, 5])
        #expect(three.map(\.message) == ["not a JSON object", "not a JSON object", "needs a text 'prompt' or a 'messages' list"])

        let limit = PromptDataset.reportedLineLimit
        let many = try problems(([good] + Array(repeating: "nope", count: limit + 7)).joined(separator: "\n"), format: .jsonl)
        #expect(many.count == limit + 1)
        #expect(many.prefix(limit).map(\.line) == Array(2...(limit + 1)))
        #expect(many.last == ScenarioProblem(file: "FILE", line: nil, field: "", message: "and 7 more bad lines"))
    }

    @Test("the project's sample JSONL file parses: one entry per line", .enabled(if: FileManager.default.fileExists(atPath: sampleJSONL)))
    func sampleJSONLParses() throws {
        let dataset = try PromptDataset.load(path: sampleJSONL, format: .jsonl)
        let text = try String(contentsOfFile: sampleJSONL, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(dataset.entries.count == lines.count)
        for entry in dataset.entries {
            #expect(entry.messages.last?.role == "user")
            #expect(entry.messages.allSatisfy { !$0.content.isEmpty })
            #expect(entry.maxTokens.map { $0 > 0 } ?? true)
        }
    }

    @Test("the project's sample ShareGPT file parses into answered prompts", .enabled(if: FileManager.default.fileExists(atPath: sampleShareGPT)))
    func sampleShareGPTParses() throws {
        let dataset = try PromptDataset.load(path: sampleShareGPT, format: .sharegpt)
        let data = try #require(FileManager.default.contents(atPath: sampleShareGPT))
        let conversations = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
        #expect(!dataset.entries.isEmpty)
        #expect(dataset.entries.count <= conversations.count)
        for entry in dataset.entries {
            #expect(entry.messages.last?.role == "user")
            #expect(entry.messages.allSatisfy { ["system", "user"].contains($0.role) && !$0.content.isEmpty })
            #expect((entry.maxTokens ?? 0) > 0)
        }
    }
}
