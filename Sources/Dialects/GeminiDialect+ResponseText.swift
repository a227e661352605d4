extension GeminiDialect {
    /// The first candidate's `content.parts[].text` of every chunk (or of the body), thought parts
    /// left out.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        let chunks = streaming ? ResponseText.eventObjects(body) : ResponseText.object(body).map { [$0] } ?? []
        return chunks.map { chunk in
            guard let candidate = (chunk["candidates"] as? [[String: Any]])?.first,
                  let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]]
            else { return "" }
            return parts.filter { ($0["thought"] as? Bool) != true }.compactMap { $0["text"] as? String }.joined()
        }.joined()
    }
}
