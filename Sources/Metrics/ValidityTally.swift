/// Verdicts of one target at one level on a yes/no check of successful responses: how many were
/// checked and how many passed. One tally counts structured-output answers against their schema
/// (``RequestRecord/schemaValid``), another the requests whose tool calls all had valid arguments
/// (``RequestRecord/toolArgsValid``).
public struct ValidityTally: Sendable, Equatable, Codable {
    /// Successful requests checked (their verdict was set).
    public private(set) var checked = 0
    /// Of those, the ones that passed.
    public private(set) var valid = 0

    /// Nothing checked yet.
    public init() {}

    /// Counts one successful request's verdict; nil (nothing to check) counts nothing.
    public mutating func add(_ verdict: Bool?) {
        guard let verdict else { return }
        checked += 1
        if verdict { valid += 1 }
    }

    /// Adds another tally of the same target and level.
    public mutating func merge(_ other: ValidityTally) {
        checked += other.checked
        valid += other.valid
    }

    /// Valid over checked (0…1): `schema_valid_rate` or `tool_args_valid_rate`; nil when nothing
    /// was checked.
    public var validRate: Double? {
        checked == 0 ? nil : Double(valid) / Double(checked)
    }
}
