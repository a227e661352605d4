/// The scenario's `telemetry:` section: what to sample during the run besides the requests —
/// local GPUs, RAPL energy counters, the host's CPU and memory, and Prometheus endpoints of
/// engines and exporters. Telemetry is on in every run: without the section with these defaults
/// but no idle baseline; `telemetry: off` turns it off.
public struct TelemetrySpec: Sendable, Equatable {
    /// `auto` (use it when present) or `off`.
    public enum Mode: String, Sendable, Equatable, CaseIterable {
        /// Sample when the host has it; report why when it does not.
        case auto
        /// Do not sample.
        case off
    }

    /// One Prometheus endpoint (`scrape:` list item).
    public struct Scrape: Sendable, Equatable {
        /// The page's URL, `${VAR}` references expanded.
        public var url: String
        /// Seconds between scrapes; nil for the section's interval.
        public var interval: Double?
        /// Metric-name prefixes to keep (`vllm:`, `DCGM_FI_DEV_POWER_USAGE`); empty keeps all.
        public var metrics: [String]
        /// The target the endpoint belongs to; nil when it describes every target.
        public var target: String?

        /// Creates a scrape.
        public init(url: String, interval: Double? = nil, metrics: [String] = [], target: String? = nil) {
            self.url = url
            self.interval = interval
            self.metrics = metrics
            self.target = target
        }
    }

    /// Seconds between local samples, and default scrape interval (`interval`, default 1 s).
    public var interval: Double
    /// Local GPUs through `nvidia-smi`, `amd-smi` or `rocm-smi` (`gpu`, default auto).
    public var gpu: Mode
    /// RAPL energy counters (`rapl`, default auto).
    public var rapl: Mode
    /// Idle baseline before the first level, seconds (`idle_seconds`, default 5; 0 for none).
    public var idleSeconds: Double
    /// Prometheus endpoints (`scrape`).
    public var scrapes: [Scrape]

    /// Creates a section; the defaults are those of an empty `telemetry: {}`.
    public init(interval: Double = 1, gpu: Mode = .auto, rapl: Mode = .auto, idleSeconds: Double = 5, scrapes: [Scrape] = []) {
        self.interval = interval
        self.gpu = gpu
        self.rapl = rapl
        self.idleSeconds = idleSeconds
        self.scrapes = scrapes
    }
}
