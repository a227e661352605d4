import RepatSupport
import Yams

/// Reads typed fields out of a YAML mapping, recording each problem with its line and field path
/// instead of stopping at the first.
struct YAMLFields {
    let path: String
    let mapping: Node.Mapping
    let line: Int?
    private let allowed: Set<String>

    /// Wraps `node` if it is a mapping; otherwise records a problem and returns nil.
    init?(_ node: Node, path: String, allowed: [String], into report: inout ProblemReport) {
        guard case .mapping(let mapping) = node else {
            report.add(path, line: node.mark?.line, "expected a mapping of fields (\(allowed.joined(separator: ", ")))")
            return nil
        }
        self.path = path
        self.mapping = mapping
        self.line = node.mark?.line
        self.allowed = Set(allowed)
        report.locations.record(path, line: line)
        for (key, value) in mapping {
            let name = key.string ?? "?"
            report.locations.record(field(name), line: key.mark?.line ?? value.mark?.line)
            if !self.allowed.contains(name) {
                report.add(field(name), line: key.mark?.line, "unknown field\(NameSuggestion.hint(for: name, in: allowed)); allowed: \(allowed.joined(separator: ", "))")
            }
        }
    }

    func field(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func node(_ name: String) -> Node? {
        mapping.first { $0.key.string == name }?.value
    }

    func string(_ name: String, required: Bool = false, into report: inout ProblemReport) -> String? {
        guard let node = present(name, required: required, into: &report) else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report.add(field(name), line: node.mark?.line, "expected a non-empty text value")
            return nil
        }
        return scalar.string
    }

    func int(_ name: String, required: Bool = false, range: ClosedRange<Int>, into report: inout ProblemReport) -> Int? {
        guard let node = present(name, required: required, into: &report) else { return nil }
        return Self.int(node, field: field(name), range: range, into: &report)
    }

