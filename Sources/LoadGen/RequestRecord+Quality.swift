import Metrics
import Workload

extension RequestRecord {
    /// Judges a successful request's answer against the dataset's expected answer: `pass` with
    /// score 1 or `fail` with score 0. An answer the dialect cannot read (`nil`) is not scored.
    /// Runs after the request has ended, on the executing task, never on the transport thread.
    mutating func score(_ answer: String?, against expected: ExpectedAnswer) {
        guard let answer else { return }
        let passed = expected.check(answer)
        quality = passed ? .pass : .fail
        qualityScore = passed ? 1 : 0
    }

    /// Judges a successful request's answer against the reference target's answer to the same
    /// prompt: `pass` when both are equal once normalised (``AnswerText/normalised(_:)``), else
    /// `fail`; the score is their token-overlap F1 (``AnswerText/f1(_:_:)``).
    mutating func score(_ answer: String?, againstReference reference: String) {
        guard let answer else { return }
        quality = AnswerText.normalised(answer) == AnswerText.normalised(reference) ? .pass : .fail
        qualityScore = AnswerText.f1(answer, reference)
    }
}
