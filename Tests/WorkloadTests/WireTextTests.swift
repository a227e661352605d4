import Testing
import Workload

@Suite("Text sent on the wire")
struct WireTextTests {
    @Test(
        "a control character is found and named; a tab passes only where allowed",
        arguments: [
            ("a\r\nb", false, "CR, 0x0D"), ("a\nb", false, "LF, 0x0A"), ("a\0", false, "NUL, 0x00"),
            ("\u{1B}[31m", false, "ESC, 0x1B"), ("x\u{7F}", false, "DEL, 0x7F"), ("x\u{01}", false, "0x01"),
            ("a\tb", false, "TAB, 0x09"), ("a\tb\u{0B}", true, "0x0B"),
        ]
    )
    func controlCharacters(text: String, allowingTab: Bool, name: String) {
        #expect(WireText.controlCharacter(in: text, allowingTab: allowingTab) == name)
    }

    @Test("plain text, spaces, a tab where allowed and non-ASCII letters have no control character")
    func cleanText() {
        #expect(WireText.controlCharacter(in: "Bearer sk-abc 123") == nil)
        #expect(WireText.controlCharacter(in: "a\tb", allowingTab: true) == nil)
        #expect(WireText.controlCharacter(in: "modèle-Ω") == nil)
        #expect(WireText.controlCharacter(in: "") == nil)
    }

    @Test("header names follow the HTTP token grammar", arguments: [
        ("X-Tenant", true), ("x_a.b~c|d", true), ("!#$%&'*+-.^_`|~09az", true),
        ("", false), ("X A", false), ("X:A", false), ("X-A\r\nX-B", false), ("Ünï", false), ("(x)", false), ("a/b", false),
    ])
    func tokens(name: String, isToken: Bool) {
        #expect(WireText.isToken(name) == isToken)
    }

    @Test("control characters are shown as escapes, everything else as it is")
    func visible() {
        #expect(WireText.visible("a\r\nb\t\0\u{1B}\u{7F}é") == "a\\r\\nb\\t\\0\\u{1B}\\u{7F}é")
    }

    @Test("the variables a value refers to are listed, fallbacks and $$ aside")
    func variables() {
        #expect(EnvironmentExpansion.variables(in: "Bearer ${TOKEN}-${REGION:-eu} $$ $HOME ${") == ["TOKEN", "REGION"])
        #expect(EnvironmentExpansion.variables(in: "plain").isEmpty)
    }
}
