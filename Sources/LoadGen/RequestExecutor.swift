import CurlTransport
import Foundation
import Dialects
import Metrics
import Synchronization
import Workload

/// Sends one prompt to one target and measures it into a ``RequestRecord``.
///
/// The calling task sends the request and is resumed once, when it has ended; meanwhile the
/// transport thread decodes the chunks as curl hands them over (``ResponseReader``), with no task
/// wake-up per chunk. Every way a request can end — success, HTTP error, transport failure,
/// cancellation — yields a record; partial timings are kept.
struct RequestExecutor: Sendable {
    let transport: CurlTransport
    let target: ResolvedTarget
    let runID: String
    /// Monotonic ns at which the run started; `…_s` columns count from here.
    let runStart: UInt64
    /// Whether every answer's text is kept in ``RequestRecord/answer`` (the scenario saves
    /// responses); answers are read anyway for items with an expected answer or an output schema.
    var keepsAnswers = false
    /// The reference target's answers, when the scenario scores answers against one
    /// (`quality.reference_target`): this target's answers are kept there when it is the
    /// reference, else scored against them.
    var references: ReferenceAnswers?

    /// The measured request, its inter-token gaps and, for a rerank, its documents best first.
    struct Measurement {
        var record: RequestRecord
        var gapsNs: [UInt64]
        /// The tool calls of a successful response to an item offering tools; empty otherwise.
        var toolCalls: [ToolCall] = []
        /// A successful rerank's document indices, best scored first; empty otherwise.
        var ranking: [Int] = []
    }

    func execute(_ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64) async -> Measurement {
        let prepared = MonotonicClock.now()
        var record = RequestRecord(
            runID: runID, target: target.spec.name, loadLevel: loadLevel, requestID: requestID,
            scheduledS: seconds(scheduledAt), startS: seconds(prepared), durationMs: 0, status: .transportError
        )
        let request: HTTPRequest
        do {
            request = try target.dialect.makeRequest(for: item, endpoint: target.endpoint, parameters: target.parameters)
        } catch {
            record.error = target.redactor.redact(error.description)
            return Measurement(record: record, gapsNs: [])
        }

        var attempt: Attempt
        var retries = 0
        // The first attempt's send time: every latency counts from it (a retry's wait included).
        var firstSentAt: UInt64?
        while true {
            // The first attempt goes out at its scheduled time, handed to curl by the transport
            // thread (to the microsecond, even when this task started late); retries at once.
            attempt = await send(
                request, for: item, sendAt: retries == 0 ? scheduledAt : 0,
                keepsBody: readsAnswer(of: item) || !item.tools.isEmpty
            )
            firstSentAt = firstSentAt ?? attempt.sentAt
            guard attempt.head?.status == 429, let policy = target.retry, retries < policy.maxRetries, !Task.isCancelled else { break }
            let wait = RetryAfter.seconds(attempt.head?.value(of: "retry-after"), now: Date()) ?? policy.defaultWaitSeconds
            try? await Task.sleep(nanoseconds: UInt64(min(wait, policy.maxWaitSeconds) * 1e9))
            retries += 1
        }
        record.retries = retries
        let start = firstSentAt ?? prepared
        record.startS = seconds(start)
        var decoder = attempt.decoder
        let (head, errorBody, timings, failure) = (attempt.head, attempt.errorBody, attempt.timings, attempt.failure)
        let end = MonotonicClock.now()
        let observation = decoder.finish(at: attempt.lastBytesAt ?? start)
        let timing = TokenTiming(start: start, tokens: observation.tokens, outputTokens: observation.outputTokens)

        record.setMeasurements(
            start: start, end: end, head: head, failure: failure, observation: observation, timing: timing, transfer: timings
        )
        record.setRequestKind(target.dialect.requestKind, inputs: target.dialect.inputCount(of: item))
        let verdict = OutcomeClassifier.classify(
            status: head?.status, failure: failure, observation: observation,
            errorBody: errorBody, dialect: target.dialect, maxTokens: item.maxTokens
        )
        record.status = verdict.outcome
        record.error = target.redactor.redact(verdict.message)
        if readsAnswer(of: item) {
            // Read once the request has ended, never on the transport thread.
            let answer = target.dialect.responseText(of: attempt.keptBody, streaming: target.parameters.stream)
            if let schema = item.outputSchema, record.status.isSuccess {
                record.schemaValid = answer.map(schema.isFollowed) ?? false
            }
            if let expected = item.expected {
                if record.status.isSuccess { record.score(answer, against: expected) }
            } else if let references, record.status.isSuccess, let answer {
                if references.target == target.spec.name {
                    references.record(answer, level: loadLevel, item: item.index)
                } else if let reference = references.answer(level: loadLevel, item: item.index) {
                    record.score(answer, againstReference: reference)
                }
            }
            if keepsAnswers { record.answer = answer }
        }
        var calls: [ToolCall] = []
        if !item.tools.isEmpty, record.status.isSuccess {
            // Read once the request has ended, never on the transport thread.
            calls = target.dialect.toolCalls(of: attempt.keptBody, streaming: target.parameters.stream) ?? []
            record.judge(calls, offered: item.tools)
        }
        return Measurement(
            record: record, gapsNs: record.status.isSuccess ? timing.gapsNs : [], toolCalls: calls,
            ranking: record.status.isSuccess ? observation.ranking : [])
    }

