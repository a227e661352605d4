import RepatSupport
import Testing

@Suite("Hex")
struct HexTests {
    @Test("bytes are encoded as two lowercase digits each")
    func encode() {
        #expect(Hex.encode([]) == "")
        #expect(Hex.encode([0x00, 0x0F, 0x10, 0xAB, 0xFF]) == "000f10abff")
        #expect(Hex.encode(Array(0...255)).count == 512)
    }

    @Test("every nibble has its lowercase and uppercase digit")
    func digits() {
        #expect((0..<16).map { Hex.lowercaseDigit($0) } == Array("0123456789abcdef".utf8))
        #expect((0..<16).map { Hex.uppercaseDigit($0) } == Array("0123456789ABCDEF".utf8))
    }

    @Test("digits of either case are read back; anything else is nil")
    func digitValues() {
        for nibble in UInt8(0)..<16 {
            #expect(Hex.value(ofDigit: Hex.lowercaseDigit(nibble)) == nibble)
            #expect(Hex.value(ofDigit: Hex.uppercaseDigit(nibble)) == nibble)
        }
        for byte in Array("gG/:@`% ".utf8) + [0x00, 0x80, 0xFF] {
            #expect(Hex.value(ofDigit: byte) == nil)
        }
    }

    @Test("a run of digits is read as one number, or nil when one is not a digit")
    func numbers() {
        func value(_ text: String) -> UInt32? {
            Array(text.utf8).withUnsafeBufferPointer { Hex.value(of: $0) }
        }
        #expect(value("00e9") == 0xE9)
        #expect(value("D83D") == 0xD83D)
        #expect(value("ffffffff") == 0xFFFF_FFFF)
        #expect(value("") == 0)
        #expect(value("12g4") == nil)
    }
}
