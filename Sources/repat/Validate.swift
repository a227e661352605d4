import ArgumentParser
import LoadGen
import Workload

/// `repat validate FILE`: checks a scenario without running it.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and report every problem with its line and field.",
        discussion: """
        Header names must be HTTP tokens; control characters (CR, LF, NUL, …) in header names and \
        values, model names, URLs and API keys, written or brought in by ${VAR}, are problems (the \
        variable is named, its value never shown). \
        Also prints, per paid API target, the tokens the plan sends, their cost and where the data is \
        processed, and refuses (exit 2) a target outside the scenario's data.allowed_jurisdictions \
        unless it says allow_transfer: true, as repat run would.
        """
    )

    @OptionGroup var input: ScenarioArguments

    func run() throws {
        let plan = try input.plan()
        var lines: [String] = []
        try DataPlan.check(plan) { lines.append($0) }
        let targets = plan.targets.map { "\($0.spec.name) (\($0.spec.dialect))" }.joined(separator: ", ")
        let load = plan.search.map { "saturation search \($0.minRate)–\($0.maxRate) req/s in \($0.steps) steps" }
            ?? "load levels: \(plan.levels.map(\.label).joined(separator: ", "))"
        print("\(input.file): ok — targets: \(targets); \(load)")
        for line in lines { print(line) }
    }
}
