import Foundation

/// One server-sent event as the test client saw it.
struct TestEvent: Sendable {
    /// The text after `data: `.
    var data: String
    /// When the bytes completing it were read.
    var receivedAt: ContinuousClock.Instant

    /// The event's JSON object, or nil for `[DONE]` and non-JSON data.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
    }
}

/// An HTTP response as read off the wire by ``TestHTTPClient``.
struct TestHTTPResponse: Sendable {
    /// The status code.
    var status = 0
    /// Header names lowercased, in wire order.
    var headers: [(name: String, value: String)] = []
    /// The body after de-chunking.
    var body: [UInt8] = []
    /// SSE events, in order, split from the body as they arrived.
    var events: [TestEvent] = []
    /// True once the whole body was read (last chunk, or Content-Length bytes).
    var isComplete = false

    /// The first value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body's JSON object.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// Events carrying generated text (chat `delta.content` or completion `text`, non-empty).
    var tokenEvents: [TestEvent] {
        events.filter { event in
            guard let choices = event.json?["choices"] as? [[String: Any]], let choice = choices.first else { return false }
            let text = (choice["delta"] as? [String: Any])?["content"] as? String ?? choice["text"] as? String
            return !(text ?? "").isEmpty
        }
    }
}
