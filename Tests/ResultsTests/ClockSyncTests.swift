import Foundation
@testable import Results
import Testing

@Suite("a host's clock synchronisation, as chrony, timesyncd and the kernel tell it")
struct ClockSyncTests {
    @Test("chronyc tracking: the system time's offset (fast positive, slow negative), root dispersion and leap status")
    func chrony() throws {
        let text = """
            Reference ID    : A9FEA97B (169.254.169.123)
            Stratum         : 4
            System time     : 0.000412345 seconds slow of NTP time
            Last offset     : -0.000011201 seconds
            Root dispersion : 0.000352098 seconds
            Leap status     : Normal
            """
        let sync = try #require(ClockSync.chrony(text))
        #expect(sync.source == "chronyc tracking" && sync.synchronised == true)
        #expect(abs((sync.offsetMs ?? 0) + 0.412345) < 1e-9 && abs((sync.maxErrorMs ?? 0) - 0.352098) < 1e-9)
        #expect(sync.warning == nil)
        let unsynchronised = try #require(ClockSync.chrony(text.replacingOccurrences(of: "Leap status     : Normal", with: "Leap status     : Not synchronised")))
        #expect(unsynchronised.synchronised == false && unsynchronised.warning?.contains("not synchronised") == true)
        #expect(ClockSync.chrony("506 Cannot talk to daemon") == nil)
    }

    @Test("timedatectl timesync-status: the offset in its unit; above 1 ms it warns")
    func timesyncd() throws {
        let sync = try #require(ClockSync.timesyncd("       Server: 10.0.0.1 (ntp)\n         Leap: normal\n       Offset: +2.418ms\n        Delay: 1.1ms"))
        #expect(sync.offsetMs == 2.418)
        #expect(sync.warning?.contains("clock offset 2.418 ms") == true)
        #expect(try #require(ClockSync.timesyncd("Offset: -35us")).offsetMs == -0.035)
    }

    @Test("the kernel's NTP state is always readable, with a source and an error bound")
    func kernel() {
        let sync = ClockSync.kernel()
        #expect(sync.source == "ntp_adjtime" && sync.maxErrorMs != nil && sync.synchronised != nil)
    }
}
