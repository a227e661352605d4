/// `${VAR}` references in scenario values.
public enum EnvironmentExpansion {
    /// A reference that cannot be expanded: the variable is not set, or `${` has no `}`.
    public struct ExpansionError: Error, CustomStringConvertible {
        /// One line naming the variable or the malformed reference.
        public var description: String
    }

    /// Replaces each `${NAME}` with the variable's value, and each `${NAME:-fallback}` with the
    /// value or, when the variable is unset or empty, the fallback. `$$` stands for a literal `$`.
    /// - Throws: ``ExpansionError`` for the first reference to an unset variable or a `${` without
    ///   its closing `}`.
    public static func expand(_ text: String, environment: [String: String]) throws(ExpansionError) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                result += "$"
                rest = after.dropFirst()
            } else if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                let reference = after[after.index(after: after.startIndex)..<close]
                if let separator = reference.firstRange(of: ":-") {
                    let value = environment[String(reference[..<separator.lowerBound])] ?? ""
                    result += value.isEmpty ? String(reference[separator.upperBound...]) : value
                } else {
                    guard let value = environment[String(reference)] else {
                        throw ExpansionError(description: "environment variable \(reference) is not set")
                    }
                    result += value
                }
                rest = after[after.index(after: close)...]
            } else if after.hasPrefix("{") {
                throw ExpansionError(description: "'${' without a closing '}'")
            } else {
                result += "$"
                rest = after
            }
        }
        return result + rest
    }

    /// The names of the variables `text` refers to, in order (`NAME` for both `${NAME}` and
    /// `${NAME:-fallback}`), so a problem with an expanded value can name its variable without
    /// showing the value. A `${` without its `}` ends the list.
    public static func variables(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                rest = after.dropFirst()
            } else if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                let reference = after[after.index(after: after.startIndex)..<close]
                names.append(String(reference.firstRange(of: ":-").map { reference[..<$0.lowerBound] } ?? reference))
                rest = after[after.index(after: close)...]
            } else if after.hasPrefix("{") {
                break
            } else {
                rest = after
            }
        }
        return names
    }
}
