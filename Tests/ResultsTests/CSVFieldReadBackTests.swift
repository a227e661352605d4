import RepatSupport
import Testing

@Suite("CSV fields read back")
struct CSVFieldReadBackTests {
    @Test("a quoted cell reads back as the original text")
    func quotedRoundTrip() throws {
        let value = "upstream said: \"bad, very bad\"\nsecond line"
        let rows = try #require(parseCSV(CSVField.text(value) + ",x\n"))
        #expect(rows == [[value, "x"]])
    }

    @Test("the test's CSV reader rejects malformed text")
    func readerRejects() {
        #expect(parseCSV("a\"b\n") == nil)
        #expect(parseCSV("\"open\n") == nil)
        #expect(parseCSV("\"x\"y\n") == nil)
        #expect(parseCSV("a,\"b\",c\n") == [["a", "b", "c"]])
    }
}
