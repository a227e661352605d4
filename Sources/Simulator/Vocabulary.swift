/// The fixed word list the simulator's output tokens are drawn from; one word is one token.
///
/// Plain lowercase ASCII words, so they never need JSON escaping.
enum Vocabulary {
    static let words: [String] = [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
        "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have",
        "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has",
        "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "model",
        "token", "server", "latency", "batch", "queue", "stream", "engine", "prompt", "cache",
        "kernel", "memory", "request", "decode", "prefill",
    ]

    /// The token emitted for a random draw: the word with a leading space, as BPE tokenizers do.
    static func token(for draw: UInt64) -> String {
        " " + words[Int(draw % UInt64(words.count))]
    }
}
