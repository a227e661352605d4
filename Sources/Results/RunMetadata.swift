import Foundation
import Metrics
import RepatSupport

/// `run.json`: enough about a run to reproduce it and to diff it against another years later.
/// Never holds secrets: URLs are stored with credentials stripped, API keys not at all.
public struct RunMetadata: Codable, Sendable {
    /// How the run ended so far.
    public enum Status: String, Codable, Sendable {
        /// Still running (the file is rewritten at the end).
        case running
        /// Every load level ran to its end.
        case completed
        /// Stopped early by Ctrl-C or SIGTERM; the rows written are valid.
        case interrupted
        /// Stopped by an error (e.g. the results file could not be written).
        case failed
    }

    /// A target as run.
    public struct Target: Codable, Sendable {
        /// Target name.
        public var name: String
        /// Dialect id.
        public var dialect: String
        /// Base URL with any user:password removed; for simulated targets the loopback URL used.
        public var baseURL: String
        /// Model name.
        public var model: String
        /// Whether responses were streamed.
        public var stream: Bool
        /// Simulator engine options, for simulated targets.
        public var simulator: [String: String]?
        /// The serving engine's version where its API tells (vLLM `/version`, Ollama
        /// `/api/version`, llama.cpp `/props`, TGI `/info`).
        public var engineVersion: String?
        /// True when TLS verification was switched off for this target (`insecure: true`).
        public var insecureTLS: Bool?
        /// The API price id the scenario said this target stands in for (`stands_for`), which
        /// `repat roi` prices it as.
        public var standsFor: String?
        /// The model the server reported serving, where it tells (`/v1/models`, Ollama
        /// `/api/show`, llama.cpp `/props`); nil when it did not.
        public var servedModel: ServedModel?

        /// True when the scenario let this target receive its data outside
        /// `data.allowed_jurisdictions` (`allow_transfer: true`).
        public var allowTransfer: Bool?

        /// `baseUrl`, not `baseURL`: ``RunMetadata/read(from:)`` converts `base_url` to `baseUrl`.
        private enum CodingKeys: String, CodingKey {
            case name, dialect, baseURL = "baseUrl", model, stream, simulator, engineVersion, insecureTLS = "insecureTls", standsFor, servedModel, allowTransfer
        }

        /// Creates a target entry.
        public init(
            name: String, dialect: String, baseURL: String, model: String, stream: Bool, simulator: [String: String]?, insecureTLS: Bool? = nil,
            standsFor: String? = nil
        ) {
            self.name = name
            self.dialect = dialect
            self.baseURL = URLRedaction.stripCredentials(baseURL)
            self.model = model
            self.stream = stream
            self.simulator = simulator
            self.insecureTLS = insecureTLS
            self.standsFor = standsFor
        }
    }

    /// repat's version.
    public var repatVersion: String = RepatVersion.current
    /// Git commit of the repat checkout the binary was built in, when it can be found.
    public var repatCommit: String?
    /// SHA-256 of the scenario file's bytes.
    public var scenarioDigest: String?
    /// The scenario's SLOs as written (`ttft_p99_ms` → 2000), so summaries read back later
    /// compute goodput the same way.
    public var slo: [String: Double]?
    /// The run id.
    public var runID: String
    /// Run status.
    public var status: Status
    /// Why the run failed (one line naming the file and the system's reason, e.g. `cannot write
    /// …/requests.csv: No space left on device`); nil unless ``status`` is ``Status/failed``.
    public var failure: String?
    /// Scenario file as given.
    public var scenarioFile: String
    /// Scenario name.
    public var scenarioName: String
    /// Seed of the workload.
    public var seed: UInt64
    /// Start, ISO 8601 UTC.
    public var startedAt: String
    /// End, ISO 8601 UTC; nil while running.
    public var endedAt: String?
    /// The machine repat ran on.
    public var host: HostInfo
    /// HTTP client library.
    public var transport: String
    /// Targets in run order.
    public var targets: [Target]
    /// Load level labels in run order.
    public var loadLevels: [String]
    /// Workload shape: prompt tokens, max tokens, ignore_eos.
    public var workload: [String: String]
    /// SHA-256 over the per-level workload digests of the first target, in run order: equal for
    /// two runs that sent the same prompts on the same schedules.
    public var workloadDigest: String?
    /// Prompt-length calibration, when the scenario asked for one.
    public var calibration: Calibration?
    /// One entry per target and load level run (per repeat, when levels were repeated), in run order.
    public var levels: [LevelOutcome] = []
    /// How many times each level ran (`load.repeat` or `repat run --repeat`); nil when once.
    public var repeats: Int?
    /// Saturation search results, one per target, when the scenario asked for a search.
    public var saturation: [SaturationOutcome]?
    /// What telemetry sampled, when the scenario turned it on.
    public var telemetry: Telemetry?
    /// The client ceiling the levels' ``LevelOutcome/clientHealth`` were compared with (the last
    /// `repat selfbench`); nil when none had been measured.
    public var clientCeiling: ClientCeiling?
    /// The scenario's `data.classification`, when it declares one.
    public var dataClassification: String?
    /// Jurisdictions its data may go to (`data.allowed_jurisdictions` or the classification's
    /// default; empty: anywhere).
    public var allowedJurisdictions: [String]?

