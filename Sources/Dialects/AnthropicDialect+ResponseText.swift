extension AnthropicDialect {
    /// Streamed: every `content_block_delta` event's `text_delta` text; otherwise the body's
    /// `content` blocks of type `text`. Thinking is left out.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        guard streaming else { return ResponseText.object(body).map { ResponseText.text($0["content"]) } ?? "" }
        return ResponseText.eventObjects(body).compactMap { event -> String? in
            guard event["type"] as? String == "content_block_delta", let delta = event["delta"] as? [String: Any],
                  delta["type"] as? String == "text_delta"
            else { return nil }
            return delta["text"] as? String
        }.joined()
    }
}
