/// Structured-output answers of one target at one level: how many successful requests asked for
/// a schema (``RequestRecord/schemaValid`` set) and how many answers followed it.
public struct SchemaTally: Sendable, Equatable, Codable {
    /// Successful requests whose answer was judged against its schema.
    public private(set) var checked = 0
    /// Of those, answers that parsed as JSON and validated.
    public private(set) var valid = 0

    /// No answer judged yet.
    public init() {}

    /// Counts one request's verdict; nil (no schema asked for, or the request failed) counts nothing.
    public mutating func add(_ schemaValid: Bool?) {
        guard let schemaValid else { return }
        checked += 1
        if schemaValid { valid += 1 }
    }

    /// Adds another tally of the same target and level.
    public mutating func merge(_ other: SchemaTally) {
        checked += other.checked
        valid += other.valid
    }

    /// Valid answers over judged ones (0…1): the level's `schema_valid_rate`; nil when no
    /// request asked for a schema.
    public var validRate: Double? {
        checked == 0 ? nil : Double(valid) / Double(checked)
    }
}
