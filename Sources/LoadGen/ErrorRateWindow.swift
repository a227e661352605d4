import Workload

/// The error-rate guard of one level as a value type: the outcomes of the last `window` measured
/// (non-warm-up) requests in a ring, and the abort reason once more than `threshold` of them
/// failed. It never trips before the window is full. The owner feeds it finished requests in the
/// order they finished and stops the level when ``add(failed:)`` returns a reason.
struct ErrorRateWindow {
    /// The guard's settings.
    let abort: ErrorRateAbort
    /// Whether each request in the window failed, oldest at ``next`` once the ring is full.
    private var outcomes: [Bool] = []
    /// Where the next outcome goes once the ring is full.
    private var next = 0
    /// How many outcomes in the window are failures.
    private var failures = 0

    /// An empty window for `abort`.
    init(_ abort: ErrorRateAbort) {
        self.abort = abort
    }

    /// Records one finished request; returns the abort reason when the window is full and more
    /// than the threshold of it failed, nil otherwise.
    mutating func add(failed: Bool) -> String? {
        if outcomes.count < abort.window {
            outcomes.append(failed)
        } else {
            if outcomes[next] { failures -= 1 }
            outcomes[next] = failed
            next = (next + 1) % abort.window
        }
        if failed { failures += 1 }
        let rate = Double(failures) / Double(abort.window)
        guard outcomes.count == abort.window && rate > abort.threshold else { return nil }
        return "error rate \(Int((rate * 100).rounded()))% over the last \(abort.window) requests exceeded \(Int((abort.threshold * 100).rounded()))%"
    }
}
