import CurlTransport
import Metrics
import Workload

/// What one response may hold before repat stops reading it, whatever the server sends: the
/// bytes its decoder holds for an incomplete event or line (`max_event_bytes`) or for a
/// non-streamed body (`max_response_bytes`), and the output tokens it carries (``OutputCap``
/// over the request's `max_tokens`).
struct ResponseBounds: Sendable, Equatable {
    /// Most bytes the decoder may hold.
    var heldBytes: Int
    /// The scenario field that sets ``heldBytes``, for the error text.
    var heldField: String
    /// The request's `max_tokens`.
    var maxTokens: Int
    /// Most output tokens the response may carry (``OutputCap/limit(maxTokens:)``).
    var outputTokens: Int

    /// The bounds of a request for `maxTokens` tokens to `target`, streamed or not.
    init(target: TargetSpec, streaming: Bool, maxTokens: Int) {
        heldBytes = streaming ? target.maxEventBytes : target.maxResponseBytes
        heldField = streaming ? "max_event_bytes" : "max_response_bytes"
        self.maxTokens = maxTokens
        outputTokens = OutputCap.limit(maxTokens: maxTokens)
    }

    /// Why a response holding `heldBytes` and carrying `outputTokens` must be stopped, or nil.
    func breach(heldBytes held: Int, outputTokens seen: Int) -> (reason: AbortReason, message: String)? {
        if held > heldBytes {
            let what = heldField == "max_event_bytes" ? "an event or line" : "the body"
            return (.tooLarge, "\(what) passed \(heldField) (\(Self.size(heldBytes))) at \(held) bytes; stopped reading")
        }
        if seen > outputTokens {
            return (.outputOverrun, Self.overrunMessage(tokens: seen, maxTokens: maxTokens))
        }
        return nil
    }

    /// The error text of an overrun: the count, the limit, and what it means.
    static func overrunMessage(tokens: Int, maxTokens: Int) -> String {
        "\(tokens) output tokens for max_tokens \(maxTokens): the server ignores the length limit"
    }

    /// `16 MiB`, `1536 KiB`, or `1000 bytes`: the largest binary unit that divides `bytes`.
    static func size(_ bytes: Int) -> String {
        for (unit, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
