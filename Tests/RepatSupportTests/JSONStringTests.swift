import Foundation
import RepatSupport
import Testing

@Suite("JSON strings")
struct JSONStringTests {
    private func bytes(_ value: String) -> String {
        var out: [UInt8] = []
        JSONString.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func text(_ value: String) -> String {
        var out = "["
        JSONString.append(value, to: &out)
        return String(out.dropFirst())
    }

    @Test(
        "quotes, backslashes and control characters are escaped; other text is kept as UTF-8",
        arguments: [
            ("plain", #""plain""#),
            ("", #""""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("back\\slash", #""back\\slash""#),
            ("a\nb\rc\td", #""a\nb\rc\td""#),
            ("\u{08}\u{0C}", #""\b\f""#),
            ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
            ("\u{7F}", "\"\u{7F}\""),
            ("crlf\r\n", #""crlf\r\n""#),
            ("héllo → 世界 🎉", "\"héllo → 世界 🎉\""),
            ("/", #""/""#),
        ]
    )
    func escaping(value: String, expected: String) {
        #expect(bytes(value) == expected)
        #expect(text(value) == expected)
    }

    @Test("only quotes, backslashes and control characters need escaping")
    func needsEscaping() {
        #expect(!JSONString.needsEscaping("token ünïcode 🎉 /"))
        #expect(JSONString.needsEscaping("a\"b"))
        #expect(JSONString.needsEscaping("a\\b"))
        #expect(JSONString.needsEscaping("\u{1F}"))
    }

    @Test("every string reads back unchanged through JSONSerialization")
    func roundTrip() throws {
        var value = ""
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) { value.unicodeScalars.append(scalar) }
        value += "é世🎉\r\n"
        var out: [UInt8] = []
        JSONString.append(value, to: &out)
        let decoded = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed)
        #expect(decoded as? String == value)
    }
}
