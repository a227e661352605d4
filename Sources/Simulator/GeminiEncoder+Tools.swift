extension GeminiEncoder {
    /// The `functionCall` part (`name`, `args` as the arguments' value; no id, as Gemini 2.x
    /// models send none); `finishReason` stays `STOP`, as Gemini ends a call.
    func functionCallPart(_ call: ToolCallPlan) -> String {
        var out = JSONWriter()
        out.raw(#"{"functionCall":{"name":"#)
        out.string(call.name)
        out.raw(#","args":"# + call.argumentsValueJSON + "}}")
        return out.text
    }
}

extension GeminiDialect {
    /// Gemini sends each call whole: a tool call is one token.
    static var streamsToolArguments: Bool { false }
}
