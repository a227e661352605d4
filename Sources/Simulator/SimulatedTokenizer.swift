/// The simulator's tokenizer: one token per whitespace-separated word.
///
/// Crude, but it lets a benchmark reason about prompt length without a real vocabulary.
enum SimulatedTokenizer {
    /// The number of whitespace-separated words in `text`, in tokens.
    static func countTokens(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if isSpace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
