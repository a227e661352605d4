import CurlTransport
import Metrics
import Workload

/// The embedding APIs: each request embeds one batch of inputs, the item's documents
/// (``RetrievalInput/documents``), in one non-streamed `POST`; the body must hold one embedding
/// per input, all of one dimension (see ``RetrievalBodyDecoder``). A target's `stream` setting
/// does not apply: these APIs do not stream.
public struct EmbeddingDialect: Dialect {
    /// Which embedding API to call.
    public enum API: String, Sendable, CaseIterable {
        /// `POST {base}/embeddings` with `{model, input: [...], encoding_format: "float"}`
        /// (`openai-embeddings`): OpenAI, Mistral, Scaleway, OVH, vLLM, TEI, Ollama's `/v1`,
        /// llama.cpp server started with `--embeddings`.
        case openAI = "openai-embeddings"
        /// `POST {base}/api/embed` with `{model, input: [...]}` (`ollama-embed`): Ollama's
        /// native API.
        case ollama = "ollama-embed"
        /// `POST {base}/embed` with `{inputs: [...]}` (`tei-embed`): Hugging Face Text
        /// Embeddings Inference, which serves one model and takes none in the body.
        case tei = "tei-embed"
    }

    /// `openai-embeddings`.
    public static let openAI = EmbeddingDialect(api: .openAI)
    /// `ollama-embed`.
    public static let ollama = EmbeddingDialect(api: .ollama)
    /// `tei-embed`.
    public static let tei = EmbeddingDialect(api: .tei)

    /// The API this dialect calls.
    public let api: API

    /// Creates the dialect for `api`.
    public init(api: API) {
        self.api = api
    }

    /// `openai-embeddings`, `ollama-embed` or `tei-embed`.
    public var id: String { api.rawValue }

    /// Embeddings.
    public var requestKind: RequestKind { .embedding }

    /// The documents of the item: the batch embedded.
    public func inputCount(of prompt: PromptItem) -> Int? {
        prompt.retrieval?.documents.count
    }

    /// Builds the POST of the item's documents. Body keys in order: `model` (not for TEI), the
    /// inputs (`input`, TEI's `inputs`), `encoding_format` (OpenAI only), `keep_alive` (Ollama,
    /// when the target sets it).
    /// - Throws: ``DialectError/missingInputs(dialect:)`` for an item without documents.
    public func makeRequest(
        for prompt: PromptItem, endpoint: Endpoint, parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        guard let documents = prompt.retrieval?.documents, !documents.isEmpty else { throw .missingInputs(dialect: id) }
        var json = JSONObjectWriter()
        switch api {
        case .openAI:
            json.add("model", endpoint.model)
            json.add("input", documents)
            json.add("encoding_format", "float")
        case .ollama:
            json.add("model", endpoint.model)
            json.add("input", documents)
            if let keepAlive = parameters.keepAlive { json.add("keep_alive", keepAlive) }
        case .tei:
            json.add("inputs", documents)
        }
        return try jsonPOST(path, body: json.finished(), streaming: false, endpoint: endpoint)
    }

    /// The path after the base URL.
    private var path: String {
        switch api {
        case .openAI: "/embeddings"
        case .ollama: "/api/embed"
        case .tei: "/embed"
        }
    }

    /// `/v1` for the OpenAI API; empty for Ollama's and TEI's, served at the root.
    public var defaultBasePath: String { api == .openAI ? "/v1" : "" }

    /// A body decoder checking one embedding per document.
    public func makeDecoder(for prompt: PromptItem, streaming: Bool) -> any ResponseDecoder {
        RetrievalBodyDecoder(expecting: .embeddings(inputs: prompt.retrieval?.documents.count ?? 0))
    }

    /// A body decoder expecting no embedding (requests always come with their item: see
    /// ``makeDecoder(for:streaming:)``).
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        RetrievalBodyDecoder(expecting: .embeddings(inputs: 0))
    }

    /// OpenAI's `GET {base}/models`, Ollama's `GET /api/tags`; TEI lists none.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        switch api {
        case .openAI: try jsonGET("/models", endpoint: endpoint)
        case .ollama: try jsonGET("/api/tags", endpoint: endpoint)
        case .tei: nil
        }
    }

    /// The model ids of a listing.
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        switch api {
        case .openAI: ModelList.ids(in: body, arrayKey: "data", idKey: "id")
        case .ollama: ModelList.ids(in: body, arrayKey: "models", idKey: "name")
        case .tei: nil
        }
    }
}
