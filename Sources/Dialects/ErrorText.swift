import Foundation

/// Turns error payloads into one short line fit for a CSV `error` column.
enum ErrorText {
    /// Longest message kept, in characters (an ellipsis is added when cut).
    static let limit = 300

    /// `text` on one line: whitespace runs (newlines included) become one space, ends trimmed,
    /// cut to ``limit`` characters. `nil` when nothing is left.
    static func singleLine(_ text: String) -> String? {
        var result = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character.isNewline {
                pendingSpace = !result.isEmpty
                continue
            }
            if count + (pendingSpace ? 1 : 0) >= limit {
                result.append("…")
                return result
            }
            if pendingSpace {
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            result.append(character)
            count += 1
        }
        return result.isEmpty ? nil : result
    }

    /// A message from a common API error body: `{"error":{"message":…}}`, `{"error":"…"}`,
    /// `{"message":…}` (vLLM's older `ErrorResponse`), `{"detail":…}` (FastAPI); for other JSON the
    /// body itself on one line; for non-JSON the HTML `<title>` when there is one, else the text itself.
    static func message(fromBody body: [UInt8]) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) {
            if let dictionary = object as? [String: Any], let message = message(in: dictionary) {
                return singleLine(message)
            }
            if let string = object as? String {
                return singleLine(string)
            }
        }
        let text = String(decoding: body, as: UTF8.self)
        if let title = htmlTitle(in: text) {
            return singleLine(title)
        }
        return singleLine(text)
    }

    private static func message(in dictionary: [String: Any]) -> String? {
        switch dictionary["error"] {
        case let error as [String: Any]:
            if let message = error["message"] as? String, !message.isEmpty {
                return message
            }
            if let nested = message(in: error) {
                return nested
            }
        case let error as String where !error.isEmpty:
            return error
        default:
            break
        }
        if let message = dictionary["message"] as? String, !message.isEmpty {
            return message
        }
        switch dictionary["detail"] {
        case let detail as String where !detail.isEmpty:
            return detail
        case let details as [Any]:
            let messages = details.compactMap { ($0 as? [String: Any])?["msg"] as? String }
            if !messages.isEmpty {
                return messages.joined(separator: "; ")
            }
        default:
            break
        }
        return nil
    }

    private static func htmlTitle(in text: String) -> String? {
        guard let open = text.range(of: "<title>", options: .caseInsensitive),
              let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else {
            return nil
        }
        let title = text[open.upperBound..<close.lowerBound]
        return title.isEmpty ? nil : String(title)
    }
}
