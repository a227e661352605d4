import CurlTransport
import Metrics
import Synchronization
import Workload

/// Drives one target at one load level and returns the level's summary. One runner for every
/// load pattern, parameterised by the level:
///
/// - closed loop: `concurrency` workers, each sending its next request when its previous one ends;
///   with a ramp, worker `k` of `n` starts at `ramp · k / n`, so concurrency grows linearly.
/// - open loop: requests sent at intended times drawn from the arrival process (see
///   ``ArrivalTimer``), never waiting for earlier ones, optionally capped in flight. A request held
///   back by the cap is sent late and its lag is recorded.
///
/// Request `i` of every target carries workload item `level.itemOffset + i`; open-loop schedules come from the
/// level's seed, identical for every target. Each record goes to the sink the moment it is measured;
/// once the sink reports a failure (results no longer writable), no new request starts and those
/// in flight end as usual.
public struct LoadRunner: Sendable {
    private let transport: CurlTransport
    private let sink: any RecordSink
    private let stop: StopSignal
    private let runID: String
    private let runStart: UInt64
    private let keepsAnswers: Bool
    private let references: ReferenceAnswers?

    /// A runner writing to `sink`; `runStart` is the run's start on the monotonic clock. With
    /// `keepsAnswers`, every record carries its answer's text (``RequestRecord/answer``).
    /// With `references`, answers are scored against the reference target's (``ReferenceAnswers``).
    public init(
        transport: CurlTransport, sink: any RecordSink, stop: StopSignal, runID: String, runStart: UInt64, keepsAnswers: Bool = false,
        references: ReferenceAnswers? = nil
    ) {
        self.references = references
        self.transport = transport
        self.sink = sink
        self.stop = stop
        self.runID = runID
        self.runStart = runStart
        self.keepsAnswers = keepsAnswers
    }

    /// Runs `level` against `target`. While it runs, `progress` (when given) receives a snapshot
    /// every `progressInterval` seconds, off the request path. The level starts at `startAt`
    /// (monotonic ns; the common start shards agreed on, kept even when it has passed so that
    /// late sends show as send lag), or just after the call without one.
    public func run(
        target: ResolvedTarget, level: LoadLevel, workload: WorkloadGenerator,
        progressInterval: Double = 1, progress: (@Sendable (LevelProgress) -> Void)? = nil, startAt: UInt64? = nil
    ) async -> LevelSummary {
        let levelStart = startAt ?? MonotonicClock.now() + ArrivalTimer.leadNs  // so the first send is not late either
        var summary = LevelSummary(target: target.spec.name, loadLevel: level.label, repetition: level.repetition, goodput: level.goodput)
        if case .fixed(let schedule, _) = level.pattern {
            summary.steps = schedule.steps.map {
                LevelSummary(target: target.spec.name, loadLevel: "\(level.label) \($0.name)", repetition: level.repetition, goodput: level.goodput)
            }
        }
        let state = LevelState(summary: summary, abort: level.abort)
        let makeExecutor = { (target: ResolvedTarget) in
            RequestExecutor(
                transport: transport, target: target, runID: runID, runStart: runStart, keepsAnswers: keepsAnswers, references: references
            )
        }
        let executor: any TaskExecuting = target.pipeline.map {
            PipelineExecutor(name: target.spec.name, pipeline: $0, makeExecutor: makeExecutor)
        } ?? makeExecutor(target)
        let context = RequestContext(
            executor: executor,
            sink: sink, state: state, workload: workload, level: level, timeline: LevelTimeline(level: level, start: levelStart)
        )
        let reporter = progress.map { report in
            Task {
                let started = MonotonicClock.now()
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: UInt64(progressInterval * 1e9))
                    if Task.isCancelled { break }
                    report(LevelProgress(summary: state.finish(), level: level, elapsedS: Double(MonotonicClock.now() - started) / 1e9))
                }
            }
        }
        defer { reporter?.cancel() }
        var offsets: [UInt64]?
        switch level.pattern {
        case .closed(let concurrency, _):
            await runClosed(context, concurrency: concurrency)
        case .open(_, _, let maxInFlight), .fixed(_, let maxInFlight):
            let schedule = level.schedule ?? []
            offsets = schedule
            let arrivals = level.shard?.arrivals(of: schedule) ?? schedule.enumerated().map { ($0.offset, $0.element) }
            // A shard's cap on requests in flight is its share of the level's.
            await runOpen(context, arrivals: arrivals, maxInFlight: maxInFlight.map { level.shard?.share(of: $0) ?? $0 })
        }
        summary = state.finish()
        var digest = WorkloadDigest()
        // One item per task: a pipeline's steps share theirs.
        for local in 0..<summary.tasks {
            let index = level.shard?.globalIndex(local: local) ?? local
            digest.add(workload.item(at: level.itemOffset + index), scheduledOffsetNs: offsets?[index])
        }
        summary.workloadDigest = digest.finalize()
        return summary
    }

    private func runClosed(_ context: RequestContext, concurrency: Int) async {
        let tickets = TicketCounter()
        let shard = context.level.shard
        // A shard keeps its share of the concurrency busy and sends its share of the requests.
        let limit = context.level.requestLimit.map { shard?.share(of: $0) ?? $0 }
        let concurrency = shard?.share(of: concurrency) ?? concurrency
        let workers = limit.map { min($0, concurrency) } ?? concurrency
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask { [stop] in
                    var due = context.timeline.workerStart(worker, of: workers)
                    await sleep(until: due)
                    while !stop.isStopping && !Task.isCancelled && !context.state.isHalted {
                        if context.timeline.isOver(at: MonotonicClock.now()) { break }
                        let ticket = tickets.next()
                        if let limit, ticket >= limit { break }
                        let index = shard?.globalIndex(local: ticket) ?? ticket
                        await context.send(index: index, scheduledAt: max(due, context.timeline.start))
                        due = MonotonicClock.now()
                    }
                }
            }
        }
    }

    /// Sends `arrivals` (global request index, offset from the level start) at their times: one
    /// task per arrival in a discarding group, which frees each task as it ends (a group whose
    /// results are never collected keeps every finished task, with its stack, about 18 KB here,
    /// until the level ends, which grew RSS without bound on a long level). With a cap, each
    /// finished request yields to `finished`, and an arrival over the cap waits for one.
    private func runOpen(_ context: RequestContext, arrivals: [(index: Int, offsetNs: UInt64)], maxInFlight: Int?) async {
        let deadlines = arrivals.map { context.timeline.sendTime(offset: $0.offsetNs) }
        let timer = ArrivalTimer(deadlines: deadlines, stop: stop)
        let (finished, finishing) = AsyncStream<Void>.makeStream()
        var finishedRequests = finished.makeAsyncIterator()
        await withDiscardingTaskGroup { group in
            var inFlight = 0
            for await index in timer.arrivals {
                if context.state.isHalted || Task.isCancelled {
                    timer.cancel()
                    break
                }
                if let maxInFlight, inFlight >= maxInFlight {
                    _ = await finishedRequests.next()
                    inFlight -= 1
                }
                let scheduledAt = deadlines[index]
                let request = arrivals[index].index
                let signalsEnd = maxInFlight != nil
                group.addTask {
                    await context.send(index: request, scheduledAt: scheduledAt)
                    if signalsEnd { finishing.yield() }
                }
                inFlight += 1
            }
            timer.cancel()
        }
        finishing.finish()
    }
}

