import Foundation
import Testing
import Workload

/// Dataset lines carrying documents, and the digest of retrieval items.
@Suite("retrieval datasets and digests")
struct RetrievalDatasetTests {
    private func load(_ lines: [String]) throws -> PromptDataset {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("retrieval-\(UUID().uuidString).jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PromptDataset.load(path: path, format: .jsonl)
    }

    @Test("a line with documents carries its query (else its prompt) and becomes the item's retrieval input")
    func documents() throws {
        let dataset = try load([
            #"{"query": "red fox?", "documents": ["a", "b"]}"#,
            #"{"prompt": "blue sky?", "documents": ["c"], "max_tokens": 9}"#,
            #"{"prompt": "no documents here"}"#,
        ])
        #expect(dataset.entries[0].retrieval == RetrievalInput(query: "red fox?", documents: ["a", "b"]))
        #expect(dataset.entries[0].messages == [ChatMessage(role: "user", content: "red fox?")])
        #expect(dataset.entries[1].retrieval == RetrievalInput(query: "blue sky?", documents: ["c"]))
        #expect(dataset.entries[1].maxTokens == 9)
        #expect(dataset.entries[2].retrieval == nil)
        let spec = WorkloadSpec(source: .dataset(path: "unused", format: .jsonl), maxTokens: .fixed(4))
        let generator = WorkloadGenerator(spec: spec, seed: 1, dataset: dataset)
        #expect(generator.item(at: 1).retrieval?.documents == ["c"])
        #expect(generator.item(at: 2).retrieval == nil)
    }

    @Test("documents that are not a list of texts, or a line with documents and no query, are refused at their line")
    func refusals() {
        #expect {
            try load([#"{"query": "q", "documents": "one"}"#, #"{"documents": ["d"]}"#])
        } throws: { error in
            let problems = (error as? ScenarioProblems)?.problems ?? []
            return problems.map(\.line) == [1, 2] && problems.map(\.field) == ["documents", "query"]
        }
    }

    @Test("the digest covers a retrieval item's query and documents")
    func digest() {
        let item = PromptItem(index: 0, messages: [], maxTokens: 1, retrieval: RetrievalInput(query: "q", documents: ["a", "b"]))
        var other = item
        other.retrieval?.documents = ["a", "c"]
        func hex(_ item: PromptItem) -> String {
            var digest = WorkloadDigest()
            digest.add(item, scheduledOffsetNs: nil)
            return digest.finalize()
        }
        #expect(hex(item) != hex(other))
        #expect(hex(item) == hex(item))
    }
}
