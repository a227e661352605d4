import CurlTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to sample during a run, resolved from the scenario's `telemetry:` section.
public struct TelemetryConfiguration: Sendable {
    /// Seconds between local samples (`nvidia-smi`, RAPL, `/proc`).
    public var intervalS: Double
    /// Sample local GPUs (`nvidia-smi`, `amd-smi`, `rocm-smi`) when present.
    public var gpu: Bool
    /// Sample RAPL energy counters when readable.
    public var rapl: Bool
    /// Idle baseline before the first level, seconds (0: none).
    public var idleSeconds: Double
    /// Prometheus endpoints to scrape.
    public var scrapes: [ScrapeSource]
    /// Ollama servers whose `/api/ps` is read before and after their target runs.
    public var ollama: [OllamaSource]
    /// Targets served by this machine, described by its local power figures.
    public var localTargets: Set<String>

    /// Creates a configuration.
    public init(
        intervalS: Double = 1, gpu: Bool = true, rapl: Bool = true, idleSeconds: Double = 5,
        scrapes: [ScrapeSource] = [], ollama: [OllamaSource] = [], localTargets: Set<String> = []
    ) {
        self.intervalS = intervalS
        self.gpu = gpu
        self.rapl = rapl
        self.idleSeconds = idleSeconds
        self.scrapes = scrapes
        self.ollama = ollama
        self.localTargets = localTargets
    }

    /// Whether a target at `baseURL` is served by this machine: the built-in simulator, a
    /// loopback address, or this host's name (`hostName`, or its first label).
    public static func isLocal(baseURL: String, hostName: String) -> Bool {
        if baseURL.hasPrefix("sim://") { return true }
        guard let host = host(of: baseURL)?.lowercased() else { return false }
        if host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.") { return true }
        let name = hostName.lowercased()
        return !name.isEmpty && (host == name || host.split(separator: ".").first.map(String.init) == name.split(separator: ".").first.map(String.init))
    }

    /// This machine's name (`gethostname`, no DNS lookup); empty when unavailable.
    public static var localHostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The host part of a URL, without user info or port.
    static func host(of url: String) -> String? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
        return String(authority.prefix { $0 != ":" })
    }
}

/// One Prometheus endpoint to scrape.
public struct ScrapeSource: Sendable, Equatable {
    /// The page's URL (`http://gpu-01:9400/metrics`).
    public var url: String
    /// Seconds between scrapes.
    public var intervalS: Double
    /// Which metrics to keep.
    public var filter: MetricFilter
    /// The target the endpoint belongs to; nil for every target.
    public var target: String?

    /// Creates a scrape.
    public init(url: String, intervalS: Double, filter: MetricFilter = MetricFilter(), target: String? = nil) {
        self.url = url
        self.intervalS = intervalS
        self.filter = filter
        self.target = target
    }
}

/// An Ollama server whose loaded models (`GET /api/ps`) are recorded before and after its target
/// runs.
public struct OllamaSource: Sendable, Equatable {
    /// The target.
    public var target: String
    /// The `/api/ps` URL.
    public var url: String
    /// Headers to send (the target's own; may hold secrets, never logged).
    public var headers: [HTTPHeader]

    /// Creates an Ollama source.
    public init(target: String, url: String, headers: [HTTPHeader] = []) {
        self.target = target
        self.url = url
        self.headers = headers
    }
}
