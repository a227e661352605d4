import ArgumentParser
import Dialects
import Foundation
import ROI
import Results
import Workload

/// `repat usage scenario PROFILE --base-url URL --model M [...]`.
struct UsageScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Write a scenario replaying the busiest hour of a usage profile against your target.",
        discussion: """
        Open-loop Poisson arrivals at the busiest hour's request rate, prompts and answers of its mean \
        lengths (ignore_eos), and a shared prompt prefix of its cached share. The scenario is checked \
        like repat validate before it is written. Exit codes: 0 written, 1 not writable, 2 bad input.
        """
    )

    @Argument(help: "Usage profile written by repat usage import.")
    var profile: String

    @Option(name: .long, help: "Target base URL (http://gpu-1:8000, or sim://NAME for the built-in simulator).")
    var baseUrl: String

    @Option(name: .long, help: "Model name to send.")
    var model: String

    @Option(name: .long, help: "API dialect of the target (see repat run --help).")
    var dialect = "openai-chat"

    @Option(name: .long, help: "Target name in the results.")
    var name = "onprem"

    @Option(name: .long, help: "Environment variable holding the target's API key.")
    var apiKeyEnv: String?

    @Option(name: .long, help: "How long the replayed hour lasts (e.g. 10m, 600s); with minute buckets, each minute a 60th of it.")
    var duration = "10m"

    @Option(name: .long, help: "Scenario file to write (default: standard output).")
    var output: String?

    func run() throws {
        let today = String(Timestamp.iso8601(Date()).prefix(10))
        let text = try badInputExits { () throws(ROIError) in
            guard let seconds = DurationText.seconds(duration), seconds >= 1 else {
                throw ROIError("--duration \(duration): expected a duration of at least 1 s such as 600s, 10m or 1h")
            }
            let hour = try UsageScenario(profile: profile)
            let target = UsageScenario.Target(name: name, dialect: dialect, baseURL: baseUrl, model: model, apiKeyEnv: apiKeyEnv)
            return hour.yaml(target: target, seconds: seconds, today: today)
        }
        // Checked as repat validate would, except that the key variable need not be set yet.
        var environment = ProcessInfo.processInfo.environment
        if let apiKeyEnv, environment[apiKeyEnv] == nil { environment[apiKeyEnv] = "set-when-run" }
        do {
            _ = try ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).parse(text, file: output ?? "usage-busiest-hour.yaml")
        } catch {
            FileHandleOutput.error("repat: error: the scenario would not load: \(error.description.split(separator: "\n").first ?? "")")
            throw ExitCode(2)
        }
        try writeOutput(text, to: output)
        if let output { FileHandleOutput.error("scenario: \(output) (run it with: repat run \(output))") }
    }
}
