import CurlTransport
import Metrics
import Synchronization
import Workload

/// Drives one target at one closed-loop level: `concurrency` workers, each sending its next
/// request as soon as its previous one ends, until the level's request or time limit.
///
/// Workers share only an atomic request counter; each keeps its own summary, merged at the end.
/// Every record goes to the sink as soon as it is measured.
public struct ClosedLoopRunner: Sendable {
    private let transport: CurlTransport
    private let sink: any RecordSink
    private let stop: StopSignal
    private let runID: String
    private let runStart: UInt64

    /// A runner writing to `sink`; `runStart` is the run's start on the monotonic clock.
    public init(transport: CurlTransport, sink: any RecordSink, stop: StopSignal, runID: String, runStart: UInt64) {
        self.transport = transport
        self.sink = sink
        self.stop = stop
        self.runID = runID
        self.runStart = runStart
    }

    /// Runs `level` against `target` with prompts from `prompts`; returns the level's summary.
    /// Request `i` of every target gets workload item `i`.
    public func run(target: ResolvedTarget, level: LoadLevel, prompts: SyntheticPrompts) async -> LevelSummary {
        let executor = RequestExecutor(transport: transport, target: target, runID: runID, runStart: runStart)
        let counter = TicketCounter()
        let levelStart = MonotonicClock.now()
        let deadline = level.durationLimit.map { levelStart + UInt64($0 * 1e9) }
        let label = level.label
        let workers = level.requestLimit.map { min($0, level.concurrency) } ?? level.concurrency
        return await withTaskGroup(of: LevelSummary.self) { group in
            for _ in 0..<workers {
                group.addTask { [sink, stop] in
                    var summary = LevelSummary(target: target.spec.name, loadLevel: label)
                    while !stop.isStopping && !Task.isCancelled {
                        let now = MonotonicClock.now()
                        if let deadline, now >= deadline { break }
                        let index = counter.next()
                        if let limit = level.requestLimit, index >= limit { break }
                        let measurement = await executor.execute(
                            prompts.item(at: index), loadLevel: label, requestID: index, scheduledAt: now
                        )
                        sink.write(measurement.record)
                        summary.add(measurement.record, gapsNs: measurement.gapsNs)
                    }
                    return summary
                }
            }
            var total = LevelSummary(target: target.spec.name, loadLevel: label)
            for await summary in group { total.merge(summary) }
            return total
        }
    }
}

/// Hands out request numbers 0, 1, 2, … to concurrent workers.
final class TicketCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next unused number.
    func next() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
