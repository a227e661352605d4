import RepatSupport
import Results
import Synchronization

/// Where every sampler delivers: stamps each batch with the target and level running, appends
/// its rows to `telemetry.csv` (one `write(2)` per batch, so an interrupted run leaves complete
/// rows), keeps the series the level figures need, and counts each source's samples, failures
/// and cost. Called from the samplers' own threads; never from the request path.
final class TelemetryRecorder: Sendable {
    private struct State {
        var file: AppendOnlyFile?
        var writeFailure: String?
        var rows = 0
        var target = ""
        var level = ""
        var store = TelemetryStore()
        var order: [String] = []
        var sources: [String: SourceRecord] = [:]
    }

    private let state: Mutex<State>
    /// The run's clock.
    let clock: RunClock

    /// Creates `telemetry.csv` at `path` (which must not exist yet) with its header.
    /// - Throws: ``ResultsError`` when the file cannot be created or written.
    init(creating path: String, clock: RunClock) throws(ResultsError) {
        self.clock = clock
        let file: AppendOnlyFile
        do throws(AppendOnlyFileError) {
            file = try AppendOnlyFile(creating: path, header: TelemetryCSV.header)
        } catch {
            throw ResultsError(error.description)
        }
        state = Mutex(State(file: file))
    }

    /// Declares a source before it samples, with the targets it describes and its interval.
    func register(_ source: String, scope: TelemetryScope, intervalS: Double) {
        state.withLock { state in
            guard state.sources[source] == nil else { return }
            state.order.append(source)
            state.sources[source] = SourceRecord(name: source, scope: scope)
            state.store.register(source: source, scope: scope, intervalS: intervalS)
        }
    }

    /// Sets the target and level stamped on the rows that follow (empty strings between levels).
    func setPhase(target: String, level: String) {
        state.withLock { state in
            state.target = target
            state.level = level
        }
    }

    /// Records one batch from `source`, which cost `cost` to take; `target` overrides the running
    /// target in the rows' `target` column (a probe made for one target between its levels).
    func record(_ batch: TelemetryBatch, from source: String, cost: SamplingCost, target: String? = nil) {
        let totals = SignalTotals(batch.signals)
        let time = clock.seconds(batch.timeNs)
        let utc = clock.utc(batch.timeNs)
        state.withLock { state in
            var text = ""
            for reading in batch.readings + totals.readings {
                text += TelemetryCSV.line(TelemetryCSV.Row(
                    timeUTC: utc, tMs: time * 1000, target: target ?? state.target, level: state.level, source: source,
                    metric: reading.metric, labels: reading.labels, value: reading.value
                ))
                state.rows += 1
            }
            if state.writeFailure == nil, let file = state.file {
                do throws(AppendOnlyFileError) {
                    try file.append(text)
                } catch {
                    state.writeFailure = error.description
                }
            }
            state.store.add(totals, source: source, time: time, secondsSince: clock.seconds)
            state.sources[source]?.samples += 1
            state.sources[source]?.cost += cost
        }
    }

    /// Records a poll or scrape of `source` that failed.
    func failed(_ source: String, reason: String, cost: SamplingCost = SamplingCost()) {
        state.withLock { state in
            state.sources[source]?.failures += 1
            state.sources[source]?.lastFailure = reason
            state.sources[source]?.cost += cost
        }
    }

    /// Marks `source` as not present on this host.
    func missing(_ source: String, reason: String) {
        state.withLock { $0.sources[source]?.missing = reason }
    }

    /// Notes what `source` found, for `run.json`.
    func note(_ source: String, _ text: String) {
        state.withLock { $0.sources[source]?.note = text }
    }

    /// Records the CPU time the command behind `source` used, seconds.
    func childCPU(_ source: String, seconds: Double) {
        state.withLock { $0.sources[source]?.childCPUSeconds = seconds }
    }

    /// Adds to the CPU time the commands behind `source` used, seconds.
    func addChildCPU(_ source: String, seconds: Double) {
        state.withLock { state in
            let total = (state.sources[source]?.childCPUSeconds ?? 0) + max(0, seconds)
            state.sources[source]?.childCPUSeconds = total
        }
    }

    /// Closes the file; later batches are still kept in memory but not written.
    func close() {
        state.withLock { state in
            state.file?.close()
            state.file = nil
        }
    }

    /// The series gathered so far.
    var store: TelemetryStore { state.withLock { $0.store } }

    /// Rows written (or attempted) so far.
    var rows: Int { state.withLock { $0.rows } }

    /// The first write error, if any.
    var writeFailure: String? { state.withLock { $0.writeFailure } }

    /// Every source's `run.json` entry, in registration order.
    var sourceEntries: [RunMetadata.Telemetry.Source] {
        state.withLock { state in state.order.compactMap { state.sources[$0]?.entry } }
    }

    /// The sources registered so far, with their `run.json` status (for the start-up log line).
    var sources: [SourceRecord] {
        state.withLock { state in state.order.compactMap { state.sources[$0] } }
    }
}
