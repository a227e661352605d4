/// Which embedding or rerank API a request used; its body and response take that API's shape.
enum RetrievalAPI: Sendable, Equatable {
    /// `POST /v1/embeddings`: `{model, input}` → `{object: "list", data: [{embedding}], usage}`.
    case openAIEmbeddings
    /// `POST /api/embed` (Ollama): `{model, input}` → `{model, embeddings, …durations,
    /// prompt_eval_count}`.
    case ollamaEmbed
    /// `POST /embed` (TEI): `{inputs}` → `[[…], …]`.
    case teiEmbed
    /// `POST /rerank` or `/v1/rerank`: `{model, query, documents}` → `{results: [{index,
    /// relevance_score}], usage}` (vLLM, Jina, Cohere), or TEI's `{query, texts}` →
    /// `[{index, score}]`, told apart by the body.
    case rerank

    /// The dialect whose shape this API's errors take.
    var errorDialect: APIDialect { self == .ollamaEmbed ? .ollama : .openAI }
}

/// An embedding or rerank request as the simulator understood it.
struct RetrievalRequest: Sendable, Equatable {
    /// The API it came through.
    var api: RetrievalAPI
    /// The model it named; nil for TEI, which takes none.
    var model: String?
    /// The texts embedded, or the documents scored.
    var texts: [String]
    /// A rerank's query; nil for embeddings.
    var query: String?
    /// A rerank sent as TEI takes it (`texts`), answered in TEI's shape.
    var teiShape = false
    /// A rerank's `top_n`: how many of the best results to return; nil for all.
    var topN: Int?

    /// Tokens the request carries (the simulator's one token per word): every text's, and for a
    /// rerank the query's once per document.
    var tokens: Int {
        let textTokens = texts.reduce(0) { $0 + SimulatedTokenizer.countTokens($1) }
        return textTokens + (query.map(SimulatedTokenizer.countTokens) ?? 0) * texts.count
    }

    /// Decodes and checks a body sent to `api`.
    /// - Throws: ``APIError`` (400) for a body the API would refuse: not JSON, a missing field,
    ///   no input, an empty query.
    static func parse(_ body: [UInt8], api: RetrievalAPI) throws(APIError) -> RetrievalRequest {
        var request: RetrievalRequest
        switch api {
        case .openAIEmbeddings, .ollamaEmbed:
            let wire = try JSONBody.decode(EmbeddingsBody.self, from: body)
            request = RetrievalRequest(api: api, model: wire.model, texts: wire.input.texts)
        case .teiEmbed:
            let wire = try JSONBody.decode(TEIEmbedBody.self, from: body)
            request = RetrievalRequest(api: api, texts: wire.inputs.texts)
        case .rerank:
            let wire = try JSONBody.decode(RerankWireBody.self, from: body)
            guard let documents = wire.documents ?? wire.texts else {
                throw .invalidRequest("field 'documents' is required", param: "documents")
            }
            guard !wire.query.isEmpty else { throw .invalidRequest("field 'query' is empty", param: "query") }
            request = RetrievalRequest(
                api: api, model: wire.model, texts: documents, query: wire.query, teiShape: wire.documents == nil,
                topN: wire.topN)
        }
        guard !request.texts.isEmpty else {
            throw .invalidRequest("no input to \(api == .rerank ? "rerank" : "embed")")
        }
        return request
    }
}

/// `input` (OpenAI, Ollama) or `inputs` (TEI): one string or a list of strings.
private enum WireInputs: Decodable {
    case one(String)
    case many([String])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .one(text)
        } else {
            self = .many(try container.decode([String].self))
        }
    }

    var texts: [String] {
        switch self {
        case .one(let text): [text]
        case .many(let texts): texts
        }
    }
}

/// The body of `/v1/embeddings` and `/api/embed`.
private struct EmbeddingsBody: Decodable {
    var model: String
    var input: WireInputs
}

/// The body of TEI's `/embed`.
private struct TEIEmbedBody: Decodable {
    var inputs: WireInputs
}

/// The body of `/rerank`: `documents` (vLLM, Jina, Cohere) or `texts` (TEI).
private struct RerankWireBody: Decodable {
    var model: String?
    var query: String
    var documents: [String]?
    var texts: [String]?
    var topN: Int?

    enum CodingKeys: String, CodingKey {
        case model, query, documents, texts
        case topN = "top_n"
    }
}
