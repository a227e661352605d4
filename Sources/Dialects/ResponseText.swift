import Foundation

/// Reads the answer text out of a complete response body that the client kept, once the request
/// has ended: parsed with `JSONSerialization`, off the transport thread and after every timestamp
/// was taken, so scoring answers costs the measurement nothing.
enum ResponseText {
    /// The JSON data of every server-sent event, parsed; events that are not JSON (`[DONE]`) are
    /// skipped.
    static func eventObjects(_ body: [UInt8]) -> [[String: Any]] {
        var framing = SSEFraming()
        var events: [SSEEvent] = []
        body.withUnsafeBytes { _ = framing.feed($0, into: &events) }
        _ = framing.finish(into: &events)
        return events.compactMap { object(Array($0.data)) }
    }

    /// Every line of a newline-delimited JSON body, parsed; blank and non-JSON lines skipped.
    static func lineObjects(_ body: [UInt8]) -> [[String: Any]] {
        body.split(separator: UInt8(ascii: "\n")).compactMap { object(Array($0)) }
    }

    /// The body as one JSON object, if it is one.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    /// A content value's text: a string, or the `text` of each part of a list of content parts
    /// (`[{"type": "text", "text": …}]`); empty for anything else.
    static func text(_ value: Any?) -> String {
        if let text = value as? String { return text }
        guard let parts = value as? [[String: Any]] else { return "" }
        return parts.compactMap { part in
            (part["type"] as? String).map { $0 == "text" } ?? true ? part["text"] as? String : nil
        }.joined()
    }
}
