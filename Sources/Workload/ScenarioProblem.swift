/// One thing wrong with a scenario file, located so a person can fix it.
public struct ScenarioProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario file as given on the command line.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted field path, e.g. `targets[1].base_url`; empty for the file as a whole.
    public var field: String
    /// What is wrong and, where possible, what would be right.
    public var message: String

    /// Creates a problem.
    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, one line.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}

/// Every problem found in a scenario; thrown when there is at least one.
public struct ScenarioProblems: Error, Sendable, CustomStringConvertible {
    /// The problems in file order.
    public var problems: [ScenarioProblem]

    /// Wraps problems.
    public init(_ problems: [ScenarioProblem]) {
        self.problems = problems
    }

    /// One line per problem.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
