import Testing

@testable import Dialects

@Suite("raw key bytes against a literal")
struct ASCIIKeyTests {
    private func matches(_ bytes: String, _ literal: StaticString) -> Bool {
        Array(bytes.utf8).withUnsafeBufferPointer { $0.equals(literal) }
    }

    @Test("equal bytes match; a prefix, a longer key, one changed byte and case do not")
    func equality() {
        #expect(matches("choices", "choices"))
        #expect(matches("", ""))
        #expect(!matches("choice", "choices"))
        #expect(!matches("choicess", "choices"))
        #expect(!matches("choides", "choices"))
        #expect(!matches("Choices", "choices"))
        #expect(matches("é", "é"))
    }
}
