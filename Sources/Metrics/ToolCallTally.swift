/// Tool calls of one target at one level: the successful requests whose response called tools,
/// and how many of them had every call's arguments valid (``RequestRecord/toolArgsValid``).
public struct ToolCallTally: Sendable, Equatable, Codable {
    /// Successful requests with at least one tool call.
    public private(set) var withCalls = 0
    /// Those whose calls all named an offered function with arguments valid against its schema.
    public private(set) var valid = 0

    /// No call yet.
    public init() {}

    /// Counts one successful request's verdict; nil (no call) counts nothing.
    public mutating func add(_ argumentsValid: Bool?) {
        guard let argumentsValid else { return }
        withCalls += 1
        if argumentsValid { valid += 1 }
    }

    /// Adds another tally of the same target and level.
    public mutating func merge(_ other: ToolCallTally) {
        withCalls += other.withCalls
        valid += other.valid
    }

    /// Valid over requests with calls (0…1); nil when no request called a tool.
    public var validRate: Double? {
        withCalls == 0 ? nil : Double(valid) / Double(withCalls)
    }
}
