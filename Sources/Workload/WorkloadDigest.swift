import Crypto
import RepatSupport

/// A SHA-256 fingerprint of the work a target received at one load level: every prompt item sent
/// (roles, texts, output budgets, by request index) and, for open-loop levels, every intended send
/// offset. Two targets, or two runs, with equal digests provably saw the same work; the digest does
/// not depend on the API dialect, so it also compares targets that speak different protocols.
public struct WorkloadDigest {
    private var hasher = SHA256()

    /// An empty digest.
    public init() {}

    /// Adds request `index`'s item and, for open loop, its intended offset from the level start.
    public mutating func add(_ item: PromptItem, scheduledOffsetNs: UInt64?) {
        var text = "#\(item.index) max_tokens=\(item.maxTokens)"
        if let scheduledOffsetNs { text += " at=\(scheduledOffsetNs)ns" }
        text += "\n"
        for message in item.messages {
            text += "\(message.role)\u{1F}\(message.content)\u{1E}"
        }
        if let retrieval = item.retrieval {
            text += "query\u{1F}\(retrieval.query)\u{1E}"
            for document in retrieval.documents {
                text += "document\u{1F}\(document)\u{1E}"
            }
        }
        hasher.update(data: Array(text.utf8))
    }

    /// Adds another digest (hex), to combine per-level digests into one for a run.
    public mutating func add(digest: String) {
        hasher.update(data: Array((digest + "\n").utf8))
    }

    /// The digest as lower-case hex.
    public func finalize() -> String {
        Hex.encode(hasher.finalize())
    }
}
