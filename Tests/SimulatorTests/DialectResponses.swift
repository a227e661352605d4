import EventStream
import Foundation

/// Readers for the non-OpenAI stream formats, applied to a whole response body.
extension TestHTTPResponse {
    /// The body's server-sent events (name and data), whatever the line endings.
    var serverSentEvents: [(name: String?, data: String)] {
        let text = self.text.replacingOccurrences(of: "\r\n", with: "\n")
        return text.components(separatedBy: "\n\n").compactMap { block in
            var name: String?
            var data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            return data.isEmpty ? nil : (name, data.joined(separator: "\n"))
        }
    }

    /// The body's newline-delimited JSON objects, in order (a line that is not a JSON object is
    /// `nil`).
    var jsonLines: [[String: Any]?] {
        text.split(separator: "\n").map { jsonObject(String($0)) }
    }

    /// The body decoded as AWS event-stream messages.
    func eventStreamMessages() throws -> [EventStreamMessage] {
        var decoder = EventStreamDecoder(maxMessageBytes: 64 << 20)
        return try decoder.feed(body)
    }

    /// The value of the `error` object of the JSON body.
    var errorObject: [String: Any]? {
        json?["error"] as? [String: Any]
    }
}

/// `text` parsed as a JSON object, or nil.
func jsonObject(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
}

/// A string header's value.
func stringValue(_ value: EventStreamHeaderValue?) -> String? {
    if case .string(let text) = value { return text }
    return nil
}

extension EventStreamMessage {
    /// The payload as a JSON object, or nil.
    var json: [String: Any]? { jsonObject(String(decoding: payload, as: UTF8.self)) }
    /// `:event-type` or `:exception-type`.
    var typeName: String? { stringValue(header(":event-type")) ?? stringValue(header(":exception-type")) }
    /// `:message-type`.
    var messageType: String? { stringValue(header(":message-type")) }
}

/// Headers that make a request look SigV4-signed to the simulator (it does not verify them).
let signedHeaders = [
    "X-Amz-Date: 20261123T101500Z",
    "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/bedrock/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date, Signature=0123456789abcdef",
]
