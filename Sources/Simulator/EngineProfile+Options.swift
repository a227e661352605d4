import RepatSupport

extension EngineProfile {
    /// Why an option could not be set: an unknown name or a value of the wrong type or range.
    ///
    /// `description` is a sentence a person can act on; scenario validators show it as is.
    public struct OptionError: Error, Sendable, Equatable, CustomStringConvertible {
        private enum Kind: Sendable, Equatable {
            case unknownName(String)
            case badValue(name: String, value: String, expected: String)
        }

        private let kind: Kind

        /// The option name that was given.
        public var name: String {
            switch kind {
            case .unknownName(let name): name
            case .badValue(let name, _, _): name
            }
        }

        /// What was wrong and what is accepted, e.g. the list of valid option names, led by the
        /// nearest one for a misspelt name (`max_num_seq` → did you mean 'max_num_seqs'?).
        public var description: String {
            switch kind {
            case .unknownName(let name):
                "unknown simulator option '\(name)'\(NameSuggestion.hint(for: name, in: EngineProfile.optionNames)); valid options: "
                    + EngineProfile.optionNames.joined(separator: ", ")
            case .badValue(let name, let value, let expected):
                "simulator option '\(name)' has value '\(value)'; expected \(expected)"
            }
        }

        /// No option is called `name`.
        static func unknownName(_ name: String) -> Self { Self(kind: .unknownName(name)) }

        /// `value` does not parse for option `name`, or is out of its range.
        static func badValue(_ name: String, _ value: String, expected: String) -> Self {
            Self(kind: .badValue(name: name, value: value, expected: expected))
        }
    }

    /// The snake_case names accepted by ``set(_:to:)``, in declaration order.
    public static let optionNames: [String] = [
        "model_name", "max_num_seqs", "prefill_tokens_per_second", "prefill_overhead_ms",
        "decode_base_ms", "decode_per_seq_ms", "eos_probability", "default_max_tokens",
        "kv_cache_tokens", "prefix_cache_blocks", "model_bytes", "error_rate", "seed", "correct_share",
        "schema_invalid_rate",
    ] + FaultOptions.optionNames + GroundTruthOptions.optionNames + ToolCallOptions.optionNames + ReasoningOptions.optionNames
        + RetrievalOptions.optionNames

    /// Sets one option by its snake_case name (see ``optionNames``) from its text form.
    ///
    /// - Throws: ``OptionError`` for an unknown name, or a value that does not parse or is out of
    ///   range (counts ≥ 1, `model_bytes` ≥ 0, rates > 0, durations ≥ 0, probabilities in 0…1;
    ///   fault options as documented on ``FaultOptions``, retrieval ones on ``RetrievalOptions``).
    public mutating func set(_ name: String, to value: String) throws(EngineProfile.OptionError) {
        let text = value.trimmingWhitespace()
        switch name {
        case "model_name":
            guard !text.isEmpty else { throw .badValue(name, value, expected: "a non-empty name") }
            modelName = text
        case "max_num_seqs":
            maxNumSeqs = try Self.parseInt(name, text, atLeast: 1)
        case "prefill_tokens_per_second":
            prefillTokensPerSecond = try Self.parseDouble(name, text, positive: true)
        case "prefill_overhead_ms":
            prefillOverheadMs = try Self.parseDouble(name, text)
        case "decode_base_ms":
            decodeBaseMs = try Self.parseDouble(name, text)
        case "decode_per_seq_ms":
            decodePerSeqMs = try Self.parseDouble(name, text)
        case "eos_probability":
            eosProbability = try Self.parseProbability(name, text)
        case "default_max_tokens":
            defaultMaxTokens = try Self.parseInt(name, text, atLeast: 1)
        case "kv_cache_tokens":
            kvCacheTokens = try Self.parseInt(name, text, atLeast: 1)
        case "prefix_cache_blocks":
            prefixCacheBlocks = try Self.parseInt(name, text, atLeast: 0)
        case "model_bytes":
            modelBytes = try Self.parseInt(name, text, atLeast: 0)
        case "error_rate":
            errorRate = try Self.parseProbability(name, text)
        case "correct_share":
            correctShare = try Self.parseProbability(name, text)
        case "schema_invalid_rate":
            schemaInvalidRate = try Self.parseProbability(name, text)
        case "seed":
            guard let parsed = UInt64(text) else {
                throw .badValue(name, value, expected: "a whole number from 0 to \(UInt64.max)")
            }
            seed = parsed
        case _ where ToolCallOptions.optionNames.contains(name):
            try toolCalls.set(name, text: text)
        case _ where GroundTruthOptions.optionNames.contains(name):
            try groundTruth.set(name, text: text)
        case _ where ReasoningOptions.optionNames.contains(name):
            try reasoning.set(name, text: text)
        case _ where RetrievalOptions.optionNames.contains(name):
            try retrieval.set(name, text: text)
        default:
            try faults.set(name, text: text)
        }
    }

    /// Parses a whole number ≥ `minimum`.
    static func parseInt(_ name: String, _ text: String, atLeast minimum: Int) throws(OptionError) -> Int {
        guard let parsed = Int(text), parsed >= minimum else {
            throw .badValue(name, text, expected: "a whole number ≥ \(minimum)")
        }
        return parsed
    }

    /// Parses a finite number of milliseconds or tokens per second; ≥ 0, or > 0 when `positive`.
    static func parseDouble(_ name: String, _ text: String, positive: Bool = false) throws(OptionError) -> Double {
        guard let parsed = Double(text), parsed.isFinite, positive ? parsed > 0 : parsed >= 0 else {
            throw .badValue(name, text, expected: positive ? "a number > 0" : "a number ≥ 0")
        }
        return parsed
    }

    /// Parses a probability in 0…1.
    static func parseProbability(_ name: String, _ text: String) throws(OptionError) -> Double {
        guard let parsed = Double(text), parsed >= 0, parsed <= 1 else {
            throw .badValue(name, text, expected: "a probability from 0 to 1")
        }
        return parsed
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension EngineProfile {
    /// A profile serving `modelName`, seeded by `seed`, with `options` (snake_case name and text
    /// value, as a scenario's `simulator:` section lists them) applied in order.
    ///
    /// - Returns: the profile and each option that was rejected, with why; a rejected option
    ///   leaves the profile's default in place.
    public static func configured(
        modelName: String, seed: UInt64, options: [(name: String, value: String)]
    ) -> (profile: EngineProfile, rejected: [(name: String, error: OptionError)]) {
        var profile = EngineProfile()
        profile.seed = seed
        profile.modelName = modelName
        var rejected: [(name: String, error: OptionError)] = []
        for option in options {
            do {
                try profile.set(option.name, to: option.value)
            } catch {
                rejected.append((option.name, error))
            }
        }
        return (profile, rejected)
    }
}
