extension JSONReader {
    /// Reads the value of an `error` member as the providers send it: a string (TGI, Ollama), or an
    /// object whose `message` says what went wrong, falling back to its `fallbackKey` member
    /// (`type` for OpenAI and Anthropic, `status` for Gemini) when the message is missing or empty.
    ///
    /// - Returns: the message; `"error"` for an error that says nothing; `nil` for `null`.
    mutating func readErrorMember(fallbackKey: String?) throws(JSONReaderError) -> String? {
        switch peek() {
        case .string:
            let text = try readString()
            return text.isEmpty ? "error" : text
        case .object:
            var message: String?
            var fallback: String?
            try beginObject()
            var isFirst = true
            while let key = try nextKey(&isFirst) {
                if key.equals("message"), peek() == .string {
                    message = try readString()
                } else if let fallbackKey, key.elementsEqual(fallbackKey.utf8), peek() == .string {
                    fallback = try readString()
                } else {
                    try skipValue()
                }
            }
            if let message, !message.isEmpty { return message }
            if let fallback, !fallback.isEmpty { return fallback }
            return "error"
        case .literal where consumeNull():
            return nil
        case .array, .number, .literal, .end:
            try skipValue()
            return "error"
        }
    }
}
