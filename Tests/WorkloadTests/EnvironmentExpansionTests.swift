import Testing
import Workload

@Suite("Environment expansion")
struct EnvironmentExpansionTests {
    private let environment = ["A": "alpha", "EMPTY": "", "PORT": "8000"]

    @Test(
        "references are replaced by values, fallbacks and literal dollars",
        arguments: [
            ("plain text", "plain text"),
            ("", ""),
            ("${A}", "alpha"),
            ("http://${A}:${PORT}/v1", "http://alpha:8000/v1"),
            ("${EMPTY}", ""),
            ("${A:-x}", "alpha"),
            ("${UNSET:-x}", "x"),
            ("${EMPTY:-x}", "x"),
            ("${UNSET:-}", ""),
            ("${UNSET:-http://h:1/v1}", "http://h:1/v1"),
            ("$$", "$"),
            ("cost $$5 and $${A}", "cost $5 and ${A}"),
            ("$A stays", "$A stays"),
            ("trailing $", "trailing $"),
        ]
    )
    func expands(text: String, expected: String) throws {
        #expect(try EnvironmentExpansion.expand(text, environment: environment) == expected)
    }

    @Test("an unset variable without a fallback throws, naming the variable")
    func unsetVariable() {
        #expect(throws: EnvironmentExpansion.ExpansionError.self) {
            try EnvironmentExpansion.expand("http://${A}/${NOPE}/${ALSO_NOPE}", environment: environment)
        }
        do {
            _ = try EnvironmentExpansion.expand("http://${A}/${NOPE}/${ALSO_NOPE}", environment: environment)
        } catch {
            #expect(error.description == "environment variable NOPE is not set")
        }
    }

    @Test("a '${' without its closing brace is an error, not literal text", arguments: ["${A", "x${UNSET", "http://${HOST/v1"])
    func unterminated(text: String) {
        #expect(throws: EnvironmentExpansion.ExpansionError.self) {
            try EnvironmentExpansion.expand(text, environment: environment)
        }
    }
}
