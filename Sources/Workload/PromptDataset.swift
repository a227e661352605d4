import Foundation

/// Prompts read from a file: a JSONL file of prompts, or a ShareGPT conversation dump.
public struct PromptDataset: Sendable, Equatable {
    /// One prompt from the file.
    public struct Entry: Sendable, Equatable {
        /// The conversation to send.
        public var messages: [ChatMessage]
        /// The output budget the file gives (JSONL `max_tokens`; ShareGPT: the length of the
        /// recorded reply, in words), if any.
        public var maxTokens: Int?
        /// What a correct answer looks like (JSONL `expected`), if the file says.
        public var expected: ExpectedAnswer?
        /// Functions offered, their choice and the agent loop (JSONL `tools`, `tool_choice`,
        /// `max_turns`, `tool_results`); none by default.
        public var tools = ItemTools()
        /// The entry's line in a JSONL file (from 1); nil for ShareGPT.
        public var line: Int?
        /// The schema the answer must follow (JSONL `output_schema`), if the line gives one.
        public var outputSchema: OutputSchema?
        /// The query and documents of a retrieval line (JSONL `documents`, `query`), if any.
        public var retrieval: RetrievalInput?

        /// Creates an entry.
        public init(
            messages: [ChatMessage], maxTokens: Int?, expected: ExpectedAnswer? = nil, tools: ItemTools = ItemTools(), line: Int? = nil,
            retrieval: RetrievalInput? = nil
        ) {
            self.messages = messages
            self.maxTokens = maxTokens
            self.expected = expected
            self.tools = tools
            self.line = line
            self.retrieval = retrieval
        }
    }

