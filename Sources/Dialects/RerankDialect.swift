import CurlTransport
import Metrics
import Workload

/// The rerank APIs: each request scores the item's documents against its query
/// (``RetrievalInput``) in one non-streamed `POST {base}/rerank`, asking for every score (no
/// `top_n`); the body must hold one finite score per document, each document once (see
/// ``RetrievalBodyDecoder``). A target's `stream` setting does not apply.
public struct RerankDialect: Dialect {
    /// How the documents are sent.
    public enum API: String, Sendable, CaseIterable {
        /// `{model, query, documents: [...]}` (`rerank`): vLLM, Jina, Cohere (v2) and the
        /// servers that copy them; results `{index, relevance_score}`.
        case documents = "rerank"
        /// `{query, texts: [...]}` (`tei-rerank`): Hugging Face Text Embeddings Inference,
        /// which serves one model; results `[{index, score}]`.
        case texts = "tei-rerank"
    }

    /// `rerank`.
    public static let documents = RerankDialect(api: .documents)
    /// `tei-rerank`.
    public static let tei = RerankDialect(api: .texts)

    /// How this dialect sends documents.
    public let api: API

    /// Creates the dialect for `api`.
    public init(api: API) {
        self.api = api
    }

    /// `rerank` or `tei-rerank`.
    public var id: String { api.rawValue }

    /// Reranks.
    public var requestKind: RequestKind { .rerank }

    /// The documents scored.
    public func inputCount(of prompt: PromptItem) -> Int? {
        prompt.retrieval?.documents.count
    }

    /// Builds the POST. Body keys in order: `model` (not for TEI), `query`, `documents` (TEI's
    /// `texts`).
    /// - Throws: ``DialectError/missingInputs(dialect:)`` for an item without documents.
    public func makeRequest(
        for prompt: PromptItem, endpoint: Endpoint, parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        guard let retrieval = prompt.retrieval, !retrieval.documents.isEmpty else { throw .missingInputs(dialect: id) }
        var json = JSONObjectWriter()
        switch api {
        case .documents:
            json.add("model", endpoint.model)
            json.add("query", retrieval.query)
            json.add("documents", retrieval.documents)
        case .texts:
            json.add("query", retrieval.query)
            json.add("texts", retrieval.documents)
        }
        return try jsonPOST("/rerank", body: json.finished(), streaming: false, endpoint: endpoint)
    }

    /// `/v1` for vLLM-style servers (`/v1/rerank`); empty for TEI, served at the root.
    public var defaultBasePath: String { api == .documents ? "/v1" : "" }

    /// A body decoder checking one score per document.
    public func makeDecoder(for prompt: PromptItem, streaming: Bool) -> any ResponseDecoder {
        RetrievalBodyDecoder(expecting: .scores(documents: prompt.retrieval?.documents.count ?? 0))
    }

    /// A body decoder expecting no score (requests always come with their item: see
    /// ``makeDecoder(for:streaming:)``).
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        RetrievalBodyDecoder(expecting: .scores(documents: 0))
    }

    /// `GET {base}/models` for vLLM-style servers; TEI lists none.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        api == .documents ? try jsonGET("/models", endpoint: endpoint) : nil
    }

    /// The `data[].id` members of a `/models` listing.
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        api == .documents ? ModelList.ids(in: body, arrayKey: "data", idKey: "id") : nil
    }
}
