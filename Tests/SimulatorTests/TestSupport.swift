import Simulator

/// Runs `body` against a fresh server on an ephemeral loopback port, shutting it down afterwards.
func withServer<T>(
    _ configure: (inout EngineProfile) -> Void = { _ in },
    _ body: (SimulatorServer) async throws -> T
) async throws -> T {
    var profile = EngineProfile()
    profile.prefillOverheadMs = 1
    profile.decodeBaseMs = 1
    profile.decodePerSeqMs = 0
    configure(&profile)
    let server = try await SimulatorServer.start(profile: profile, threads: 2)
    do {
        let result = try await body(server)
        try await server.shutdown()
        return result
    } catch {
        try await server.shutdown()
        throw error
    }
}

/// The `choices[0]` object of a chunk or response.
func firstChoice(_ object: [String: Any]?) -> [String: Any]? {
    (object?["choices"] as? [[String: Any]])?.first
}

/// The mean gap between consecutive events, in milliseconds.
func meanGapMs(_ events: [TestEvent]) -> Double {
    guard events.count >= 2, let first = events.first, let last = events.last else { return 0 }
    let total = last.receivedAt - first.receivedAt
    let ms = Double(total.components.seconds) * 1000 + Double(total.components.attoseconds) / 1e15
    return ms / Double(events.count - 1)
}

/// Milliseconds from `start` to `end`.
func milliseconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
    let duration = end - start
    return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
