/// A function a request offers the model to call: its name, what it does, and the JSON Schema of
/// its arguments. Sent in each dialect's own shape (OpenAI `tools[].function`, Anthropic
/// `tools[].input_schema`, Gemini `functionDeclarations`, Bedrock `toolConfig`, Ollama `tools`).
public struct ToolFunction: Sendable, Hashable {
    /// The function's name, as the model must call it.
    public var name: String
    /// What the function does, for the model; empty when not given.
    public var description: String
    /// The arguments' JSON Schema as compact JSON text, sent as it is.
    public var parametersJSON: String
    /// The same schema, for judging the arguments a call carries (``JSONSchemaCheck``).
    public var parameters: JSONSchemaCheck

    /// Creates a function.
    public init(name: String, description: String = "", parametersJSON: String, parameters: JSONSchemaCheck) {
        self.name = name
        self.description = description
        self.parametersJSON = parametersJSON
        self.parameters = parameters
    }
}

/// Whether and which function the model must call (`tool_choice`).
public enum ToolChoice: Sendable, Hashable {
    /// The model decides.
    case auto
    /// No call.
    case none
    /// Some call is required.
    case required
    /// This function must be called.
    case function(String)
}

/// The JSON Schema a structured-output request asks the answer to follow (OpenAI
/// `response_format: json_schema`, Ollama `format`, Gemini `responseSchema`).
public struct OutputSchema: Sendable, Hashable {
    /// The schema's name (OpenAI requires one).
    public var name: String
    /// The schema as compact JSON text, sent as it is.
    public var schemaJSON: String
    /// The same schema, for judging the answer (``JSONSchemaCheck``).
    public var schema: JSONSchemaCheck

    /// Creates an output schema.
    public init(name: String, schemaJSON: String, schema: JSONSchemaCheck) {
        self.name = name
        self.schemaJSON = schemaJSON
        self.schema = schema
    }
}
