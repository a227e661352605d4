extension EngineProfile {
    /// Ground truth for measuring clients (`repat selfbench`): token texts that carry their write
    /// times, and an optional log of them. Off by default.
    public struct GroundTruthOptions: Sendable, Equatable {
        /// When true, every streamed token's text is its write time (see ``GroundTruth``).
        public var enabled = false
        /// When set (with ``enabled``), each stamp is also appended to this CSV file (see
        /// ``GroundTruthLog``).
        public var logPath: String?

        /// Nothing stamped, nothing logged.
        public init() {}

        /// The snake_case names of the ground-truth options.
        static let optionNames = ["ground_truth", "ground_truth_log"]

        /// Sets `ground_truth` (`true`/`false`, `yes`/`no`, `on`/`off`, `1`/`0`) or
        /// `ground_truth_log` (a path; the file is created now, to check it can be written).
        ///
        /// - Throws: ``OptionError`` for a bad value or an unwritable path.
        mutating func set(_ name: String, text: String) throws(OptionError) {
            switch name {
            case "ground_truth":
                switch text.lowercased() {
                case "true", "yes", "on", "1": enabled = true
                case "false", "no", "off", "0": enabled = false
                default: throw .badValue(name, text, expected: "true or false")
                }
            case "ground_truth_log":
                guard !text.isEmpty, GroundTruthLog(path: text) != nil else {
                    throw .badValue(name, text, expected: "the path of a file that can be written")
                }
                logPath = text
            default:
                throw .unknownName(name)
            }
        }
    }
}
