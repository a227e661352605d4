import EventStream
import Testing

@Suite("CRC-32")
struct CRC32Tests {
    @Test("the CRC-32/IEEE check value of \"123456789\" is 0xCBF43926")
    func checkValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("known values: empty input, one zero byte, and zlib's checksum of a pangram")
    func knownValues() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum([0x00]) == 0xD202_EF8D)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test("a running checksum continued with seed equals the checksum of the concatenation")
    func seedContinues() {
        let bytes = Array("event-stream prelude and message".utf8)
        for cut in 0...bytes.count {
            let first = CRC32.checksum(bytes[..<cut])
            #expect(CRC32.checksum(bytes[cut...], seed: first) == CRC32.checksum(bytes))
        }
    }

    @Test("a non-contiguous sequence gives the same checksum as an array")
    func anySequence() {
        let bytes = Array("123456789".utf8)
        #expect(CRC32.checksum(bytes.lazy.map { $0 }) == 0xCBF4_3926)
    }
}
