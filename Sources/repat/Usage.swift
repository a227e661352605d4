import ArgumentParser

/// `repat usage import|scenario`: a usage profile from API bills, and a scenario of its busiest hour.
struct Usage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read your API usage exports into a usage profile for repat roi --usage, or write a scenario of its busiest hour.",
        discussion: "Formats and fields: docs/usage.md.",
        subcommands: [UsageImport.self, UsageScenarioCommand.self]
    )
}
