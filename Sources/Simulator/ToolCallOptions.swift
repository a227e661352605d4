extension EngineProfile {
    /// How the simulated model answers a request that offers tools (options `tool_call_rate`,
    /// `tool_args_invalid_rate`); see ``ToolCallPlan``.
    public struct ToolCallOptions: Sendable, Equatable {
        /// The option names, in the order they are documented.
        public static let optionNames = ["tool_call_rate", "tool_args_invalid_rate"]

        /// Share of requests with `tool_choice` auto (or none given) answered with a call, 0…1
        /// (`tool_call_rate`, default 1: every such request calls a tool).
        public var callRate: Double = 1
        /// Share of calls whose arguments are cut short, so neither JSON nor valid, 0…1
        /// (`tool_args_invalid_rate`, default 0).
        public var invalidArgumentsRate: Double = 0

        /// The defaults: every request that may call does, with valid arguments.
        public init() {}

        /// Sets one of ``optionNames`` from its text.
        /// - Throws: ``EngineProfile/OptionError`` for a value outside 0…1.
        mutating func set(_ name: String, text: String) throws(EngineProfile.OptionError) {
            switch name {
            case "tool_call_rate": callRate = try EngineProfile.parseProbability(name, text)
            default: invalidArgumentsRate = try EngineProfile.parseProbability(name, text)
            }
        }
    }
}
