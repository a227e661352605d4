import Testing

@testable import Simulator

@Suite("Ollama keep_alive durations")
struct KeepAliveTests {
    @Test("Go duration strings parse to seconds; negative means forever; junk is refused")
    func goDurations() {
        #expect(KeepAlive(goDuration: "5m") == KeepAlive(seconds: 300))
        #expect(KeepAlive(goDuration: "1h30m") == KeepAlive(seconds: 5400))
        #expect(KeepAlive(goDuration: "250ms") == KeepAlive(seconds: 0.25))
        #expect(KeepAlive(goDuration: "1.5s") == KeepAlive(seconds: 1.5))
        #expect(KeepAlive(goDuration: "0") == KeepAlive(seconds: 0))
        #expect(KeepAlive(goDuration: "-1m") == .forever)
        #expect(KeepAlive(seconds: -1) == .forever)
        for junk in ["", "5", "m", "5x", "soon", "-", "1h-5m"] {
            #expect(KeepAlive(goDuration: junk) == nil, "\(junk)")
        }
    }

    @Test("a resident model expires its keep-alive after its last use, or never")
    func residency() {
        var residency = ModelResidency(loadedAt: 1000)
        #expect(residency.expiresAt == 1300)
        residency.touch(at: 2000, keepAlive: KeepAlive(seconds: 10))
        #expect(residency.expiresAt == 2010)
        residency.touch(at: 1500, keepAlive: .forever)
        #expect(residency.expiresAt == nil)
    }
}
