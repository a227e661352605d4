import Foundation
import Yams

/// A node of a YAML file with its file name and field path, so every problem is reported as one
/// line naming both: `my-roi.yaml:7: hardware.h100-sxm.price.low: expected a number`.
struct YAMLValue {
    /// The node.
    let node: Node
    /// File it came from.
    let file: String
    /// Dotted field path (`hardware[2].tdp_w`); empty at the root.
    let path: String

    /// Parses `file`.
    /// - Throws: ``ROIError`` when the file is unreadable, not YAML, or empty.
    static func load(file: String) throws(ROIError) -> YAMLValue {
        guard let data = FileManager.default.contents(atPath: file) else { throw ROIError("\(file): cannot read") }
        return try parse(String(decoding: data, as: UTF8.self), file: file)
    }

    /// Parses `text` as if read from `file`.
    static func parse(_ text: String, file: String) throws(ROIError) -> YAMLValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ROIError("\(file): not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let root else { throw ROIError("\(file): empty file") }
        return YAMLValue(node: root, file: file, path: "")
    }

    /// An error about this node.
    func error(_ message: String) -> ROIError {
        let line = node.mark.map { ":\($0.line)" } ?? ""
        return ROIError("\(file)\(line): \(path.isEmpty ? "" : path + ": ")\(message)")
    }

    /// Whether the node is a single value (not a mapping or list).
    var isScalar: Bool {
        if case .scalar = node { return true }
        return false
    }

    /// Whether the node is YAML null (`null`, `~` or nothing).
    var isNull: Bool { node.null != nil }

    /// The mapping's keys and values, in file order.
    func entries() throws(ROIError) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of fields") }
        return mapping.map { (key: $0.key.string ?? "?", value: YAMLValue(node: $0.value, file: file, path: child($0.key.string ?? "?"))) }
    }

    /// The sequence's items.
    func items() throws(ROIError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// Field `key` of a mapping; nil when absent or null.
    func field(_ key: String) throws(ROIError) -> YAMLValue? {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of fields") }
        guard let value = mapping.first(where: { $0.key.string == key })?.value, value.null == nil else { return nil }
        return YAMLValue(node: value, file: file, path: child(key))
    }

    /// Field `key`, which must be present.
    func required(_ key: String) throws(ROIError) -> YAMLValue {
        guard let value = try field(key) else { throw error("missing field '\(key)'") }
        return value
    }

    /// Rejects fields outside `allowed`.
    func allowOnly(_ allowed: [String]) throws(ROIError) {
        for (key, value) in try entries() where !allowed.contains(key) {
            throw value.error("unknown field; allowed: \(allowed.joined(separator: ", "))")
        }
    }

    /// The scalar as text.
    func text() throws(ROIError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected a text value") }
        return scalar.string
    }

    /// The scalar as a number within `range`.
    func number(in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(ROIError) -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw error("expected a number, got '\(node.string ?? "a collection")'")
        }
        guard range.contains(value) else {
            throw error("must be between \(ROIFormat.number(range.lowerBound, decimals: 3)) and \(ROIFormat.number(range.upperBound, decimals: 3)), got \(value)")
        }
        return value
    }

    /// The scalar as a whole number within `range`.
    func integer(in range: ClosedRange<Int>) throws(ROIError) -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected a whole number, got '\(node.string ?? "a collection")'") }
        guard range.contains(value) else { throw error("must be between \(range.lowerBound) and \(range.upperBound), got \(value)") }
        return value
    }

    /// The scalar as true or false.
    func boolean() throws(ROIError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, got '\(node.string ?? "a collection")'") }
        return value
    }

    /// The scalar as a currency code.
    func currency() throws(ROIError) -> Currency {
        let code = try text().uppercased()
        guard let currency = Currency(rawValue: code) else {
            throw error("unknown currency '\(code)'; known: \(Currency.allCases.map(\.code).joined(separator: ", "))")
        }
        return currency
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
