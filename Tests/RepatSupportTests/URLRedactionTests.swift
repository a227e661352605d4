import RepatSupport
import Testing

@Suite("URL redaction")
struct URLRedactionTests {
    @Test(
        "credentials are stripped from URLs and nothing else changes",
        arguments: [
            ("https://user:pass@host/v1", "https://host/v1"),
            ("http://user@host:8000/v1", "http://host:8000/v1"),
            ("https://u:p@a@host/v1?x=1", "https://host/v1?x=1"),
            ("https://host/v1", "https://host/v1"),
            ("http://host/v1/user@example", "http://host/v1/user@example"),
            ("http://host?q=a@b", "http://host?q=a@b"),
            ("not a url", "not a url"),
        ]
    )
    func urlRedaction(url: String, expected: String) {
        #expect(URLRedaction.stripCredentials(url) == expected)
    }
}
