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
        // Tools, their choice, an agent's canned results, an output schema and a retrieval
        // query and documents change what is sent, so they count; an item without them hashes as before.
        for tool in item.tools {
            text += "tool\u{1F}\(tool.name)\u{1F}\(tool.description)\u{1F}\(tool.parametersJSON)\u{1E}"
        }
        if let choice = item.toolChoice { text += "tool_choice\u{1F}\(choice)\u{1E}" }
        if let schema = item.outputSchema { text += "output_schema\u{1F}\(schema.name)\u{1F}\(schema.schemaJSON)\u{1E}" }
        if let agent = item.agent {
            text += "max_turns\u{1F}\(agent.maxTurns)\u{1E}"
            for table in agent.results {
                text += table.keys.sorted().map { "\($0)\u{1F}\(table[$0] ?? "")" }.joined(separator: "\u{1F}") + "\u{1E}"
            }
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
