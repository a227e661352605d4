import NIOCore
import RepatSupport

/// The faults one request will suffer, decided at its arrival from the profile's
/// ``EngineProfile/FaultOptions`` and seeded draws; a value, applied by ``HTTPHandler``
/// (rejections, the head delay, event corruption) and ``GenerationSession`` (timing, aborts).
///
/// Each fault draws from its own stream, seeded by the profile seed, the fault and the arrival
/// ordinal, so the plan for a given ordinal never depends on other options or other requests.
struct FaultPlan: Sendable, Equatable {
    /// A response given instead of a generation.
    enum Rejection: Sendable, Equatable {
        /// HTTP 500 (`error_rate`).
        case serverError
        /// HTTP 429 with `Retry-After` (`rate_limit_rate`).
        case rateLimited
        /// HTTP 503 (`unavailable_rate`).
        case unavailable
    }

    /// A stream cut short when token index `afterTokens` is due (after `afterTokens` tokens).
    struct Abort: Sendable, Equatable {
        /// How the stream ends.
        enum Kind: Sendable, Equatable {
            /// The connection is closed abruptly: no `[DONE]`, no terminating chunk. A
            /// non-streaming request gets no response at all.
            case disconnect
            /// An `{"error":…}` event, then `[DONE]`, in a 200 stream. A non-streaming request
            /// is answered HTTP 500 instead.
            case streamError
        }

        /// How the stream ends.
        var kind: Kind
        /// Tokens sent before it ends.
        var afterTokens: Int
    }

    /// Token index `afterTokens` is due `duration` later than it would be; later tokens keep
    /// their spacing. The sequence holds its engine slot throughout.
    struct Stall: Sendable, Equatable {
        /// Tokens sent before the pause.
        var afterTokens: Int
        /// Length of the pause.
        var duration: TimeAmount
    }

    /// When set, the request is answered with this and never reaches the engine.
    var rejection: Rejection?
    /// When set, the stream is cut short.
    var abort: Abort?
    /// When set, the stream pauses once.
    var stall: Stall?
    /// True when one token event (``corruptedTokenIndex``) is sent as truncated JSON.
    var malformed = false
    /// When set, one token event (``corruptedTokenIndex``) carries this many bytes of content.
    var largeEventBytes: Int?
    /// Wait before the response head is sent and the request handed to the engine.
    var headerDelay = TimeAmount.zero
    /// Added to every first token's due time.
    var firstTokenDelay = TimeAmount.zero

    /// The token index whose event a malformed or large fault alters: the second token, or the
    /// first when the output is a single token.
    static let corruptedTokenIndex = 1

    /// Whether token `index`, ending the output when `isLast`, is the one a malformed or large
    /// fault alters.
    static func isCorrupted(index: Int, isLast: Bool) -> Bool {
        index == corruptedTokenIndex || (isLast && index < corruptedTokenIndex)
    }

    /// True when the plan changes anything beyond the timing every request gets.
    var injectsFault: Bool {
        rejection != nil || abort != nil || stall != nil || malformed || largeEventBytes != nil
    }

    /// The plan of the request with arrival number `ordinal` under `profile`.
    ///
    /// Precedence: a 500 beats a 429, which beats a 503; of a disconnect and a stream error, the
    /// one after fewer tokens wins (the disconnect on a tie).
    init(profile: EngineProfile, ordinal: UInt64) {
        let faults = profile.faults
        func draw(_ purpose: UInt64, _ rate: Double) -> Bool {
            guard rate > 0 else { return false }
            var generator = SeededGenerator(seed: SeededGenerator.derive(profile.seed, purpose, ordinal))
            return generator.nextUnitInterval() < rate
        }
        if draw(Purpose.serverError, profile.errorRate) {
            rejection = .serverError
        } else if draw(Purpose.rateLimited, faults.rateLimitRate) {
            rejection = .rateLimited
        } else if draw(Purpose.unavailable, faults.unavailableRate) {
            rejection = .unavailable
        }
        let disconnect = draw(Purpose.disconnect, faults.disconnectRate)
        let streamError = draw(Purpose.streamError, faults.streamErrorRate)
        if disconnect, !streamError || faults.disconnectAfterTokens <= faults.streamErrorAfterTokens {
            abort = Abort(kind: .disconnect, afterTokens: faults.disconnectAfterTokens)
        } else if streamError {
            abort = Abort(kind: .streamError, afterTokens: faults.streamErrorAfterTokens)
        }
        if draw(Purpose.stall, faults.stallRate) {
            stall = Stall(afterTokens: faults.stallAfterTokens, duration: Self.amount(seconds: faults.stallSeconds))
        }
        malformed = draw(Purpose.malformed, faults.malformedRate)
        if draw(Purpose.largeEvent, faults.largeEventRate) {
            largeEventBytes = faults.largeEventBytes
        }
        headerDelay = Self.amount(seconds: faults.slowHeadersMs / 1000)
        firstTokenDelay = Self.amount(seconds: faults.firstTokenDelayMs / 1000)
    }

    /// A plan with no faults.
    init() {}

    /// `seconds` as a time amount, capped at a million seconds so it cannot overflow a deadline.
    private static func amount(seconds: Double) -> TimeAmount {
        .nanoseconds(Int64((min(seconds, 1e6) * 1e9).rounded()))
    }

    /// Seed tags, one per fault; 1 is ``Engine``'s tag for `error_rate`, kept so that its
    /// decisions are the same as before fault injection existed.
    private enum Purpose {
        static let serverError: UInt64 = 1
        static let rateLimited: UInt64 = 101
        static let unavailable: UInt64 = 102
        static let disconnect: UInt64 = 103
        static let streamError: UInt64 = 104
        static let stall: UInt64 = 105
        static let malformed: UInt64 = 106
        static let largeEvent: UInt64 = 107
    }
}
