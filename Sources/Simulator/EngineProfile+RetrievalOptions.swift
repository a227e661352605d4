extension EngineProfile {
    /// How the simulator answers embedding and rerank requests (`/v1/embeddings`, `/api/embed`,
    /// `/embed`, `/rerank`, `/v1/rerank`).
    ///
    /// A request's service time is `embed_base_ms + embed_ms_per_input × inputs +
    /// embed_ms_per_token × tokens` (a rerank's inputs are its documents, its tokens the query's
    /// once per document plus the documents'). Requests run on ``EngineProfile/maxNumSeqs``
    /// slots of their own (``BatchQueue``), first come first served, beside the generation
    /// engine: an embedding server runs one small model, so they do not share its KV cache.
    public struct RetrievalOptions: Sendable, Equatable {
        /// Length of every embedding (`embedding_dim`, 1…65,536).
        public var embeddingDim = 384
        /// Fixed cost of a request, ms (`embed_base_ms`).
        public var baseMs = 3.0
        /// Cost of each input (text or document), ms (`embed_ms_per_input`).
        public var msPerInput = 0.1
        /// Cost of each token processed, ms (`embed_ms_per_token`).
        public var msPerToken = 0.005

        /// The defaults: 384 dimensions (the size of small sentence-embedding models), 3 ms a
        /// request, 0.1 ms an input, 5 µs a token.
        public init() {}

        /// Largest accepted ``embeddingDim``.
        static let maxEmbeddingDim = 65_536

        /// The snake_case names of the retrieval options, in declaration order.
        static let optionNames = ["embedding_dim", "embed_base_ms", "embed_ms_per_input", "embed_ms_per_token"]

        /// Sets the retrieval option `name` from `text` (already trimmed).
        ///
        /// - Throws: ``OptionError`` for an unknown name or a bad value.
        mutating func set(_ name: String, text: String) throws(OptionError) {
            switch name {
            case "embedding_dim":
                let dimension = try EngineProfile.parseInt(name, text, atLeast: 1)
                guard dimension <= Self.maxEmbeddingDim else {
                    throw .badValue(name, text, expected: "a whole number from 1 to \(Self.maxEmbeddingDim)")
                }
                embeddingDim = dimension
            case "embed_base_ms": baseMs = try EngineProfile.parseDouble(name, text)
            case "embed_ms_per_input": msPerInput = try EngineProfile.parseDouble(name, text)
            case "embed_ms_per_token": msPerToken = try EngineProfile.parseDouble(name, text)
            default: throw .unknownName(name)
            }
        }

        /// Service time of a request of `inputs` inputs and `tokens` tokens, nanoseconds.
        func serviceNs(inputs: Int, tokens: Int) -> UInt64 {
            let ms = baseMs + msPerInput * Double(inputs) + msPerToken * Double(tokens)
            return UInt64((min(ms, 1e9) * 1e6).rounded())
        }
    }
}
