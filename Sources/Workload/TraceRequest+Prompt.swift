import RepatSupport

extension TraceRequest {
    /// The prompt sent for this request, identical on every target: the trace's own text, else
    /// seeded words — block by block for Mooncake hashes (a hash is always the same words, so
    /// requests sharing hashes share a prompt prefix, and prefix caching sees what production saw;
    /// a last, partial block is the first words of its hash's block), else seeded by `index`.
    /// `tokensPerWord` is the calibration factor (a prompt of N tokens gets round(N ÷ it) words).
    public func promptText(index: Int, seed: UInt64, tokensPerWord: Double) -> String {
        if let prompt { return prompt }
        let perWord = tokensPerWord > 0 ? tokensPerWord : 1
        func words(_ tokens: Int) -> Int { max(1, Int((Double(tokens) / perWord).rounded())) }
        guard !blockHashes.isEmpty else {
            var generator = SeededGenerator(seed: seed ^ 0x5452_4143_45, stream: UInt64(index))
            return WordList.text(count: words(inputTokens), &generator)
        }
        var parts: [String] = []
        var remaining = inputTokens
        for hash in blockHashes where remaining > 0 {
            let tokens = min(TraceFormat.blockTokens, remaining)
            remaining -= tokens
            var generator = SeededGenerator(seed: seed ^ 0x424C_4F43_4B, stream: UInt64(bitPattern: Int64(hash)))
            parts.append(WordList.text(count: words(tokens), &generator))
        }
        if remaining > 0 {
            var generator = SeededGenerator(seed: seed ^ 0x5452_4143_45, stream: UInt64(index))
            parts.append(WordList.text(count: words(remaining), &generator))
        }
        return parts.joined(separator: " ")
    }
}