    /// The shard this run folder holds, when the run was split (`repat run --shard`).
    public var shard: ShardInfo?
    /// The shards a merged run was made of (`repat merge`), in shard order.
    public var shards: [ShardInfo]?

    /// How prompt lengths were calibrated.
    public struct Calibration: Codable, Sendable {
        /// Target whose tokenizer was measured.
        public var target: String
        /// `tokenize` (the server's endpoint) or `probe` (usage of two requests).
        public var method: String
        /// Measured target tokens per generated word.
        public var tokensPerWord: Double

        /// Creates a calibration entry.
        public init(target: String, method: String, tokensPerWord: Double) {
            self.target = target
            self.method = method
            self.tokensPerWord = tokensPerWord
        }
    }

    /// What one target did at one load level.
    public struct LevelOutcome: Codable, Sendable {
        /// Target name.
        public var target: String
        /// Level label.
        public var loadLevel: String
        /// Which repeat of the level this was (1…N) when it ran more than once; nil when once.
        public var repetition: Int?
        /// Requests measured (warm-up excluded).
        public var requests: Int
        /// Warm-up requests.
        public var warmupRequests: Int
        /// Successful requests.
        public var ok: Int
        /// SHA-256 of the prompts (and schedule) sent.
        public var workloadDigest: String?
        /// Why the level stopped early, if it did.
        public var abortReason: String?
        /// Whether the level met the scenario's SLOs: true or false for a completed level; nil
        /// without SLOs and for a partial level (see ``sloVerdict``).
        public var meetsSLO: Bool?
        /// The limits broken by the requests measured (for a partial level: by the part that ran).
        public var sloFailures: [String]?
        /// The client's own CPU, send lag and share of its ceiling over the level, and whether it
        /// was saturated.
        public var clientHealth: ClientHealth?
        /// How the level ended; nil in files written before it was recorded.
        public var status: LevelStatus?
        /// `met`, `missed` or `incomplete` (a partial level); nil without SLOs.
        public var sloVerdict: SLOResult?
        /// The level's steps summarised apart (a rate profile's); nil for a level in one piece.
        public var steps: [StepOutcome]?

        /// How the level ended, for files with or without ``status``.
        public var levelStatus: LevelStatus {
            status ?? .implied(byAbortReason: abortReason)
        }

        /// The SLO verdict, for files with or without ``sloVerdict``; nil without SLOs.
        public var sloResult: SLOResult? {
            sloVerdict ?? meetsSLO.map { SLOResult(passed: $0, status: levelStatus) }
        }

        /// `meetsSlo`: the key coders convert `meets_slo` to and from (`meetsSLO` would be written
        /// as `meets_slo` but read back as `meetsSlo`, i.e. never).
        private enum CodingKeys: String, CodingKey {
            case target, loadLevel, repetition = "repeat", requests, warmupRequests, ok, workloadDigest, abortReason, meetsSLO = "meetsSlo", sloFailures
            case clientHealth, status, sloVerdict, steps
        }

        /// Creates a level entry.
        public init(
            target: String, loadLevel: String, requests: Int, warmupRequests: Int, ok: Int, workloadDigest: String?, abortReason: String?,
            meetsSLO: Bool?, sloFailures: [String]?, status: LevelStatus? = nil, sloVerdict: SLOResult? = nil, repetition: Int? = nil
        ) {
            self.target = target
            self.loadLevel = loadLevel
            self.repetition = repetition
            self.requests = requests
            self.warmupRequests = warmupRequests
            self.ok = ok
            self.workloadDigest = workloadDigest
            self.abortReason = abortReason
            self.meetsSLO = meetsSLO
            self.sloFailures = sloFailures
            self.status = status
            self.sloVerdict = sloVerdict
        }
    }

    /// The highest rate one target sustained within the SLOs.
    public struct SaturationOutcome: Codable, Sendable {
        /// Target name.
        public var target: String
        /// Highest rate tried that met the SLOs, requests/s; nil when even the lowest failed.
        public var maxRate: Double?
        /// Lowest rate tried that broke them; nil when even the highest passed.
        public var firstFailingRate: Double?

