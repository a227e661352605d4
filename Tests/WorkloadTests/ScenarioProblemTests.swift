import Foundation
import Testing
import Workload

/// Parses `text` as `bad.yaml`, expecting it to be refused; returns the problems.
private func problems(_ text: String, environment: [String: String] = [:]) -> [ScenarioProblem] {
    do {
        let scenario = try ScenarioLoader(environment: environment, catalog: TargetCatalog()).parse(text, file: "bad.yaml")
        Issue.record("expected problems, got scenario '\(scenario.name)'")
        return []
    } catch {
        return error.problems
    }
}

/// The only problem of `text`; records an issue when there are none or several.
private func onlyProblem(_ text: String, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioProblem? {
    let found = problems(text, environment: environment)
    #expect(found.count == 1, "problems: \(found.map(\.description))", sourceLocation: sourceLocation)
    return found.first
}

/// A valid scenario whose target fields start at line 4 and whose `load` fields follow the target's;
/// each test edits one thing. With the default target, `concurrency` is on line 8.
private func scenario(
    target: String = "    dialect: openai-chat\n    base_url: http://127.0.0.1:8000/v1\n    model: m",
    load: String = "  concurrency: 2\n  requests: 10"
) -> String {
    """
    name: bad
    targets:
      - name: a
    \(target)
    load:
    \(load)
    workload:
      prompt_tokens: 16
      max_tokens: 8
    """
}

@Suite("Scenario problems")
struct ScenarioProblemTests {
    @Test("the base scenario of these tests is valid")
    func baseIsValid() throws {
        _ = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(scenario(), file: "good.yaml")
    }

    @Test("a missing required field is reported at its mapping's line with its full path")
    func missingField() throws {
        let problem = try #require(onlyProblem(scenario(target: "    dialect: openai-chat\n    base_url: http://127.0.0.1:8000/v1")))
        #expect(problem.file == "bad.yaml")
        #expect(problem.line == 3)
        #expect(problem.field == "targets[0].model")
        #expect(problem.description == "bad.yaml:3: targets[0].model: required field is missing")
    }

    @Test("a missing top-level section is reported")
    func missingSection() throws {
        let text = "name: x\ntargets:\n  - name: a\n    dialect: d\n    base_url: sim://a\n    model: m\nload:\n  concurrency: 1\n  requests: 1\n"
        let problem = try #require(onlyProblem(text))
        #expect(problem.field == "workload")
        #expect(problem.message.hasPrefix("required field is missing"))
    }

    @Test("a value of the wrong type names the field and the value given")
    func wrongType() throws {
        let problem = try #require(onlyProblem(scenario(load: "  concurrency: many\n  requests: 10")))
        #expect(problem.description == "bad.yaml:8: load.concurrency: expected a whole number, got 'many'")
    }

    @Test("a wrong type inside a list names the element")
    func wrongTypeInList() throws {
        let problem = try #require(onlyProblem(scenario(load: "  concurrency: [1, two]\n  requests: 10")))
        #expect(problem.line == 8)
        #expect(problem.field == "load.concurrency[1]")
    }

    @Test(
        "an out-of-range value names the allowed range",
        arguments: [
            ("  concurrency: 0\n  requests: 10", "load.concurrency", "must be between 1 and 100000, got 0"),
            ("  concurrency: 2\n  requests: -5", "load.requests", "must be between 1 and 100000000, got -5"),
            ("  concurrency: 2\n  duration: 0s", "load.duration", "expected a positive duration such as 30, 30s, 500ms, 2m or 1h, got '0s'"),
        ]
    )
    func outOfRange(load: String, field: String, message: String) throws {
        let problem = try #require(onlyProblem(scenario(load: load)))
        #expect(problem.field == field)
        #expect(problem.message == message)
        #expect(problem.line == (field == "load.concurrency" ? 8 : 9))
    }

    @Test("an unknown field is an error with a did-you-mean hint")
    func unknownField() throws {
        let found = problems(scenario(load: "  concurency: 2\n  requests: 10"))
        let unknown = try #require(found.first { $0.field == "load.concurency" })
        #expect(unknown.line == 8)
        #expect(unknown.message.hasPrefix("unknown field (did you mean 'concurrency'?); allowed: concurrency, ramp, rate"))
        #expect(found.contains { $0.field == "load" && $0.message == "give one of concurrency (closed loop), rate (open loop) or saturation (search)" })
    }

    @Test("an unknown field far from every allowed name gets no hint")
    func unknownFieldWithoutHint() throws {
        let problem = try #require(onlyProblem(scenario(target: "    dialect: openai-chat\n    base_url: sim://a\n    model: m\n    colour: blue")))
        #expect(problem.field == "targets[0].colour")
        #expect(problem.line == 7)
        #expect(!problem.message.contains("did you mean"))
    }

    @Test("invalid YAML syntax is reported with its line")
    func invalidYAML() throws {
        let problem = try #require(onlyProblem("name: x\ntargets:\n  - name: a: b\n"))
        #expect(problem.file == "bad.yaml")
        #expect(problem.line == 3)
        #expect(problem.field == "")
        #expect(problem.message.hasPrefix("not valid YAML: "))
        #expect(problem.description.hasPrefix("bad.yaml:3: not valid YAML: "))
    }

    @Test("an empty file is reported as empty", arguments: ["", "\n\n", "# only a comment\n"])
    func emptyFile(text: String) throws {
        let problem = try #require(onlyProblem(text))
        #expect(problem.description == "bad.yaml: the file is empty")
    }

    @Test("a file that is not a mapping is reported")
    func notAMapping() throws {
        let problem = try #require(onlyProblem("- just\n- a list\n"))
        #expect(problem.line == 1)
        #expect(problem.message.hasPrefix("expected a mapping of fields"))
    }

    @Test("a missing file is one problem naming the path")
    func missingFile() throws {
        let path = "/nonexistent-\(UUID().uuidString)/scenario.yaml"
        do {
            _ = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).load(path: path)
            Issue.record("expected a problem")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(error.problems.count == 1)
            #expect(problem.file == path)
            #expect(problem.line == nil)
            #expect(problem.description.hasPrefix("\(path): cannot read the file ("))
        }
    }

    @Test("a target name used twice is reported at the second use")
    func duplicateTargetNames() throws {
        let text = """
            name: dup
            targets:
              - name: same
                dialect: openai-chat
                base_url: sim://a
                model: m
              - name: same
                dialect: openai-chat
                base_url: sim://b
                model: m
            load:
              concurrency: 1
              requests: 1
            workload:
              prompt_tokens: 1
              max_tokens: 1
            """
        let problem = try #require(onlyProblem(text))
        #expect(problem.description == "bad.yaml:7: targets[1].name: target name 'same' is used twice")
    }

    @Test("a base_url with another scheme is refused")
    func badScheme() throws {
        let problem = try #require(onlyProblem(scenario(target: "    dialect: openai-chat\n    base_url: ftp://host/v1\n    model: m")))
        #expect(problem.line == 5)
        #expect(problem.field == "targets[0].base_url")
        #expect(problem.message.contains("http://, https:// or sim://"))
    }

    @Test("api_key_env naming an unset or empty variable is refused; a set one is accepted")
    func apiKeyEnvironment() throws {
        let target = "    dialect: openai-chat\n    base_url: https://api.example.com/v1\n    model: m\n    api_key_env: MY_KEY"
        for environment in [[:], ["MY_KEY": ""]] {
            let problem = try #require(onlyProblem(scenario(target: target), environment: environment))
            #expect(problem.description == "bad.yaml:7: targets[0].api_key_env: environment variable MY_KEY is not set (target 'a' needs it for its API key)")
        }
        let scenario = try ScenarioLoader(environment: ["MY_KEY": "sk-1"], catalog: TargetCatalog()).parse(scenario(target: target), file: "ok.yaml")
        #expect(scenario.targets.first?.apiKeyEnv == "MY_KEY")
    }

    @Test("an unset ${VAR} in base_url or a header is refused at that field")
    func unsetReference() throws {
        let problem = try #require(onlyProblem(scenario(target: "    dialect: openai-chat\n    base_url: http://${UNSET_HOST}:8000/v1\n    model: m")))
        #expect(problem.description == "bad.yaml:5: targets[0].base_url: environment variable UNSET_HOST is not set")

        let header = try #require(onlyProblem(scenario(target: "    dialect: openai-chat\n    base_url: sim://a\n    model: m\n    headers:\n      X-Tenant: ${TENANT}")))
        #expect(header.description == "bad.yaml:8: targets[0].headers.X-Tenant: environment variable TENANT is not set")
    }

    @Test("load with neither requests nor duration is refused")
    func unboundedLoad() throws {
        let problem = try #require(onlyProblem(scenario(load: "  concurrency: 2")))
        #expect(problem.field == "load")
        #expect(problem.line == 8)
        #expect(problem.message == "give requests (per load level), duration (per load level), or both")
    }

    @Test("every problem of a file is reported, in line order")
    func severalProblems() throws {
        let text = """
            name: has space
            seed: -1
            targets:
              - name: a
                dialect: openai-chat
                base_url: gopher://x
              - name: a
                dialect: openai-chat
                base_url: sim://b
                model: m
                http_version: "3"
            load:
              concurrency: many
            workload:
              prompt_tokens: 0
              max_tokens: 8
              temperature: hot
            """
        let found = problems(text)
        let summary = found.map { "\($0.line.map(String.init) ?? "-") \($0.field)" }
        #expect(summary == [
            "1 name",
            "2 seed",
            "4 targets[0].model",
            "6 targets[0].base_url",
            "7 targets[1].name",
            "11 targets[1].http_version",
            "13 load.concurrency",
            "13 load",
            "15 workload.prompt_tokens",
            "17 workload.temperature",
        ])
        #expect(found.allSatisfy { $0.file == "bad.yaml" && !$0.message.isEmpty })
    }
}
