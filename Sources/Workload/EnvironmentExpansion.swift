/// `${VAR}` references in scenario values.
public enum EnvironmentExpansion {
    /// A reference to a variable that is not set.
    public struct MissingVariable: Error, CustomStringConvertible {
        /// The variable's name.
        public var name: String
        /// One line naming the variable.
        public var description: String { "environment variable \(name) is not set" }
    }

    /// Replaces each `${NAME}` with the variable's value. `$$` stands for a literal `$`.
    /// - Throws: ``MissingVariable`` for the first reference to an unset variable.
    public static func expand(_ text: String, environment: [String: String]) throws(MissingVariable) -> String {
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
                let name = String(after[after.index(after: after.startIndex)..<close])
                guard let value = environment[name] else { throw MissingVariable(name: name) }
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "$"
                rest = after
            }
        }
        return result + rest
    }
}
