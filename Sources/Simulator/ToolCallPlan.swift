import RepatSupport
import Workload

/// The tool call the simulator answers a request with: which offered function, the arguments'
/// JSON text, and whether that text is a valid instance of the function's schema. Decided once
/// per request from its output seed, before any token is generated; the encoders stream
/// ``argumentPieces`` as the dialect's argument deltas.
struct ToolCallPlan: Sendable, Equatable {
    /// Hex digits of the call's id; each encoder adds its API's prefix (`call_`, `toolu_`, `tooluse_`).
    var idDigits: String
    /// The called function.
    var name: String
    /// The arguments as JSON text; cut short (so not JSON) when ``isValid`` is false.
    var argumentsJSON: String
    /// Whether the arguments parse and validate against the function's schema.
    var isValid: Bool

    /// The arguments where an API carries them as a JSON value (a whole call: Anthropic's and
    /// Bedrock's non-streamed `input`, Gemini's `args`, Ollama's `arguments`): the arguments
    /// themselves when valid, else the cut text as a JSON string (so the value is still JSON, and
    /// still no instance of the schema's object).
    var argumentsValueJSON: String {
        guard !isValid else { return argumentsJSON }
        var out = JSONWriter()
        out.string(argumentsJSON)
        return out.text
    }

    /// The call's id with `prefix` (`call_` for OpenAI).
    func id(prefix: String) -> String { prefix + idDigits }

    /// The arguments in pieces of up to four characters: one output token each, so a streamed
    /// call is as many argument deltas (their concatenation is ``argumentsJSON``).
    var argumentPieces: [String] {
        var pieces: [String] = []
        var current = ""
        for character in argumentsJSON {
            current.append(character)
            if current.count == 4 {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The call `request` gets, or nil for a text answer: nil when it offers no tools, its last
    /// message is a tool result, or its choice is `none`; a call when the choice requires one or
    /// names a function, else with probability ``ToolCallOptions/callRate``. The function is the
    /// named one or a seeded pick; its arguments are invalid (cut short) with probability
    /// ``ToolCallOptions/invalidArgumentsRate``. Every draw comes from `seed` (the request's output
    /// seed), so the same seed decides alike.
    static func decide(for request: InferenceRequest, options: EngineProfile.ToolCallOptions, seed: UInt64) -> ToolCallPlan? {
        guard !request.tools.isEmpty, !request.answersToolResult else { return nil }
        var generator = SeededGenerator(seed: seed ^ 0x544F_4F4C_4341_4C4C)
        let callDraw = generator.nextUnitInterval()
        let functionDraw = generator.next()
        let validityDraw = generator.nextUnitInterval()
        var tool = request.tools[Int(functionDraw % UInt64(request.tools.count))]
        switch request.toolChoice ?? .auto {
        case .none:
            return nil
        case .required:
            break
        case .function(let name):
            if let named = request.tools.first(where: { $0.name == name }) { tool = named }
        case .auto:
            guard callDraw < options.callRate else { return nil }
        }
        let valid = validityDraw >= options.invalidArgumentsRate
        var arguments = tool.exampleArguments
        if !valid { arguments.removeLast() }
        return ToolCallPlan(
            idDigits: SeededGenerator.hexDigits(24, seed: generator.next()), name: tool.name, argumentsJSON: arguments,
            isValid: valid)
    }
}
