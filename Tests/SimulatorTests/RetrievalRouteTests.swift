import Foundation
@testable import Simulator
import Testing

/// The simulator's embedding and rerank routes, their shapes, costs and refusals.
@Suite("embedding and rerank routes")
struct RetrievalRouteTests {
    private func array(_ response: TestHTTPResponse) -> [Any]? {
        try? JSONSerialization.jsonObject(with: Data(response.body)) as? [Any]
    }

    @Test("/v1/embeddings answers one unit vector of embedding_dim per input, in order, with usage")
    func openAI() async throws {
        try await withServer({ $0.retrieval.embeddingDim = 8 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/embeddings", #"{"model":"bge","input":["a b c","d e"]}"#)
            #expect(response.status == 200)
            let data = try #require(response.json?["data"] as? [[String: Any]])
            #expect(data.map { $0["index"] as? Int } == [0, 1])
            let vectors = data.compactMap { $0["embedding"] as? [Double] }
            #expect(vectors.map(\.count) == [8, 8])
            for vector in vectors { #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5) }
            #expect((response.json?["usage"] as? [String: Any])?["prompt_tokens"] as? Int == 5)
            #expect(response.json?["model"] as? String == "bge")
        }
    }

    @Test("Ollama's /api/embed, TEI's /embed and both rerank shapes answer as those servers do")
    func otherShapes() async throws {
        try await withServer({ $0.retrieval.embeddingDim = 4 }) { server in
            let ollama = try await TestHTTPClient.post(port: server.port, "/api/embed", #"{"model":"m","input":"one two"}"#)
            #expect((ollama.json?["embeddings"] as? [[Double]])?.map(\.count) == [4])
            #expect(ollama.json?["prompt_eval_count"] as? Int == 2)
            let tei = try await TestHTTPClient.post(port: server.port, "/embed", #"{"inputs":["x","y","z"]}"#)
            #expect((array(tei) as? [[Double]])?.count == 3)
            let rerank = try await TestHTTPClient.post(port: server.port, "/v1/rerank", #"{"model":"r","query":"red fox","documents":["blue sky","the red fox","a fox"]}"#)
            let results = try #require(rerank.json?["results"] as? [[String: Any]])
            #expect(results.map { $0["index"] as? Int } == [1, 2, 0], "best first: both words, one, none")
            #expect(results.map { $0["relevance_score"] as? Double } == [1, 0.5, 0])
            let teiRerank = try await TestHTTPClient.post(port: server.port, "/rerank", #"{"query":"red fox","texts":["blue sky","the red fox"]}"#)
            #expect((array(teiRerank) as? [[String: Any]])?.map { $0["index"] as? Int } == [1, 0])
        }
    }

    @Test("a body without input, or a rerank without documents, is a 400 naming the field")
    func refusals() async throws {
        try await withServer { server in
            let missing = try await TestHTTPClient.post(port: server.port, "/v1/embeddings", #"{"model":"m"}"#)
            #expect(missing.status == 400)
            #expect(String(decoding: missing.body, as: UTF8.self).contains("input"))
            let empty = try await TestHTTPClient.post(port: server.port, "/embed", #"{"inputs":[]}"#)
            #expect(empty.status == 400)
            let noDocuments = try await TestHTTPClient.post(port: server.port, "/rerank", #"{"query":"q"}"#)
            #expect(noDocuments.status == 400)
            #expect(String(decoding: noDocuments.body, as: UTF8.self).contains("documents"))
        }
    }

    @Test("embeddings are the same for the same text and differ between texts; scores are word overlap")
    func determinism() {
        let first = SimulatedRetrieval.embedding(of: "same text", dimension: 16, seed: 1)
        #expect(first == SimulatedRetrieval.embedding(of: "same text", dimension: 16, seed: 1))
        #expect(first != SimulatedRetrieval.embedding(of: "other text", dimension: 16, seed: 1))
        #expect(SimulatedRetrieval.score(query: "The Cat sat", document: "a cat sat down") == 2.0 / 3)
        #expect(SimulatedRetrieval.score(query: "", document: "x") == 0)
    }

    @Test("the batch queue runs at most `slots` requests at once, first come first served")
    func batchQueue() {
        var queue = BatchQueue(slots: 2)
        #expect(queue.admit(now: 100, serviceNs: 50) == (100, 150))
        #expect(queue.admit(now: 110, serviceNs: 50) == (110, 160))
        #expect(queue.admit(now: 120, serviceNs: 10) == (150, 160), "both slots busy: waits for the first free")
        #expect(queue.admit(now: 400, serviceNs: 5) == (400, 405))
        #expect(queue.admit(now: 400, serviceNs: 5) == (400, 405), "the other slot was free too")
        #expect(queue.admit(now: 401, serviceNs: 5) == (405, 410))
    }

    @Test("the cost model adds a fixed, a per-input and a per-token cost")
    func serviceTime() {
        var options = EngineProfile.RetrievalOptions()
        options.baseMs = 2
        options.msPerInput = 0.5
        options.msPerToken = 0.01
        #expect(options.serviceNs(inputs: 4, tokens: 100) == 5_000_000)
    }
}
