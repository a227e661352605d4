extension AnthropicEncoder {
    /// `content_block_start` of a `tool_use` block at `index` (id, name, empty `input`).
    func toolBlockStart(_ call: ToolCallPlan, index: Int) -> StreamEvent {
        var out = JSONWriter()
        out.raw(#"{"type":"content_block_start","index":\#(index),"content_block":{"type":"tool_use","id":"#)
        out.string(call.id(prefix: "toolu_"))
        out.raw(#","name":"#)
        out.string(call.name)
        out.raw(#","input":{}}}"#)
        return StreamEvent(name: "content_block_start", payload: out.text)
    }

    /// One argument piece as an `input_json_delta` of the block at `index`.
    func toolInputDelta(_ token: SampledToken, index: Int) -> StreamEvent {
        var out = JSONWriter()
        out.raw(#"{"type":"content_block_delta","index":\#(index),"delta":{"type":"input_json_delta","partial_json":"#)
        out.string(token.text)
        out.raw("}}")
        return StreamEvent(name: "content_block_delta", payload: out.text)
    }

    /// The non-streamed `tool_use` block, `input` as the arguments' value.
    func toolUseBlock(_ call: ToolCallPlan) -> String {
        var out = JSONWriter()
        out.raw(#"{"type":"tool_use","id":"#)
        out.string(call.id(prefix: "toolu_"))
        out.raw(#","name":"#)
        out.string(call.name)
        out.raw(#","input":"# + call.argumentsValueJSON + "}")
        return out.text
    }

    /// `tool_use` for a call that ended, else as for text (``stopReason(_:)``).
    func stopReason(_ reason: FinishReason) -> String {
        toolCall != nil && reason == .stop ? "tool_use" : Self.stopReason(reason)
    }
}
