import Foundation
import Testing
import Workload

/// A scenario with one simulated target; `data` goes at the top level (line 2 on), `target` under the target.
private func scenario(data: String, target: String = "") -> String {
    """
    name: classified
    \(data)
    targets:
      - name: gpt
        dialect: openai-chat
        base_url: sim://gpt
        model: m
    \(target)
    load:
      concurrency: 1
      requests: 2
    workload:
      prompt_tokens: 16
      max_tokens: 8
    """
}

@Suite("A scenario's data classification and a target's allow_transfer")
struct ScenarioDataPolicyTests {
    private let loader = ScenarioLoader(environment: [:], catalog: TargetCatalog())

    @Test("confidential and restricted data may go to the EU only by default; public and internal anywhere; a list replaces the default")
    func defaults() throws {
        let expected: [String: [String]] = ["public": [], "internal": [], "confidential": ["EU"], "restricted": ["EU"]]
        for (classification, jurisdictions) in expected {
            let parsed = try loader.parse(scenario(data: "data: { classification: \(classification) }"), file: "s.yaml")
            #expect(parsed.data == DataPolicy(classification: DataClassification(rawValue: classification)!, allowedJurisdictions: jurisdictions))
        }
        let listed = try loader.parse(scenario(data: "data: { classification: confidential, allowed_jurisdictions: [eu, ch] }"), file: "s.yaml")
        #expect(listed.data?.allowedJurisdictions == ["EU", "CH"])
        let none = try loader.parse(scenario(data: ""), file: "s.yaml")
        #expect(none.data == nil && none.targets.map(\.allowTransfer) == [false])
        let allowed = try loader.parse(scenario(data: "", target: "    allow_transfer: true"), file: "s.yaml")
        #expect(allowed.targets.map(\.allowTransfer) == [true])
    }

    @Test("an unknown classification or a bad jurisdiction is a problem naming the field and line", arguments: [
        ("data: { classification: secret }", "data.classification", "expected one of public, internal, confidential, restricted, got 'secret'"),
        ("data: { classification: confidential, allowed_jurisdictions: [Europe] }", "data.allowed_jurisdictions", "expected a two-letter country code or EU, got 'Europe'"),
        ("data: { allowed_jurisdictions: [EU] }", "data.classification", "required field is missing"),
    ])
    func problems(data: String, field: String, message: String) {
        do {
            _ = try loader.parse(scenario(data: data), file: "bad.yaml")
            Issue.record("accepted: \(data)")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.field == field)
            #expect(error.problems.first?.line == 2)
            #expect(error.problems.first?.message.hasPrefix(message) == true, "\(error.problems)")
        }
    }
}
