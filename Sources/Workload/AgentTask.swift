/// A dataset item that is an agent's task: sent, and while the model calls tools and turns
/// remain, sent again with the calls and canned results appended (``ChatMessage/toolCalls``,
/// ``ChatMessage/toolCallID``), each send one turn.
public struct AgentTask: Sendable, Hashable {
    /// The most requests the task makes (≥ 1; `max_turns`).
    public var maxTurns: Int
    /// Canned results by function name, one table per turn (`tool_results`: one mapping for every
    /// turn, or a list of them, the last reused for later turns); each result is text (JSON
    /// values as compact JSON).
    public var results: [[String: String]]

    /// Creates a task.
    public init(maxTurns: Int, results: [[String: String]]) {
        self.maxTurns = max(1, maxTurns)
        self.results = results
    }

    /// What the tool `name` returns at `turn` (from 0): its canned result, or a short JSON error
    /// when the dataset gives none for it.
    public func result(for name: String, turn: Int) -> String {
        guard !results.isEmpty else { return Self.missing(name) }
        return results[min(turn, results.count - 1)][name] ?? Self.missing(name)
    }

    private static func missing(_ name: String) -> String {
        #"{"error":"no result for \#(name)"}"#
    }
}
