import Metrics

/// One shard of a run split over several processes (`repat run --shard i/N`), as its `run.json`
/// records it and as the merged run's `run.json` lists each shard.
public struct ShardInfo: Codable, Sendable, Equatable {
    /// 0-based shard number.
    public var index: Int
    /// Number of shards.
    public var count: Int
    /// The host the shard ran on.
    public var hostname: String
    /// The wall-clock time (UTC, ns since 1970) of the shard's zero for `scheduled_s` and
    /// `start_s`: merge moves every shard's times to the earliest shard's zero with it.
    public var runStartUnixNs: Int64
    /// How the shard's levels were started: `start-at <time>`, `barrier <folder>` or `immediately`.
    public var start: String
    /// What the host said about its clock as the shard started.
    public var clockSync: ClockSync
    /// In a merged run's `run.json`: the shard's own levels (client health, send lag); nil in the
    /// shard's own `run.json`, whose `levels` hold them.
    public var levels: [Level]?
    /// In a merged run's `run.json`: how the shard's run ended.
    public var status: RunMetadata.Status?

    /// Creates a shard entry.
    public init(index: Int, count: Int, hostname: String, runStartUnixNs: Int64, start: String, clockSync: ClockSync) {
        self.index = index
        self.count = count
        self.hostname = hostname
        self.runStartUnixNs = runStartUnixNs
        self.start = start
        self.clockSync = clockSync
    }

    /// One level as one shard ran it.
    public struct Level: Codable, Sendable, Equatable {
        /// Target name.
        public var target: String
        /// Level label.
        public var loadLevel: String
        /// Requests the shard measured (warm-up excluded).
        public var requests: Int
        /// Send lag p50, p99 and max, ms; nil without requests.
        public var sendLagP50Ms: Double?
        /// Send lag at p99, ms.
        public var sendLagP99Ms: Double?
        /// Largest send lag, ms.
        public var sendLagMaxMs: Double?
        /// The shard's client health over the level.
        public var clientHealth: ClientHealth?

        /// Creates a level entry.
        public init(target: String, loadLevel: String, requests: Int, sendLag: LatencyDistribution, clientHealth: ClientHealth?) {
            self.target = target
            self.loadLevel = loadLevel
            self.requests = requests
            sendLagP50Ms = sendLag.percentileMs(50)
            sendLagP99Ms = sendLag.percentileMs(99)
            sendLagMaxMs = sendLag.maxMs
            self.clientHealth = clientHealth
        }
    }
}

/// What a host tells about its clock's synchronisation (chrony, systemd-timesyncd, or the
/// kernel's NTP state through `ntp_adjtime`).
public struct ClockSync: Codable, Sendable, Equatable {
    /// Where the figures come from: `chronyc tracking`, `timedatectl timesync-status`,
    /// `ntp_adjtime`, or `none`.
    public var source: String
    /// The clock's estimated offset from its reference, ms (positive: ahead); nil when not told.
    public var offsetMs: Double?
    /// The kernel's or daemon's bound on the clock's error, ms; nil when not told.
    public var maxErrorMs: Double?
    /// Whether the host says its clock is synchronised; nil when it does not say.
    public var synchronised: Bool?

    /// Creates a clock-sync entry.
    public init(source: String, offsetMs: Double?, maxErrorMs: Double?, synchronised: Bool?) {
        self.source = source
        self.offsetMs = offsetMs
        self.maxErrorMs = maxErrorMs
        self.synchronised = synchronised
    }

    /// Offsets above this (ms) make shards' send times disagree by more than the client's own
    /// timing error: the run warns.
    public static let warningOffsetMs = 1.0

    /// The warning to print, when the clock is unsynchronised, its offset (or, without one, its
    /// error bound) exceeds ``warningOffsetMs``, or nothing tells; nil when it looks fine.
    public var warning: String? {
        if synchronised == false {
            return "warning: the clock is not synchronised (\(source)): shards on other hosts will not start together"
        }
        if let offsetMs, abs(offsetMs) > Self.warningOffsetMs {
            return "warning: clock offset \(FigureText.cell(offsetMs)) ms (\(source)) exceeds \(Self.warningOffsetMs) ms: shards' send times disagree by as much"
        }
        if offsetMs == nil, let maxErrorMs, maxErrorMs > Self.warningOffsetMs {
            return "warning: clock error bound \(FigureText.cell(maxErrorMs)) ms (\(source)) exceeds \(Self.warningOffsetMs) ms: shards' send times may disagree by as much"
        }
        if offsetMs == nil, maxErrorMs == nil {
            return "warning: this host does not tell whether its clock is synchronised (no chronyc, timedatectl or kernel NTP state): record it before trusting a multi-host run"
        }
        return nil
    }
}
