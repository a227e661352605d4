import Dialects
import Testing

@Suite("Error messages from bodies")
struct ErrorMessageTests {
    private func message(_ body: String) -> String? {
        OpenAIDialect.chat.errorMessage(fromBody: Array(body.utf8))
    }

    @Test("an OpenAI error body gives its message")
    func openAIError() {
        #expect(message(#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#) == "Incorrect API key provided")
    }

    @Test("vLLM, TGI and FastAPI error shapes give their message")
    func otherShapes() {
        #expect(message(#"{"object":"error","message":"max_tokens is too large","type":"BadRequestError","code":400}"#) == "max_tokens is too large")
        #expect(message(#"{"error":"Model is overloaded","error_type":"overloaded"}"#) == "Model is overloaded")
        #expect(message(#"{"detail":"Not Found"}"#) == "Not Found")
        #expect(message(#"{"detail":[{"loc":["body","model"],"msg":"field required","type":"missing"}]}"#) == "field required")
    }

    @Test("a plain-text body is returned on one line")
    func plainText() {
        #expect(message("upstream connect error\r\nor disconnect  ") == "upstream connect error or disconnect")
    }

    @Test("an HTML body gives its title")
    func html() {
        #expect(message("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>") == "502 Bad Gateway")
    }

    @Test("an empty or blank body gives nil")
    func empty() {
        #expect(message("") == nil)
        #expect(message(" \n ") == nil)
    }

    @Test("a long message is cut to about 300 characters")
    func truncated() {
        let long = String(repeating: "a", count: 1000)
        let result = message(#"{"error":{"message":"\#(long)"}}"#)
        #expect(result?.count == 301)
        #expect(result?.hasSuffix("…") == true)
    }

    @Test("invalid UTF-8 does not crash")
    func invalidUTF8() {
        #expect(OpenAIDialect.chat.errorMessage(fromBody: [0xFF, 0xFE, 0x41]) != nil)
    }
}
