/// What a prompt offers the model to call and, for an agent task, how the calls are answered:
/// read from a dataset line or from the workload (which applies to synthetic prompts).
public struct ItemTools: Sendable, Hashable {
    /// Functions offered; empty for none.
    public var functions: [ToolFunction]
    /// Whether and which function must be called; nil for the API's default.
    public var choice: ToolChoice?
    /// The agent loop; nil for a single request.
    public var agent: AgentTask?

    /// Creates the tools of an item; none by default.
    public init(functions: [ToolFunction] = [], choice: ToolChoice? = nil, agent: AgentTask? = nil) {
        self.functions = functions
        self.choice = choice
        self.agent = agent
    }

    /// Whether nothing is offered.
    public var isEmpty: Bool { functions.isEmpty }

    /// Reads `tools`, `tool_choice`, `max_turns` and `tool_results` from an object (a JSONL line,
    /// or the workload as the YAML reader converts it); a choice, turns or results without tools
    /// are refused.
    /// - Throws: ``ToolSpecProblem`` naming the first faulty field.
    public static func parse(_ object: [String: Any]) throws(ToolSpecProblem) -> ItemTools {
        var tools = ItemTools()
        if let list = object["tools"] {
            tools.functions = try ToolFunction.parseList(list)
        }
        let names = tools.functions.map(\.name)
        if let choice = object["tool_choice"] {
            guard !names.isEmpty else { throw ToolSpecProblem(field: "tool_choice", message: "needs tools to choose from") }
            tools.choice = try ToolChoice.parse(choice, offered: names)
        }
        tools.agent = try AgentTask.parse(maxTurns: object["max_turns"], results: object["tool_results"], offered: names)
        return tools
    }
}
