import RepatSupport
import Testing

@Suite("Percent decoding")
struct PercentDecodingTests {
    @Test(
        "escapes become bytes; malformed escapes are kept as they are",
        arguments: [
            ("plain", "plain"),
            ("b%3A1", "b:1"),
            ("%e2%82%AC", "€"),
            ("100%", "100%"),
            ("%4", "%4"),
            ("%zz", "%zz"),
            ("%%41", "%A"),
            ("a+b", "a+b"),
        ]
    )
    func decode(text: String, expected: String) {
        #expect(String(decoding: PercentDecoding.decode(text[...]), as: UTF8.self) == expected)
    }

    @Test("a plus is a space only when asked (query strings)")
    func plus() {
        #expect(PercentDecoding.decode("a+b%2B", plusIsSpace: true) == Array("a b+".utf8))
        #expect(PercentDecoding.decode("a+b%2B") == Array("a+b+".utf8))
    }
}