/// Everything a request task needs, shared read-only by the level's tasks.
private struct RequestContext: Sendable {
    let executor: any TaskExecuting
    let sink: any RecordSink
    let state: LevelState
    let workload: WorkloadGenerator
    let level: LoadLevel
    let timeline: LevelTimeline

    func send(index: Int, scheduledAt: UInt64) async {
        let warmup = timeline.isWarmup(index: index, scheduledAt: scheduledAt)
        let measurements = await executor.executeTask(
            workload.item(at: level.itemOffset + index), loadLevel: level.label, requestID: index, scheduledAt: scheduledAt
        )
        var step: Int?
        if case .fixed(let schedule, _) = level.pattern { step = schedule.step(at: scheduledAt &- timeline.start) }
        for var measurement in measurements {
            measurement.record.warmup = warmup
            measurement.record.repetition = level.repetition ?? 1
            sink.write(measurement.record)
            if sink.failure != nil { state.haltForFailedSink() }
            state.add(measurement, step: step)
        }
    }
}

/// The level's shared, locked state: its summary and the error-rate guard, and whether new requests
/// must not start. Touched once per finished request, never per token.
private final class LevelState: Sendable {
    private struct Guarded {
        var summary: LevelSummary
        /// Nil when the level has no error-rate guard.
        var errors: ErrorRateWindow?
    }

    private let guarded: Mutex<Guarded>
    /// Set when the error-rate guard or a failed sink stops the level.
    private let halted = Atomic<Bool>(false)

    init(summary: LevelSummary, abort: ErrorRateAbort?) {
        guarded = Mutex(Guarded(summary: summary, errors: abort.map(ErrorRateWindow.init)))
    }

    /// Whether no new request may start: the error-rate guard aborted the level, or the sink failed.
    var isHalted: Bool { halted.load(ordering: .relaxed) }

    /// Stops new requests because records can no longer be stored.
    func haltForFailedSink() {
        halted.store(true, ordering: .relaxed)
    }

    /// Adds a finished request to the level's summary and, when given, to its step's.
    func add(_ measurement: RequestExecutor.Measurement, step: Int? = nil) {
        let record = measurement.record
        guarded.withLock { state in
            state.summary.add(record, gapsNs: measurement.gapsNs)
            if let step, state.summary.steps.indices.contains(step) { state.summary.steps[step].add(record, gapsNs: measurement.gapsNs) }
            guard !record.warmup, state.summary.abortReason == nil else { return }
            if let reason = state.errors?.add(failed: !record.status.isSuccess) {
                state.summary.abortReason = reason
                halted.store(true, ordering: .relaxed)
            }
        }
    }

    func finish() -> LevelSummary {
        guarded.withLock { $0.summary }
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

/// Suspends the task until a monotonic deadline (ramp starts; millisecond precision is enough).
private func sleep(until deadline: UInt64) async {
    let now = MonotonicClock.now()
    guard deadline > now else { return }
    try? await Task.sleep(nanoseconds: deadline - now)
}
