import Testing
import Workload

/// A scenario whose one target has `fields` (indented as target fields) added.
private func scenario(_ fields: String) -> String {
    """
    name: limits
    targets:
      - name: a
        dialect: openai-chat
        base_url: http://127.0.0.1:8000/v1
        model: m
    \(fields)
    load:
      concurrency: 1
      requests: 1
    workload:
      prompt_tokens: 16
      max_tokens: 8
    """
}

private func parse(_ text: String) throws(ScenarioProblems) -> Scenario {
    try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(text, file: "limits.yaml")
}

@Suite("response size limits of a target")
struct ScenarioSizeLimitTests {
    @Test("without the fields, an event may hold 16 MiB and a body 256 MiB")
    func defaults() throws {
        let target = try #require(try parse(scenario("")).targets.first)
        #expect(target.maxEventBytes == 16 * 1024 * 1024)
        #expect(target.maxResponseBytes == 256 * 1024 * 1024)
    }

    @Test("sizes are bytes, or numbers with binary or decimal units", arguments: [
        ("65536", 65_536), ("64KiB", 65_536), ("1.5 MiB", 1_572_864), ("2GiB", 2_147_483_648), ("100kB", 100_000),
        ("3MB", 3_000_000), ("1GB", 1_000_000_000), ("2048B", 2048),
    ])
    func units(text: String, bytes: Int) throws {
        let target = try #require(try parse(scenario("    max_event_bytes: \(text)\n    max_response_bytes: \(text)")).targets.first)
        #expect(target.maxEventBytes == bytes)
        #expect(target.maxResponseBytes == bytes)
    }

    @Test("a size that is not one, or out of 1 KiB to 64 GiB, is a problem naming the field and its line", arguments: [
        ("max_event_bytes: 0", "must be between 1024 and 68719476736 bytes, got 0"),
        ("max_event_bytes: 100", "must be between 1024 and 68719476736 bytes, got 100"),
        ("max_response_bytes: -5MiB", "expected a size such as 16MiB, 512KiB or 1048576 (bytes), got '-5MiB'"),
        ("max_response_bytes: lots", "expected a size such as 16MiB, 512KiB or 1048576 (bytes), got 'lots'"),
        ("max_event_bytes: 1TiB", "expected a size such as 16MiB, 512KiB or 1048576 (bytes), got '1TiB'"),
        ("max_event_bytes: 65GiB", "must be between 1024 and 68719476736 bytes, got 69793218560"),
    ])
    func problems(field: String, message: String) {
        do {
            _ = try parse(scenario("    " + field))
            Issue.record("\(field) was accepted")
        } catch {
            #expect(error.problems.count == 1)
            guard let problem = error.problems.first else { return }
            #expect(problem.field == "targets[0]." + field.prefix { $0 != ":" })
            #expect(problem.line == 7)
            #expect(problem.message == message)
        }
    }
}
