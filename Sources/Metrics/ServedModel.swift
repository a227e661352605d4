/// The model a target's server says it serves, as far as it says (OpenAI-style `/v1/models`,
/// Ollama `/api/show`, llama.cpp `/props`); recorded in `run.json` beside the model the scenario
/// asked for. Every field is what the server reported, never inferred.
public struct ServedModel: Codable, Sendable, Equatable {
    /// The model's name or file as served (`meta-llama/Llama-3.3-70B-Instruct`,
    /// `llama3.3:70b`, `Llama-3.3-70B-Instruct-Q4_K_M.gguf`).
    public var name: String
    /// The architecture family the engine reports (Ollama `details.family`, e.g. `llama`).
    public var family: String?
    /// The parameter count as the engine writes it (Ollama `details.parameter_size`, e.g. `70.6B`).
    public var parameterSize: String?
    /// The quantisation the engine reports (Ollama `details.quantization_level`, e.g. `Q4_K_M`).
    public var quantization: String?
    /// The endpoint that told (`GET /v1/models`, `POST /api/show`, `GET /props`).
    public var reportedBy: String

    /// Creates a record.
    public init(name: String, family: String? = nil, parameterSize: String? = nil, quantization: String? = nil, reportedBy: String) {
        self.name = name
        self.family = family
        self.parameterSize = parameterSize
        self.quantization = quantization
        self.reportedBy = reportedBy
    }

    /// `llama3.3:70b (llama, 70.6B, Q4_K_M; from POST /api/show)`.
    public var description: String {
        let details = [family, parameterSize, quantization].compactMap { $0 }.filter { !$0.isEmpty }
        return name + " (" + (details.isEmpty ? "" : details.joined(separator: ", ") + "; ") + "from \(reportedBy))"
    }
}
