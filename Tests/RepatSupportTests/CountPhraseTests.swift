import RepatSupport
import Testing

@Suite("Count phrases")
struct CountPhraseTests {
    @Test("one takes the singular, every other count the plural")
    func number() {
        #expect(CountPhrase.text(1, "server") == "1 server")
        #expect(CountPhrase.text(0, "server") == "0 servers")
        #expect(CountPhrase.text(2, "request") == "2 requests")
        #expect(CountPhrase.text(3, "entry", plural: "entries") == "3 entries")
        #expect(CountPhrase.text(1, "entry", plural: "entries") == "1 entry")
    }
}
