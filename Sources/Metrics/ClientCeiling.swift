/// The most the client itself sustained against a simulator that answers instantly, as measured by
/// `repat selfbench`: beyond these rates a run measures repat, not the server.
public struct ClientCeiling: Sendable, Equatable, Codable {
    /// Most streamed token events per second the client received and decoded.
    public var eventsPerSecond: Double
    /// Most requests per second the client completed (short responses).
    public var requestsPerSecond: Double
    /// Client CPU seconds spent per million streamed token events.
    public var cpuSecondsPerMillionEvents: Double?
    /// When it was measured, ISO 8601 UTC.
    public var measuredAt: String
    /// The machine it was measured on (`hostname`, cores), so a ceiling from another machine is
    /// recognisable.
    public var host: String

    /// Creates a ceiling.
    public init(eventsPerSecond: Double, requestsPerSecond: Double, cpuSecondsPerMillionEvents: Double?, measuredAt: String, host: String) {
        self.eventsPerSecond = eventsPerSecond
        self.requestsPerSecond = requestsPerSecond
        self.cpuSecondsPerMillionEvents = cpuSecondsPerMillionEvents
        self.measuredAt = measuredAt
        self.host = host
    }

    /// The share (0…, 1 = at the ceiling) of this ceiling that a level reached: the larger of its
    /// token-event rate and its request rate, each over the matching ceiling.
    public func fraction(outputTokensPerSecond: Double, requestsPerSecond: Double) -> Double {
        let events = eventsPerSecond > 0 ? outputTokensPerSecond / eventsPerSecond : 0
        let requests = self.requestsPerSecond > 0 ? requestsPerSecond / self.requestsPerSecond : 0
        return max(events, requests)
    }
}
