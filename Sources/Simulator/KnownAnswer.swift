import RepatSupport

/// The answers the simulator gives to one known prompt when `correct_share` is set: a correct
/// answer and a wrong one, both worked out by the caller from the dataset's expected answer.
///
/// The request carries only the prompt, as a real server's does: the simulator recognises a known
/// prompt by its last user message (the whole prompt on completion endpoints) in the answer key
/// the run gave it in-process (``EngineProfile/knownAnswers``), so nothing in the request or the
/// response reveals the expected answer.
public struct KnownAnswer: Sendable, Equatable {
    /// A text the scorer accepts; nil when none can be made (a `regex` answer).
    public var correct: String?
    /// A text the scorer rejects; nil when none can be made.
    public var wrong: String?

    /// Creates the pair.
    public init(correct: String?, wrong: String?) {
        self.correct = correct
        self.wrong = wrong
    }

    /// The answer for one request: the correct one when the request's draw (uniform in 0…1,
    /// from its output seed) falls below `share`, else the wrong one; nil when that one is
    /// unknown (the simulator then generates its usual words).
    func text(share: Double, draw: Double) -> String? {
        draw < share ? correct : wrong
    }

    /// `text` as output tokens: each token starts at a space, so that the tokens joined give the
    /// text back exactly (`"the answer"` → `["the", " answer"]`).
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == " ", !current.isEmpty, current.last != " " {
                tokens.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