    /// File formats.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object per line: `prompt` (text) or `messages` ([{role, content}]), optional
        /// `max_tokens`, optional `expected` (an ``ExpectedAnswer``), optional `output_schema`
        /// (``OutputSchema``: `{name, schema}`), optional `tools`,
        /// `tool_choice`, `max_turns` and `tool_results` (``ItemTools``); for embedding, rerank and
        /// pipeline targets, `documents` (a non-empty list of texts) and `query` (default: the
        /// prompt, or the last message), a line with documents needing no prompt of its own.
        case jsonl
        /// A JSON array of `{"conversations": [{"from": "human"|"gpt"|"system", "value": …}]}`;
        /// the prompt is everything up to the first human turn, the budget the reply after it.
        case sharegpt
    }

    /// Entries in file order.
    public var entries: [Entry]

    /// Creates a dataset from entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The most bad JSONL lines reported one by one; the rest are counted in one more problem.
    public static let reportedLineLimit = 20

    /// Reads a dataset; problems name the file and, for JSONL, the line.
    /// - Throws: ``ScenarioProblems``: an unreadable file (its absolute path and the system's
    ///   reason), a ShareGPT file of the wrong shape, no usable prompt, or every bad JSONL line up
    ///   to ``reportedLineLimit`` followed by `and N more bad lines`.
    public static func load(path: String, format: Format) throws(ScenarioProblems) -> PromptDataset {
        func problem(_ message: String) -> ScenarioProblems {
            ScenarioProblems([ScenarioProblem(file: path, line: nil, field: "", message: message)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileAccess.unreadableReason(path).map { " (\($0))" } ?? ""
            throw problem("cannot read the dataset file \(FileAccess.absolute(path))\(reason)")
        }
        let dataset: PromptDataset
        switch format {
        case .jsonl:
            dataset = try parseJSONL(data, file: path)
        case .sharegpt:
            do {
                dataset = try parseShareGPT(data, file: path)
            } catch {
                throw ScenarioProblems([error])
            }
        }
        guard !dataset.entries.isEmpty else { throw problem("the dataset holds no usable prompt") }
        return dataset
    }

    /// One entry per non-blank line.
    /// - Throws: every bad line, up to ``reportedLineLimit`` of them, then a count of the rest.
    static func parseJSONL(_ data: Data, file: String) throws(ScenarioProblems) -> PromptDataset {
        var entries: [Entry] = []
        var problems: [ScenarioProblem] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let trimmed = line.filter { $0 != UInt8(ascii: "\r") }
            guard trimmed.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { continue }
            switch entry(Data(trimmed)) {
            case .success(var entry):
                entry.line = number + 1
                entries.append(entry)
            case .failure(let message):
                problems.append(ScenarioProblem(file: file, line: number + 1, field: message.field, message: message.text))
            }
        }
        guard problems.isEmpty else {
            var reported = Array(problems.prefix(reportedLineLimit))
            if problems.count > reportedLineLimit {
                let more = problems.count - reportedLineLimit
                reported.append(ScenarioProblem(file: file, line: nil, field: "", message: "and \(more) more bad line\(more == 1 ? "" : "s")"))
            }
            throw ScenarioProblems(reported)
        }
        return PromptDataset(entries: entries)
    }

    /// Why a JSONL line is not a prompt.
    struct LineProblem: Error {
        /// One sentence.
        var text: String
        /// The faulty field of the line's object (`expected.regex`), empty for the line as a whole.
        var field = ""
    }

    /// The entry one JSONL line holds, or why it holds none.
    private static func entry(_ line: Data) -> Result<Entry, LineProblem> {
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            return .failure(LineProblem(text: "not a JSON object"))
        }
        let maxTokens = object["max_tokens"] as? Int
        var expected: ExpectedAnswer?
        if let value = object["expected"] {
            do {
                expected = try ExpectedAnswer.parse(value)
            } catch {
                return .failure(LineProblem(text: error.message, field: error.field))
            }
        }
        let tools: ItemTools
        do {
            tools = try ItemTools.parse(object)
        } catch {
            return .failure(LineProblem(text: error.message, field: error.field))
        }
        var outputSchema: OutputSchema?
        if let value = object["output_schema"] {
            do {
                outputSchema = try OutputSchema.parse(value)
            } catch {
                return .failure(LineProblem(text: error.message, field: error.field))
            }
        }
        if object["documents"] != nil {
            return retrievalEntry(object, maxTokens: maxTokens, expected: expected)
        }
        if let prompt = object["prompt"] as? String {
            var entry = Entry(messages: [ChatMessage(role: "user", content: prompt)], maxTokens: maxTokens, expected: expected, tools: tools)
            entry.outputSchema = outputSchema
            return .success(entry)
        }
        guard let raw = object["messages"] as? [[String: Any]] else {
            return .failure(LineProblem(text: "needs a text 'prompt' or a 'messages' list"))
        }
        let messages = raw.compactMap { message -> ChatMessage? in
            guard let role = message["role"] as? String, let content = message["content"] as? String else { return nil }
            return ChatMessage(role: role, content: content)
        }
        guard messages.count == raw.count, !messages.isEmpty else {
            return .failure(LineProblem(text: "messages must be a non-empty list of {role, content} with text content"))
        }
        var entry = Entry(messages: messages, maxTokens: maxTokens, expected: expected, tools: tools)
        entry.outputSchema = outputSchema
        return .success(entry)
    }

    /// A line with `documents`: its query is `query`, else `prompt`, else the last message's
    /// text; its conversation `messages`, else the query as the user's message.
    private static func retrievalEntry(_ object: [String: Any], maxTokens: Int?, expected: ExpectedAnswer?) -> Result<Entry, LineProblem> {
        guard let documents = object["documents"] as? [String], !documents.isEmpty else {
            return .failure(LineProblem(text: "documents must be a non-empty list of texts", field: "documents"))
        }
        let raw = object["messages"] as? [[String: Any]] ?? []
        let messages = raw.compactMap { message -> ChatMessage? in
            guard let role = message["role"] as? String, let content = message["content"] as? String else { return nil }
            return ChatMessage(role: role, content: content)
        }
        guard let query = object["query"] as? String ?? object["prompt"] as? String ?? messages.last?.content, !query.isEmpty else {
            return .failure(LineProblem(text: "a line with documents needs a text 'query' (or 'prompt')", field: "query"))
        }
        return .success(Entry(
            messages: messages.isEmpty ? [ChatMessage(role: "user", content: query)] : messages, maxTokens: maxTokens,
            expected: expected, retrieval: RetrievalInput(query: query, documents: documents)))
    }

    static func parseShareGPT(_ data: Data, file: String) throws(ScenarioProblem) -> PromptDataset {
        guard let conversations = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
            throw ScenarioProblem(file: file, line: nil, field: "", message: "not a ShareGPT file (a JSON array of objects with 'conversations')")
        }
        var entries: [Entry] = []
        for conversation in conversations {
            guard let turns = conversation["conversations"] as? [[String: Any]] else { continue }
            var messages: [ChatMessage] = []
            var reply: String?
            for turn in turns {
                guard let from = turn["from"] as? String, let value = turn["value"] as? String else { break }
                if from == "system" && messages.isEmpty {
                    messages.append(ChatMessage(role: "system", content: value))
                } else if from == "human" || from == "user" {
                    messages.append(ChatMessage(role: "user", content: value))
                } else if (from == "gpt" || from == "assistant" || from == "chatgpt"), messages.last?.role == "user" {
                    reply = value
                    break
                }
            }
            // A conversation without a human turn answered by the model has nothing to replay.
            guard let reply, messages.contains(where: { $0.role == "user" }) else { continue }
            let words = reply.split(whereSeparator: { $0.isWhitespace }).count
            entries.append(Entry(messages: messages, maxTokens: max(1, words)))
        }
        return PromptDataset(entries: entries)
    }
}
