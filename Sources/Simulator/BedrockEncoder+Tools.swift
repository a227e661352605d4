extension BedrockEncoder {
    /// `contentBlockStart` of a `toolUse` block at `index` (id, name).
    func toolUseStart(_ call: ToolCallPlan, index: Int) -> StreamEvent {
        var out = JSONWriter()
        out.raw(#"{"contentBlockIndex":\#(index),"start":{"toolUse":{"toolUseId":"#)
        out.string(call.id(prefix: "tooluse_"))
        out.raw(#","name":"#)
        out.string(call.name)
        out.raw("}}}")
        return StreamEvent(name: "contentBlockStart", payload: out.text)
    }

    /// One argument piece as `delta.toolUse.input` of the block at `index`.
    func toolInputDelta(_ token: SampledToken, index: Int) -> StreamEvent {
        var out = JSONWriter()
        out.raw(#"{"contentBlockIndex":\#(index),"delta":{"toolUse":{"input":"#)
        out.string(token.text)
        out.raw("}}}")
        return StreamEvent(name: "contentBlockDelta", payload: out.text)
    }

    /// The non-streamed `toolUse` block, `input` as the arguments' value.
    func toolUseBlock(_ call: ToolCallPlan) -> String {
        var out = JSONWriter()
        out.raw(#"{"toolUse":{"toolUseId":"#)
        out.string(call.id(prefix: "tooluse_"))
        out.raw(#","name":"#)
        out.string(call.name)
        out.raw(#","input":"# + call.argumentsValueJSON + "}}")
        return out.text
    }

    /// `tool_use` for a call that ended, else as for text (``stopReason(_:)``).
    func stopReason(_ reason: FinishReason) -> String {
        toolCall != nil && reason == .stop ? "tool_use" : Self.stopReason(reason)
    }
}
