/// The `usage:` section of a usage profile, read back for the report: which files of which format,
/// covering which period.
struct UsageProvenance {
    /// The files the profile was made from.
    var sources: [String]
    /// Their format.
    var format: String
    /// First bucket's start, as written.
    var from: String
    /// Last bucket's end, as written.
    var to: String
    /// Day of the import.
    var read: String

    /// The `usage:` section of a profile file's `root`.
    /// - Throws: ``ROIError`` when there is none: the file is not a usage profile.
    static func section(of root: YAMLValue) throws(ROIError) -> YAMLValue {
        guard let usage = try root.field("usage") else {
            throw root.error("not a usage profile: no usage: section (write one with repat usage import)")
        }
        return usage
    }

    /// Reads the section.
    /// - Throws: ``ROIError`` naming the file, line and field.
    init(_ usage: YAMLValue) throws(ROIError) {
        try usage.allowOnly(["sources", "format", "read", "from", "to", "hours", "bucket_seconds", "models", "busiest_hour", "requests_per_hour_of_week"])
        sources = try usage.required("sources").items().map { item throws(ROIError) in try item.text() }
        format = try usage.required("format").text()
        guard UsageFormat(rawValue: format) != nil else {
            throw try usage.required("format").error("unknown format; known: \(UsageFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        from = try usage.required("from").text()
        to = try usage.required("to").text()
        read = try usage.field("read")?.text() ?? ""
    }

    /// `usage profile FILE (openai-usage export of a.json, 2026-11-02T00:00:00Z to …, imported 2026-12-07)`.
    func text(file: String) -> String {
        "usage profile \(file) (\(format) export of \(sources.joined(separator: ", ")), \(from) to \(to)\(read.isEmpty ? "" : ", imported \(read)"))"
    }
}
