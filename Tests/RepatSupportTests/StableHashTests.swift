import RepatSupport
import Testing

@Suite("StableHash (FNV-1a, 64-bit)")
struct StableHashTests {
    @Test("matches the published FNV-1a test vectors")
    func vectors() {
        #expect(StableHash().value == 0xCBF2_9CE4_8422_2325, "the offset basis")
        #expect(StableHash("a").value == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash("foobar").value == 0x8594_4171_F739_67E8)
    }

    @Test("adding text piece by piece equals hashing it whole")
    func incremental() {
        var hash = StableHash()
        hash.add("foo")
        hash.add(UInt8(ascii: "b"))
        hash.add("ar")
        #expect(hash.value == StableHash("foobar").value)
    }
}
