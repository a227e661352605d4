import Metrics
import RepatSupport

/// One column of `requests.csv`: its name, how a ``RequestRecord`` becomes the cell's text, and
/// how the cell's text goes back into a record. ``RequestsCSV/table`` lists them in file order;
/// the header, the row writer and the reader all derive from it.
public struct RequestColumn: Sendable {
    /// The header name.
    public let name: String
    /// Whether a file without this column is not a `requests.csv` (and a row whose cell does not
    /// read is an error).
    public let required: Bool
    /// The cell's text: CSV-ready (quoted where needed), empty for an absent value.
    let write: @Sendable (RequestRecord) -> String
    /// Sets the record's field from the cell's (unquoted) text; returns `false` when the text is
    /// not a valid value and the column cannot do without one. `nil` for a column derived from
    /// others: written, never read.
    let read: (@Sendable (String, inout RequestRecord) -> Bool)?

    /// A column with its own writer and reader.
    init(
        _ name: String, required: Bool = false, write: @escaping @Sendable (RequestRecord) -> String,
        read: (@Sendable (String, inout RequestRecord) -> Bool)?
    ) {
        self.name = name
        self.required = required
        self.write = write
        self.read = read
    }
}

/// Column kinds, each with the field the reader sets (`field`) and the same field for the writer
/// (`value`: a closure, because applying a key path costs about 80 ns, and a row has 35 cells).
extension RequestColumn {
    /// Free text, quoted when needed; a missing column reads as empty.
    static func text(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, String> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> String, required: Bool = false
    ) -> Self {
        Self(name, required: required, write: { CSVField.text(value($0)) }, read: { cell, record in
            record[keyPath: field] = cell
            return true
        })
    }

    /// An optional number with three decimals; empty (or unreadable) is absent.
    static func decimal(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Double?> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Double?
    ) -> Self {
        Self(name, write: { CSVField.fixed3(value($0)) }, read: { cell, record in
            record[keyPath: field] = Double(cell)
            return true
        })
    }

    /// A number with three decimals; empty or unreadable reads as 0.
    static func decimal(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Double> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Double
    ) -> Self {
        Self(name, write: { CSVField.fixed3(value($0)) }, read: { cell, record in
            record[keyPath: field] = Double(cell) ?? 0
            return true
        })
    }

    /// Seconds with six decimals (microseconds), so that send lag and level windows rebuilt from
    /// the file equal those computed while running; empty or unreadable reads as 0.
    static func seconds(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Double> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Double
    ) -> Self {
        Self(name, write: { CSVField.fixed6(value($0)) }, read: { cell, record in
            record[keyPath: field] = Double(cell) ?? 0
            return true
        })
    }

    /// A number with three decimals computed from other fields: written, not read back.
    static func derived(_ name: String, _ value: @escaping @Sendable (RequestRecord) -> Double?) -> Self {
        Self(name, write: { CSVField.fixed3(value($0)) }, read: nil)
    }

    /// An optional integer; empty (or unreadable) is absent.
    static func integer(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Int?> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Int?
    ) -> Self {
        Self(name, write: { CSVField.int(value($0)) }, read: { cell, record in
            record[keyPath: field] = Int(cell)
            return true
        })
    }

    /// An integer; empty or unreadable reads as 0, or is an error when the column is required.
    static func integer(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Int> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Int, required: Bool = false
    ) -> Self {
        Self(name, required: required, write: { String(value($0)) }, read: { cell, record in
            guard let number = Int(cell) else {
                record[keyPath: field] = 0
                return !required
            }
            record[keyPath: field] = number
            return true
        })
    }

    /// `true` or `false`; anything else reads as `false`.
    static func flag(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Bool> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Bool
    ) -> Self {
        Self(name, write: { value($0) ? "true" : "false" }, read: { cell, record in
            record[keyPath: field] = cell == "true"
            return true
        })
    }

    /// `true`, `false` or empty (nil); anything else reads as nil.
    static func optionalFlag(
        _ name: String, _ field: any WritableKeyPath<RequestRecord, Bool?> & Sendable,
        _ value: @escaping @Sendable (RequestRecord) -> Bool?
    ) -> Self {
        Self(name, write: { value($0).map { $0 ? "true" : "false" } ?? "" }, read: { cell, record in
            record[keyPath: field] = cell == "true" ? true : cell == "false" ? false : nil
            return true
        })
    }
}
