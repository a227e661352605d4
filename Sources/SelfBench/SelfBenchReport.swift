/// Everything one `repat selfbench` measured, section by section, and the goals judged on it.
/// Figures are as measured on this machine; nothing is extrapolated except where a field says so.
public struct SelfBenchReport: Sendable {
    /// One load of the client-ceiling section, against the zero-latency simulator.
    public struct CeilingRow: Sendable, Equatable {
        /// `long streams` (many tokens per request) or `short requests` (one token each).
        public var shape: String
        /// Requests kept in flight.
        public var concurrency: Int
        /// Successful requests.
        public var requests: Int
        /// Failed requests.
        public var failures: Int
        /// Streamed token events received.
        public var events: Int
        /// Wall time of the level, seconds.
        public var seconds: Double
        /// Token events per second.
        public var eventsPerSecond: Double
        /// Successful requests per second.
        public var requestsPerSecond: Double
        /// Client CPU over the level, seconds (the in-process simulator's threads excluded).
        public var clientCPUSeconds: Double
        /// The simulator's CPU over the level, seconds.
        public var simulatorCPUSeconds: Double

        /// Client CPU as a percentage of one core.
        public var clientCPUPercent: Double { seconds > 0 ? clientCPUSeconds / seconds * 100 : 0 }
        /// Client CPU seconds per million token events; nil without events.
        public var clientCPUSecondsPerMillionEvents: Double? {
            events > 0 ? clientCPUSeconds / Double(events) * 1e6 : nil
        }
        /// Token events per second of client CPU: the rate one fully busy core would sustain at
        /// this cost per event (derived, not measured at that rate); nil without CPU time.
        public var eventsPerClientCoreSecond: Double? {
            clientCPUSeconds > 0 ? Double(events) / clientCPUSeconds : nil
        }
    }

    /// One stream count of the timestamp-error section, against the paced ground-truth simulator.
    public struct TimestampErrorRow: Sendable, Equatable {
        /// Streams asked for.
        public var streamsRequested: Int
        /// Streams run (fewer when the open-files limit capped them).
        public var streams: Int
        /// Most streams open at once.
        public var peakOpenStreams: Int
        /// Milliseconds between a stream's tokens.
        public var interTokenMs: Double
        /// Tokens measured (written in steady state: from one inter-token latency after every stream
        /// was open until the end of the step).
        public var tokens: Int
        /// Receive minus write time, microseconds: p50, p99, p99.9, max; nil without tokens.
        public var errorP50Us: Double?
        /// p99, microseconds.
        public var errorP99Us: Double?
        /// p99.9, microseconds.
        public var errorP999Us: Double?
        /// Largest, microseconds.
        public var errorMaxUs: Double?
        /// Share of token events that arrived in one read with another (0…1).
        public var coalescedFraction: Double
        /// Token events received per second over the measured window.
        public var eventsPerSecond: Double
        /// Client CPU over the measured window, percent of one core.
        public var clientCPUPercent: Double
        /// The simulator's CPU over the measured window (its threads in this process, or its child
        /// process), percent of one core.
        public var simulatorCPUPercent: Double
        /// Client CPU seconds per million token events; nil without events.
        public var clientCPUSecondsPerMillionEvents: Double?
        /// Failed requests (not counting those cancelled at the end of the step).
        public var failures: Int
        /// The first failure, one line.
        public var firstFailure: String?
    }

    /// The schedule-fidelity section: an open-loop Poisson load through `repat run`'s runner.
    public struct ScheduleRow: Sendable, Equatable {
        /// Requested rate, requests/s.
        public var requestedRate: Double
        /// Rate of the seeded Poisson schedule actually drawn (n − 1 over its span), requests/s.
        public var scheduledRate: Double
        /// Rate at which requests were sent (n − 1 over first to last send), requests/s.
        public var achievedRate: Double?
        /// Requests sent.
        public var requests: Int
        /// Failed requests.
        public var failures: Int
        /// Send lag (actual − scheduled send), milliseconds: p50, p99, p99.9, max.
        public var lagP50Ms: Double?
        /// p99, milliseconds.
        public var lagP99Ms: Double?
        /// p99.9, milliseconds.
        public var lagP999Ms: Double?
        /// Largest, milliseconds.
        public var lagMaxMs: Double?
        /// Client CPU over the step, percent of one core.
        public var clientCPUPercent: Double

        /// Achieved over scheduled rate, minus 1 (0.01 = 1% fast); the client's own error.
        public var deviationFromSchedule: Double? { achievedRate.map { $0 / scheduledRate - 1 } }
        /// Achieved over requested rate, minus 1: the client's error plus the Poisson draw's.
        public var deviationFromRequested: Double? { achievedRate.map { $0 / requestedRate - 1 } }
    }

    /// One case of the large-payload section.
    public struct PayloadRow: Sendable, Equatable {
        /// What was sent: e.g. `prompt 1K tokens`, `prompt 128K tokens`, `events 96 KiB`.
        public var name: String
        /// Whether this is a baseline (small payload) or the large case compared with it.
        public var isBaseline: Bool
        /// Responses read to their end.
        public var requests: Int
        /// Failed requests.
        public var failures: Int
        /// Megabytes (10⁶ bytes) sent and received per second.
        public var megabytesPerSecond: Double
        /// Client CPU milliseconds per megabyte moved (sent + received); nil when nothing moved.
        public var clientCPUMsPerMegabyte: Double?
        /// Client CPU over the case, percent of one core.
        public var clientCPUPercent: Double
        /// The first failure, one line.
        public var firstFailure: String?
    }

    /// One goal of issue 7: measured value, target, and whether it was met.
    public struct Goal: Sendable, Equatable {
        /// What is judged.
        public var name: String
        /// The measured value, with its unit, or why it was not measured.
        public var measured: String
        /// The target, with its unit.
        public var target: String
        /// Met, not met, or nil when it could not be measured in this run.
        public var met: Bool?
    }

    /// When it ran, ISO 8601 UTC.
    public var date: String
    /// The 1-minute load average before and after the run (`/proc/loadavg`): other work on the
    /// machine shows here.
    public var loadAverage: String = ""
    /// `quick` or `full`.
    public var mode: String
    /// The machine: CPU model and cores.
    public var host: String
    /// The open-files limits in force, and what they allowed.
    public var fileLimit: String
    /// Client ceiling rows.
    public var ceiling: [CeilingRow] = []
    /// Timestamp-error rows.
    public var timestampError: [TimestampErrorRow] = []
    /// The schedule-fidelity result.
    public var schedule: ScheduleRow?
    /// Large-payload rows.
    public var payloads: [PayloadRow] = []
    /// The goals.
    public var goals: [Goal] = []
    /// Remarks on how figures were obtained or why something was not measured.
    public var notes: [String] = []

    /// Creates an empty report.
    public init(date: String, mode: String, host: String, fileLimit: String) {
        self.date = date
        self.mode = mode
        self.host = host
        self.fileLimit = fileLimit
    }
}
