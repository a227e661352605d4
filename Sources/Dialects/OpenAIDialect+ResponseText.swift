extension OpenAIDialect {
    /// Choice 0's text: every chunk's `delta.content` (or `text`) when streamed, the body's
    /// `message.content` (or `text`) otherwise; a streamed request answered with a plain body is
    /// read as that body.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        let chunks = streaming ? ResponseText.eventObjects(body) : []
        let objects = chunks.isEmpty ? ResponseText.object(body).map { [$0] } ?? [] : chunks
        var text = ""
        for object in objects {
            guard let choices = object["choices"] as? [[String: Any]],
                  let choice = choices.first(where: { ($0["index"] as? Int ?? 0) == 0 })
            else { continue }
            for key in ["delta", "message"] {
                if let message = choice[key] as? [String: Any] { text += ResponseText.text(message["content"]) }
            }
            if let completion = choice["text"] as? String { text += completion }
        }
        return text
    }
}
