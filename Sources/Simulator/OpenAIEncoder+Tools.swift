extension OpenAIEncoder {
    /// The chunk opening the call: `delta.tool_calls[0]` with its `id`, `type` and
    /// `function.name`, and empty `arguments`, as vLLM sends it.
    func toolOpening(_ call: ToolCallPlan) -> StreamEvent {
        var out = header(object: "chat.completion.chunk")
        out.raw(#""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"#)
        out.string(call.id(prefix: "chatcmpl-tool-"))
        out.raw(#","type":"function","function":{"name":"#)
        out.string(call.name)
        out.raw(#","arguments":""}}]},"logprobs":null,"finish_reason":null}]"#)
        return chunk(&out)
    }

    /// One argument piece as `delta.tool_calls[0].function.arguments`; the last carries
    /// `finish_reason` `tool_calls` (or `length` when cut at max_tokens).
    func toolArguments(_ token: SampledToken) -> StreamEvent {
        var out = header(object: "chat.completion.chunk")
        out.raw(#""choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"#)
        out.string(token.text)
        out.raw(#"}}]},"logprobs":null,"finish_reason":"#)
        toolFinishReason(token.finishReason, into: &out)
        out.raw("}]")
        return chunk(&out)
    }

    /// The non-streamed answer: `message` with null `content` and `tool_calls` (the arguments as
    /// generated, cut short when max_tokens stopped them).
    func toolCallBody(_ call: ToolCallPlan, arguments: String, outcome: GenerationOutcome) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        out.raw(#","object":"chat.completion","created":\#(created),"model":"#)
        out.string(model)
        out.raw(#","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"#)
        out.string(call.id(prefix: "chatcmpl-tool-"))
        out.raw(#","type":"function","function":{"name":"#)
        out.string(call.name)
        out.raw(#","arguments":"#)
        out.string(arguments)
        out.raw(#"}}]},"logprobs":null,"finish_reason":"#)
        toolFinishReason(outcome.finishReason, into: &out)
        out.raw("}],")
        usage(outcome, into: &out)
        out.raw("}")
        return out.text
    }

    /// `tool_calls` for a call that ended, `length` for one cut at max_tokens, null before the end.
    private func toolFinishReason(_ reason: FinishReason?, into out: inout JSONWriter) {
        switch reason {
        case .stop?: out.raw(#""tool_calls""#)
        case .length?: out.raw(#""length""#)
        case nil: out.raw("null")
        }
    }
}
