import Synchronization

/// The reference target's answers (`quality.reference_target`) by load level and prompt, so the
/// other targets' answers to the same prompt can be scored against them. The run sends the
/// reference target first; an answer it did not give (a failed request) leaves the others' answer
/// to that prompt unscored.
public final class ReferenceAnswers: Sendable {
    /// The reference target's name.
    public let target: String
    private let answers = Mutex<[Key: String]>([:])

    private struct Key: Hashable {
        var level: String
        var item: Int
    }

    /// An empty store for `target`'s answers.
    public init(target: String) {
        self.target = target
    }

    /// Keeps the reference target's `answer` to prompt `item` at `level`.
    func record(_ answer: String, level: String, item: Int) {
        answers.withLock { $0[Key(level: level, item: item)] = answer }
    }

    /// The reference target's answer to prompt `item` at `level`, if it gave one.
    func answer(level: String, item: Int) -> String? {
        answers.withLock { $0[Key(level: level, item: item)] }
    }
}
