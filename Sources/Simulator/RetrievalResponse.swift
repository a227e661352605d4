import RepatSupport

/// The bodies the simulator answers embedding and rerank requests with, in each API's shape
/// (see ``RetrievalAPI``); key order as the real servers write them.
enum RetrievalResponse {
    /// The body answering `request`, served as `model`, seeded by `seed`; `serviceNs` is the
    /// time the request took (Ollama reports it as its durations).
    static func body(for request: RetrievalRequest, model: String, dimension: Int, seed: UInt64, serviceNs: UInt64) -> String {
        var json = JSONWriter()
        switch request.api {
        case .openAIEmbeddings:
            json.raw("{\"object\":\"list\",\"data\":[")
            for (index, text) in request.texts.enumerated() {
                if index > 0 { json.raw(",") }
                json.raw("{\"object\":\"embedding\",\"index\":\(index),\"embedding\":")
                vector(text, dimension: dimension, seed: seed, into: &json)
                json.raw("}")
            }
            json.raw("],\"model\":")
            json.string(model)
            json.raw(",\"usage\":{\"prompt_tokens\":\(request.tokens),\"total_tokens\":\(request.tokens)}}")
        case .ollamaEmbed:
            json.raw("{\"model\":")
            json.string(model)
            json.raw(",\"embeddings\":[")
            for (index, text) in request.texts.enumerated() {
                if index > 0 { json.raw(",") }
                vector(text, dimension: dimension, seed: seed, into: &json)
            }
            json.raw("],\"total_duration\":\(serviceNs),\"load_duration\":0,\"prompt_eval_count\":\(request.tokens)}")
        case .teiEmbed:
            json.raw("[")
            for (index, text) in request.texts.enumerated() {
                if index > 0 { json.raw(",") }
                vector(text, dimension: dimension, seed: seed, into: &json)
            }
            json.raw("]")
        case .rerank:
            rerank(request, model: model, into: &json)
        }
        return json.text
    }

    /// Scores, best first (ties in document order), cut to `top_n` when the request set it.
    private static func rerank(_ request: RetrievalRequest, model: String, into json: inout JSONWriter) {
        let query = request.query ?? ""
        var scored = request.texts.enumerated().map { (index: $0.offset, score: SimulatedRetrieval.score(query: query, document: $0.element)) }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        if let topN = request.topN { scored = Array(scored.prefix(max(0, topN))) }
        if request.teiShape {
            json.raw("[")
            for (position, result) in scored.enumerated() {
                if position > 0 { json.raw(",") }
                json.raw("{\"index\":\(result.index),\"score\":\(result.score)}")
            }
            json.raw("]")
            return
        }
        json.raw("{\"id\":\"rerank-\(SeededGenerator.hexDigits(16, seed: StableHash(query).value))\",\"model\":")
        json.string(model)
        json.raw(",\"usage\":{\"total_tokens\":\(request.tokens)},\"results\":[")
        for (position, result) in scored.enumerated() {
            if position > 0 { json.raw(",") }
            json.raw("{\"index\":\(result.index),\"document\":{\"text\":")
            json.string(request.texts[result.index])
            json.raw("},\"relevance_score\":\(result.score)}")
        }
        json.raw("]}")
    }

    /// One embedding as a JSON array of numbers.
    private static func vector(_ text: String, dimension: Int, seed: UInt64, into json: inout JSONWriter) {
        json.raw("[")
        for (index, value) in SimulatedRetrieval.embedding(of: text, dimension: dimension, seed: seed).enumerated() {
            if index > 0 { json.raw(",") }
            json.raw(String(Float(value)))
        }
        json.raw("]")
    }
}
