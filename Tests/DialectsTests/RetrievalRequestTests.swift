import CurlTransport
import Dialects
import Metrics
import Testing
import Workload

@Suite("embedding and rerank requests")
struct RetrievalRequestTests {
    private let item = PromptItem(
        index: 0, messages: [ChatMessage(role: "user", content: "which?")], maxTokens: 9,
        retrieval: RetrievalInput(query: "which \"one\"?", documents: ["first doc", "second doc"]))
    private let endpoint = Endpoint(baseURL: "http://127.0.0.1:8000/v1", model: "bge-m3", apiKey: "k")

    private func body(_ dialect: any Dialect, base: String? = nil) throws -> (url: String, body: String) {
        var endpoint = endpoint
        if let base { endpoint.baseURL = base }
        let request = try dialect.makeRequest(for: item, endpoint: endpoint, parameters: GenerationParameters(stream: true))
        #expect(request.method == "POST")
        #expect(request.headers.contains { $0.name == "Accept" && $0.value == "application/json" }, "never a stream, whatever the target says")
        return (request.url, String(decoding: request.body ?? [], as: UTF8.self))
    }

    @Test("each dialect posts the documents to its path, in its shape, byte for byte")
    func bodies() throws {
        #expect(try body(EmbeddingDialect.openAI) == ("http://127.0.0.1:8000/v1/embeddings", #"{"model":"bge-m3","input":["first doc","second doc"],"encoding_format":"float"}"#))
        #expect(try body(EmbeddingDialect.ollama, base: "http://h:11434") == ("http://h:11434/api/embed", #"{"model":"bge-m3","input":["first doc","second doc"]}"#))
        #expect(try body(EmbeddingDialect.tei, base: "http://h:8080") == ("http://h:8080/embed", #"{"inputs":["first doc","second doc"]}"#))
        #expect(try body(RerankDialect.documents) == ("http://127.0.0.1:8000/v1/rerank", #"{"model":"bge-m3","query":"which \"one\"?","documents":["first doc","second doc"]}"#))
        #expect(try body(RerankDialect.tei, base: "http://h:8080") == ("http://h:8080/rerank", #"{"query":"which \"one\"?","texts":["first doc","second doc"]}"#))
    }

    @Test("kinds and input counts: embeddings and reranks count their documents, generations nothing")
    func kinds() {
        #expect(EmbeddingDialect.openAI.requestKind == .embedding)
        #expect(RerankDialect.tei.requestKind == .rerank)
        #expect(OpenAIDialect.chat.requestKind == .generation)
        #expect(EmbeddingDialect.tei.inputCount(of: item) == 2)
        #expect(OpenAIDialect.chat.inputCount(of: item) == nil)
        #expect(DialectRegistry.catalog.requestKind(of: "ollama-embed") == .embedding)
    }

    @Test("an item without documents cannot be sent to an embedding API")
    func missingDocuments() {
        let plain = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "hi")], maxTokens: 4)
        #expect(throws: DialectError.missingInputs(dialect: "openai-embeddings")) {
            try EmbeddingDialect.openAI.makeRequest(for: plain, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        }
    }
}
