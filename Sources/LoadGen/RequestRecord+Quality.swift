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
}
