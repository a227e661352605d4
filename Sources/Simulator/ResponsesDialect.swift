import Workload

/// OpenAI's Responses API as OpenAI and vLLM serve it: `POST /v1/responses`, answered with one
/// `response` object or a stream of typed events (see ``ResponsesEncoder``). Errors and the
/// model listing are OpenAI's (``OpenAIDialect``).
enum ResponsesDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseResponses(body: body, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        ResponsesEncoder(request: request, context: context)
    }

    /// OpenAI's error object (see ``OpenAIDialect/errorResponse(_:)``).
    static func errorResponse(_ error: APIError) -> ErrorResponse {
        OpenAIDialect.errorResponse(error)
    }

    /// `tools[] {type: function, name, parameters}`, `tool_choice` (`auto`, `none`, `required`
    /// or `{"type":"function","name":…}`), and a last input item of type `function_call_output`.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        var offered: [OfferedTool] = []
        for (index, tool) in ((body["tools"] as? [[String: Any]]) ?? []).enumerated() where tool["type"] as? String == "function" {
            guard let name = tool["name"] as? String, !name.isEmpty else {
                throw .invalidRequest("'tools[\(index)].name' is required", param: "tools")
            }
            offered.append(OfferedTool(name: name, schema: tool["parameters"]))
        }
        request.tools = offered
        switch body["tool_choice"] {
        case let text as String:
            request.toolChoice = ["auto": .auto, "none": ToolChoice.none, "required": .required][text]
        case let object as [String: Any]:
            request.toolChoice = (object["name"] as? String).map(ToolChoice.function)
        default:
            break
        }
        request.answersToolResult = ((body["input"] as? [[String: Any]])?.last?["type"] as? String) == "function_call_output"
    }

    /// OpenAI's model list.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        OpenAIDialect.modelList(profile: profile, now: now)
    }
}
