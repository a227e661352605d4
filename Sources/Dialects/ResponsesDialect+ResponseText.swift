extension ResponsesDialect {
    /// Streamed: the `delta` of every `response.output_text.delta` event; otherwise the
    /// `output_text` parts of the body's `message` output items. Reasoning, refusals and function
    /// calls are left out.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        guard streaming else {
            guard let output = ResponseText.object(body)?["output"] as? [[String: Any]] else { return "" }
            return output.filter { $0["type"] as? String == "message" }.map { item in
                (item["content"] as? [[String: Any]] ?? [])
                    .filter { $0["type"] as? String == "output_text" }
                    .compactMap { $0["text"] as? String }.joined()
            }.joined()
        }
        return ResponseText.eventObjects(body).compactMap { event -> String? in
            guard event["type"] as? String == "response.output_text.delta" else { return nil }
            return event["delta"] as? String
        }.joined()
    }
}
