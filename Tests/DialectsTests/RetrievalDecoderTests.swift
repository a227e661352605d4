import Dialects
import Metrics
import Testing
import Workload

/// Embedding and rerank bodies, in every shape the dialects read, split at every byte boundary.
@Suite("embedding and rerank body decoder")
struct RetrievalDecoderTests {
    private static func item(documents: Int) -> PromptItem {
        PromptItem(
            index: 0, messages: [], maxTokens: 1,
            retrieval: RetrievalInput(query: "q", documents: (0..<documents).map { "document \($0)" }))
    }

    /// Decodes `body` with `dialect`'s decoder for an item of `documents` documents, split into
    /// two reads at `split`.
    private func decode(_ body: String, _ dialect: any Dialect, documents: Int, split: Int = 5) -> ResponseObservation {
        let bytes = Array(body.utf8)
        let cut = min(split, bytes.count)
        return Fixtures.decode(
            dialect.makeDecoder(for: Self.item(documents: documents), streaming: false),
            feeds: [Array(bytes.prefix(cut)), Array(bytes.dropFirst(cut))])
    }

    /// `body` decodes to the same observation however it is split in two.
    private func expectSplitInvariant(_ body: String, _ dialect: any Dialect, documents: Int) {
        let whole = decode(body, dialect, documents: documents, split: body.utf8.count)
        for split in 0...body.utf8.count {
            var observation = decode(body, dialect, documents: documents, split: split)
            // The stamp is the time of the last bytes: the second read unless the split left it empty.
            observation.tokens = whole.tokens
            #expect(observation == whole, "split at byte \(split)")
        }
    }

    static let openAI = #"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2,0.3]},{"object":"embedding","index":1,"embedding":[1e-3,0,-1]}],"model":"bge","usage":{"prompt_tokens":7,"total_tokens":7}}"#
    static let ollama = #"{"model":"all-minilm","embeddings":[[0.01,-0.002],[0.5,0.25]],"total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}"#
    static let tei = "[[0.1,0.2,0.3,0.4],[0.5,0.6,0.7,0.8],[0.0,0.0,0.0,1.0]]"
    static let vllmRerank = #"{"id":"rerank-1","model":"bge-reranker","usage":{"total_tokens":21},"results":[{"index":1,"document":{"text":"b"},"relevance_score":0.98},{"index":0,"document":{"text":"a"},"relevance_score":0.01}]}"#
    static let teiRerank = #"[{"index":0,"score":0.9},{"index":2,"score":0.5},{"index":1,"score":-1.5}]"#

    @Test("an OpenAI embeddings body: one stamp at its last bytes, prompt tokens from usage, no output tokens")
    func openAIBody() {
        let observation = decode(Self.openAI, EmbeddingDialect.openAI, documents: 2)
        #expect(observation.sawEndMarker)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.usage == TokenUsage(promptTokens: 7))
        #expect(observation.outputTokens == 0)
        #expect(observation.invalidBody == nil)
        #expect(observation.parseErrors == 0)
        expectSplitInvariant(Self.openAI, EmbeddingDialect.openAI, documents: 2)
    }

    @Test("an Ollama /api/embed body: prompt_eval_count and its durations as server timings")
    func ollamaBody() {
        let observation = decode(Self.ollama, EmbeddingDialect.ollama, documents: 2)
        #expect(observation.sawEndMarker)
        #expect(observation.usage?.promptTokens == 8)
        #expect(observation.serverTimings?.totalMs == 14.143917)
        #expect(observation.serverTimings?.loadMs == 1.0195)
        expectSplitInvariant(Self.ollama, EmbeddingDialect.ollama, documents: 2)
    }

    @Test("a TEI /embed body (a bare array of vectors) has no usage")
    func teiBody() {
        let observation = decode(Self.tei, EmbeddingDialect.tei, documents: 3)
        #expect(observation.sawEndMarker)
        #expect(observation.usage == nil)
        expectSplitInvariant(Self.tei, EmbeddingDialect.tei, documents: 3)
    }

    @Test("a vLLM/Jina/Cohere rerank body and a TEI one are read alike")
    func rerankBodies() {
        let vllm = decode(Self.vllmRerank, RerankDialect.documents, documents: 2)
        #expect(vllm.sawEndMarker)
        #expect(vllm.usage?.promptTokens == 21)
        #expect(vllm.invalidBody == nil)
        let tei = decode(Self.teiRerank, RerankDialect.tei, documents: 3)
        #expect(tei.sawEndMarker)
        #expect(tei.usage == nil)
        expectSplitInvariant(Self.vllmRerank, RerankDialect.documents, documents: 2)
        expectSplitInvariant(Self.teiRerank, RerankDialect.tei, documents: 3)
    }

    @Test("fewer embeddings than inputs is a body that does not answer, with the counts")
    func wrongEmbeddingCount() {
        let observation = decode(Self.openAI, EmbeddingDialect.openAI, documents: 3)
        #expect(observation.invalidBody == "2 embeddings for 3 inputs")
        #expect(!observation.sawEndMarker)
        #expect(observation.tokens.isEmpty)
    }

    @Test("embeddings of different lengths in one body are refused")
    func mixedDimensions() {
        let observation = decode("[[0.1,0.2],[0.3]]", EmbeddingDialect.tei, documents: 2)
        #expect(observation.invalidBody == "embeddings of mixed dimensions (2 and 1)")
    }

    @Test("a vector holding a string, or a body cut short, is one parse error")
    func unparseable() {
        #expect(decode(#"[[0.1,"x"]]"#, EmbeddingDialect.tei, documents: 1).parseErrors == 1)
        #expect(decode(String(Self.openAI.prefix(60)), EmbeddingDialect.openAI, documents: 2).parseErrors == 1)
        #expect(decode(#"{"results":[{"index":0}]}"#, RerankDialect.documents, documents: 1).parseErrors == 1)
    }

    @Test("rerank scores must cover every document once, within range, finite")
    func rerankChecks() {
        #expect(decode(Self.teiRerank, RerankDialect.tei, documents: 4).invalidBody == "3 scores for 4 documents")
        let twice = #"[{"index":0,"score":0.9},{"index":0,"score":0.5}]"#
        #expect(decode(twice, RerankDialect.tei, documents: 2).invalidBody == "document 0 scored twice")
        let outside = #"[{"index":0,"score":0.9},{"index":5,"score":0.5}]"#
        #expect(decode(outside, RerankDialect.tei, documents: 2).invalidBody == "score for document 5 of 2")
    }

    @Test("an error object in a 2xx body is a stream error with its message")
    func errorObject() {
        let observation = decode(#"{"error":{"message":"input too long","type":"invalid_request_error"}}"#, EmbeddingDialect.openAI, documents: 1)
        #expect(observation.streamError == "input too long")
        #expect(!observation.sawEndMarker)
    }
}