    /// Whether `item`'s answer text is read after the request: to score it against an expected
    /// answer or a reference target, to judge it against its output schema, or to save it.
    private func readsAnswer(of item: PromptItem) -> Bool {
        item.expected != nil || item.outputSchema != nil || keepsAnswers || references != nil
    }

    /// What one attempt at a request saw.
    struct Attempt {
        var decoder: any ResponseDecoder
        var head: ResponseHead?
        var errorBody: [UInt8]
        var timings: TransferTimings?
        var failure: TransferFailure?
        /// When the last body bytes arrived, if any did.
        var lastBytesAt: UInt64?
        /// The 2xx body, when it was kept for reading the answer; empty otherwise.
        var keptBody: [UInt8] = []

        /// When the transport handed the request to curl, if it did.
        var sentAt: UInt64? {
            guard let startedAt = timings?.startedAt, startedAt > 0 else { return nil }
            return startedAt
        }
    }

    /// Sends the request once; its response is decoded on the transport thread as chunks arrive
    /// (see ``ResponseReader``). A watchdog aborts the transfer when no token arrives within the
    /// first-token timeout; once the end marker is seen, a server that keeps the stream open is
    /// cut off after a short grace.
    /// A response that breaks its ``ResponseBounds`` (size limits, `maxTokens` and its margin) is
    /// stopped at once. With `keepsBody`, the 2xx body is copied as it arrives, for reading the
    /// answer afterwards.
    private func send(_ request: HTTPRequest, for item: PromptItem, sendAt: UInt64, keepsBody: Bool) async -> Attempt {
        let streaming = target.parameters.stream
        let reader = ResponseReader(
            decoder: target.dialect.makeDecoder(for: item, streaming: streaming), sendAt: sendAt,
            bounds: ResponseBounds(target: target.spec, streaming: streaming, maxTokens: item.maxTokens), keepsBody: keepsBody)
        var watchdog: Task<Void, Never>?
        let end = await transport.exchange(request, options: target.options, sendAt: sendAt, handler: reader) { control in
            reader.control = control
            watchdog = Watchdog.start(
                activity: reader.activity, control: control,
                firstTokenTimeout: target.parameters.stream ? target.firstTokenTimeoutSeconds : nil,
                idleTimeout: target.idleTimeoutSeconds
            )
        }
        watchdog?.cancel()
        reader.finished()
        var attempt = Attempt(
            decoder: reader.decoder, head: reader.head, errorBody: reader.errorBody,
            lastBytesAt: reader.lastBytesAt, keptBody: reader.keptBody
        )
        switch end {
        case .success(let timings):
            attempt.timings = timings
        case .failure(let transferFailure):
            attempt.timings = transferFailure.timings
            if OutcomeClassifier.isFailure(transferFailure) { attempt.failure = transferFailure }
        }
        return attempt
    }

    private func seconds(_ time: UInt64) -> Double {
        time >= runStart ? Double(time - runStart) / 1e9 : -Double(runStart - time) / 1e9
    }
}

/// What the watchdog needs to know about a transfer in flight, written by the transport thread
/// once per chunk.
final class Activity: Sendable {
    private let lastBytes: Atomic<UInt64>
    private let token = Atomic<Bool>(false)
    /// When the attempt started, monotonic ns.
    let start: UInt64

    init(now: UInt64) {
        start = now
        lastBytes = Atomic(now)
    }

    func bytesArrived(at time: UInt64) {
        lastBytes.store(time, ordering: .relaxed)
    }

    func tokenArrived() {
        token.store(true, ordering: .relaxed)
    }

    var lastBytesAt: UInt64 { lastBytes.load(ordering: .relaxed) }
    var hasToken: Bool { token.load(ordering: .relaxed) }
}

/// Aborts a transfer that waits too long for its first token or goes quiet for too long: one
/// sleeping task per request, waking only at the next deadline.
enum Watchdog {
    static func start(activity: Activity, control: TransferControl, firstTokenTimeout: Double?, idleTimeout: Double?) -> Task<Void, Never>? {
        guard firstTokenTimeout != nil || idleTimeout != nil else { return nil }
        return Task {
            while !Task.isCancelled {
                let now = MonotonicClock.now()
                var next = UInt64.max
                if let timeout = firstTokenTimeout, !activity.hasToken {
                    let deadline = activity.start + UInt64(timeout * 1e9)
                    if now >= deadline {
                        control.abort(.firstTokenTimeout, message: "no token within \(timeout) s")
                        return
                    }
                    next = min(next, deadline)
                }
                if let timeout = idleTimeout {
                    let deadline = activity.lastBytesAt + UInt64(timeout * 1e9)
                    if now >= deadline {
                        control.abort(.idleTimeout, message: "no bytes for \(timeout) s")
                        return
                    }
                    next = min(next, deadline)
                }
                guard next != .max else { return }
                try? await Task.sleep(nanoseconds: next - now)
            }
        }
    }
}
