import Testing

@testable import Simulator

@Suite("SplitMix64 pinned outputs")
struct SplitMix64PinTests {
    @Test("outputs, derived seeds, unit draws and hex ids never change")
    func pinned() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
        #expect(SplitMix64.mix(0) == 0)
        #expect(SplitMix64.mix(0xDEAD_BEEF) == 5_622_224_078_331_092_714)
        #expect(SplitMix64.derive(7, 3, 11) == 16_343_402_547_606_676_407)
        #expect(SplitMix64.derive(42, 1, 2) == 0x1019_559D_2ACA_F158)
        #expect(SplitMix64.hexDigits(20, seed: 7) == "63cbe1e459320dd7044c")
        #expect(SplitMix64.hexDigits(40, seed: 123_456_789) == "223c74d93deb76797a91dd183971ee2e310e0831")
        var unit = SplitMix64(seed: 9)
        #expect([unit.nextUnitInterval(), unit.nextUnitInterval()] == [0.6823627349789958, 0.7506948929582787])
    }
}