    func double(_ name: String, required: Bool = false, range: ClosedRange<Double>, into report: inout ProblemReport) -> Double? {
        guard let node = present(name, required: required, into: &report) else { return nil }
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            report.add(field(name), line: node.mark?.line, "expected a number, got '\(node.string ?? "a collection")'")
            return nil
        }
        guard range.contains(value) else {
            report.add(field(name), line: node.mark?.line, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    func bool(_ name: String, into report: inout ProblemReport) -> Bool? {
        guard let node = present(name, required: false, into: &report) else { return nil }
        guard let value = node.bool else {
            report.add(field(name), line: node.mark?.line, "expected true or false, got '\(node.string ?? "a collection")'")
            return nil
        }
        return value
    }

    /// A duration in seconds: a number, or a number with `ms`, `s`, `m` or `h`.
    func seconds(_ name: String, required: Bool = false, into report: inout ProblemReport) -> Double? {
        guard let node = present(name, required: required, into: &report) else { return nil }
        guard let text = node.string, let value = DurationText.seconds(text), value > 0 else {
            report.add(field(name), line: node.mark?.line, "expected a positive duration such as 30, 30s, 500ms, 2m or 1h, got '\(node.string ?? "a collection")'")
            return nil
        }
        return value
    }

    /// A size in bytes: a whole number, or a number with `KiB`, `MiB`, `GiB` (powers of 1024) or
    /// `kB`, `MB`, `GB` (powers of 1000), within `range`.
    func bytes(_ name: String, range: ClosedRange<Int>, into report: inout ProblemReport) -> Int? {
        guard let node = present(name, required: false, into: &report) else { return nil }
        guard let text = node.string, let value = Self.parseBytes(text) else {
            report.add(field(name), line: node.mark?.line, "expected a size such as 16MiB, 512KiB or 1048576 (bytes), got '\(node.string ?? "a collection")'")
            return nil
        }
        guard range.contains(value) else {
            report.add(field(name), line: node.mark?.line, "must be between \(range.lowerBound) and \(range.upperBound) bytes, got \(value)")
            return nil
        }
        return value
    }

    /// An integer or a list of integers.
    func intList(_ name: String, required: Bool = false, range: ClosedRange<Int>, into report: inout ProblemReport) -> [Int]? {
        guard let node = present(name, required: required, into: &report) else { return nil }
        if case .sequence(let sequence) = node {
            guard !sequence.isEmpty else {
                report.add(field(name), line: node.mark?.line, "expected at least one value")
                return nil
            }
            let values = sequence.enumerated().map { index, item in
                Self.int(item, field: "\(field(name))[\(index)]", range: range, into: &report)
            }
            let present = values.compactMap { $0 }
            return present.count == values.count ? present : nil
        }
        return Self.int(node, field: field(name), range: range, into: &report).map { [$0] }
    }

    /// A number or a list of numbers.
    func doubleList(_ name: String, range: ClosedRange<Double>, into report: inout ProblemReport) -> [Double]? {
        guard let node = node(name) else { return nil }
        let items: [(Node, String)]
        if case .sequence(let sequence) = node {
            guard !sequence.isEmpty else {
                report.add(field(name), line: node.mark?.line, "expected at least one value")
                return nil
            }
            items = sequence.enumerated().map { ($1, "\(field(name))[\($0)]") }
        } else {
            items = [(node, field(name))]
        }
        var values: [Double] = []
        for (item, path) in items {
            guard let value = item.float ?? item.int.map(Double.init), value.isFinite else {
                report.add(path, line: item.mark?.line, "expected a number, got '\(item.string ?? "a collection")'")
                return nil
            }
            guard range.contains(value) else {
                report.add(path, line: item.mark?.line, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// A mapping of text keys to text values (headers, option maps), in file order.
    func pairs(_ name: String, into report: inout ProblemReport) -> [(name: String, value: String, line: Int?)] {
        guard let node = node(name) else { return [] }
        guard case .mapping(let mapping) = node else {
            report.add(field(name), line: node.mark?.line, "expected a mapping of names to values")
            return []
        }
        var result: [(name: String, value: String, line: Int?)] = []
        for (key, value) in mapping {
            guard let keyText = key.string, case .scalar(let scalar) = value else {
                report.add(field(name), line: key.mark?.line, "expected 'name: value' entries with plain values")
                continue
            }
            report.locations.record("\(field(name)).\(keyText)", line: key.mark?.line)
            result.append((keyText, scalar.string, key.mark?.line))
        }
        return result
    }

    private func present(_ name: String, required: Bool, into report: inout ProblemReport) -> Node? {
        guard let node = node(name), node.null == nil else {
            if required { report.add(field(name), line: line, "required field is missing") }
            return nil
        }
        return node
    }

    static func int(_ node: Node, field: String, range: ClosedRange<Int>, into report: inout ProblemReport) -> Int? {
        guard let value = node.int else {
            report.add(field, line: node.mark?.line, "expected a whole number, got '\(node.string ?? "a collection")'")
            return nil
        }
        guard range.contains(value) else {
            report.add(field, line: node.mark?.line, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    /// `16MiB`, `1.5 GB`, `4096` → bytes; nil for anything else (or more than `Int.max`).
    static func parseBytes(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces()
        let units: [(suffix: String, factor: Double)] = [
            ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("kB", 1000), ("KB", 1000), ("MB", 1e6), ("GB", 1e9), ("B", 1),
        ]
        var number = trimmed
        var factor = 1.0
        if let unit = units.first(where: { trimmed.hasSuffix($0.suffix) }) {
            number = trimmed.dropLast(unit.suffix.count).trimmingSpaces()
            factor = unit.factor
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * factor < 0x1p63 else { return nil }
        return Int((value * factor).rounded())
    }
}

/// Problems collected while reading a scenario, and the lines of the fields seen.
struct ProblemReport {
    var problems: [ScenarioProblem] = []
    var locations: SourceLocations

    init(file: String) {
        locations = SourceLocations(file: file)
    }

    mutating func add(_ field: String, line: Int?, _ message: String) {
        problems.append(ScenarioProblem(file: locations.file, line: line, field: field, message: message))
    }
}
