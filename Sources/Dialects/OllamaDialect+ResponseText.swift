extension OllamaDialect {
    /// Every line's `message.content` (`/api/chat`) or `response` (`/api/generate`), in order;
    /// a non-streamed body is its one line.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        ResponseText.lineObjects(body).map { line in
            ResponseText.text((line["message"] as? [String: Any])?["content"]) + ((line["response"] as? String) ?? "")
        }.joined()
    }
}
