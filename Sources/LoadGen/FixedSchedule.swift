/// A level whose every send time is known before it starts: a replayed trace, or a rate profile
/// (steps of different rates). The runner sends request `i` at `offsets[i]`, open loop.
public struct FixedSchedule: Sendable, Equatable {
    /// A part of the level summarised on its own (a step of a rate profile).
    public struct Step: Sendable, Equatable {
        /// `step 2 (8 req/s, 60 s)`.
        public var name: String
        /// When it starts, ns into the level.
        public var startNs: UInt64

        /// Creates a step.
        public init(name: String, startNs: UInt64) {
            self.name = name
            self.startNs = startNs
        }
    }

    /// Intended send times, ns into the level, sorted.
    public var offsets: [UInt64]
    /// How long the level lasts, ns (a profile's whole length; a trace's last arrival).
    public var spanNs: UInt64
    /// The `load_level` label (`trace`, `trace-x4`, `profile`).
    public var label: String
    /// What the level start line says of it.
    public var description: String
    /// The steps summarised apart, in order; empty when the level is one piece.
    public var steps: [Step]

    /// Creates a schedule.
    public init(offsets: [UInt64], spanNs: UInt64, label: String, description: String, steps: [Step] = []) {
        self.offsets = offsets
        self.spanNs = spanNs
        self.label = label
        self.description = description
        self.steps = steps
    }

    /// The step a request sent `offsetNs` into the level belongs to; nil without steps.
    public func step(at offsetNs: UInt64) -> Int? {
        guard !steps.isEmpty else { return nil }
        return max(0, (steps.lastIndex { $0.startNs <= offsetNs }) ?? 0)
    }
}