        /// Creates a saturation entry.
        public init(target: String, maxRate: Double?, firstFailingRate: Double?) {
            self.target = target
            self.maxRate = maxRate
            self.firstFailingRate = firstFailingRate
        }
    }

    /// The telemetry of a run: which sources were found or missing and why, how many samples
    /// each took and what sampling cost, and the idle power measured before the first level.
    public struct Telemetry: Codable, Sendable {
        /// One source: a sampler (`nvidia-smi`, `rapl`, `proc`), a scrape URL, or an Ollama probe.
        public struct Source: Codable, Sendable {
            /// Name, as in the `source` column of `telemetry.csv`.
            public var name: String
            /// `ok` (sampled), `missing` (not on this host), `failed` (present but no sample).
            public var status: String
            /// One line saying why a source is missing or failed, or what it found.
            public var reason: String?
            /// The target a scrape or probe belongs to, when it belongs to one.
            public var target: String?
            /// Samples taken (one per poll, scrape or `nvidia-smi` tick).
            public var samples: Int
            /// Polls or scrapes that failed.
            public var failures: Int
            /// Mean wall time per sample spent by repat (reading, parsing, recording), ms.
            public var wallMsPerSample: Double?
            /// Mean CPU time per sample of repat's sampling thread, ms.
            public var cpuMsPerSample: Double?
            /// CPU time used by the sampling command itself (`nvidia-smi`, `rocm-smi`), seconds.
            public var childCpuS: Double?

            /// Creates a source entry.
            public init(name: String, status: String, reason: String?, target: String?, samples: Int, failures: Int, wallMsPerSample: Double?, cpuMsPerSample: Double?, childCpuS: Double?) {
                self.name = name
                self.status = status
                self.reason = reason
                self.target = target
                self.samples = samples
                self.failures = failures
                self.wallMsPerSample = wallMsPerSample
                self.cpuMsPerSample = cpuMsPerSample
                self.childCpuS = childCpuS
            }
        }

        /// Seconds between local samples.
        public var intervalS: Double
        /// Length of the idle baseline before the first level, seconds (0: none).
        public var idleSeconds: Double
        /// Rows written to `telemetry.csv`.
        public var rows: Int
        /// Every source tried, found or not.
        public var sources: [Source]
        /// Mean power over the idle baseline by power source (`nvidia-smi`, `rapl`, …), watts.
        public var idlePowerW: [String: Double]

        /// Creates a telemetry entry.
        public init(intervalS: Double, idleSeconds: Double, rows: Int, sources: [Source], idlePowerW: [String: Double]) {
            self.intervalS = intervalS
            self.idleSeconds = idleSeconds
            self.rows = rows
            self.sources = sources
            self.idlePowerW = idlePowerW
        }
    }

    /// `runId`, not `runID`: the decoder's `convertFromSnakeCase` turns `run_id` into `runId`, and
    /// the encoder's `convertToSnakeCase` turns `runId` back into `run_id`.
    private enum CodingKeys: String, CodingKey {
        case repatVersion, repatCommit, runID = "runId", status, failure, scenarioDigest, slo, scenarioFile, scenarioName, seed, startedAt, endedAt, host, transport
        case targets, loadLevels, workload, workloadDigest, calibration, levels, repeats, saturation, telemetry, clientCeiling
        case dataClassification, allowedJurisdictions
        case shard, shards
    }

    /// Creates metadata.
    public init(
        runID: String, status: Status, scenarioFile: String, scenarioName: String, seed: UInt64, startedAt: Date,
        host: HostInfo, transport: String, targets: [Target], loadLevels: [String], workload: [String: String]
    ) {
        self.runID = runID
        self.status = status
        self.scenarioFile = scenarioFile
        self.scenarioName = scenarioName
        self.seed = seed
        self.startedAt = Timestamp.iso8601(startedAt)
        self.host = host
        self.transport = transport
        self.targets = targets
        self.loadLevels = loadLevels
        self.workload = workload
    }

    /// Writes the metadata to `path` atomically, as pretty, key-sorted JSON.
    /// - Throws: ``ResultsError``.
    public func write(to path: String) throws(ResultsError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw ResultsError("cannot encode run metadata: \(error)")
        }
        try AtomicFile.write(data + Data("\n".utf8), to: path)
    }

    /// Reads metadata written by ``write(to:)``.
    /// - Throws: ``ResultsError``.
    public static func read(from path: String) throws(ResultsError) -> RunMetadata {
        guard let data = FileManager.default.contents(atPath: path) else { throw ResultsError("cannot read \(path)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(RunMetadata.self, from: data)
        } catch {
            throw ResultsError("\(path) is not valid run metadata: \(error)")
        }
    }
}
