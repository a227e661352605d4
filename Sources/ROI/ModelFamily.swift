/// One model as the catalogue (`pricing/models.yaml`) knows it: every name providers and servers
/// give it leads here, whatever its quantisation.
public struct ModelFamily: Sendable, Equatable {
    /// What can be known of a family's weights.
    public enum Weights: String, Sendable, CaseIterable {
        /// Published weights: it can be served on your own hardware.
        case open
        /// Served only by its vendor's API.
        case closed
        /// A moving API alias (`mistral-small-latest`): the version behind it changes, so it is
        /// never taken for a given self-hosted model.
        case alias
    }

    /// Family id (`llama-3.3-70b`).
    public var id: String
    /// Display name (`Llama 3.3 70B Instruct`).
    public var name: String
    /// Open, closed or a moving alias.
    public var weights: Weights
    /// Total parameters, billions; nil when the vendor does not publish it.
    public var parametersB: Double?
    /// Parameters active per token for a mixture of experts, billions; nil for a dense model.
    public var activeParametersB: Double?
    /// Licence of the weights (`Apache-2.0`, `Llama 3.3 Community License`); nil for a closed family.
    public var licence: String?
    /// Names providers, hubs, Ollama and GGUF files use for it, as written in the catalogue.
    public var aliases: [String]
    /// Where the figures were read.
    public var source: String
    /// When.
    public var read: String

    /// Creates a family.
    public init(
        id: String, name: String, weights: Weights, parametersB: Double?, activeParametersB: Double?, licence: String?, aliases: [String],
        source: String, read: String
    ) {
        self.id = id
        self.name = name
        self.weights = weights
        self.parametersB = parametersB
        self.activeParametersB = activeParametersB
        self.licence = licence
        self.aliases = aliases
        self.source = source
        self.read = read
    }

    /// `70B parameters`, `117B parameters, 5.1B active`, or `parameters not published`.
    public var parametersText: String {
        guard let total = parametersB else { return "parameters not published" }
        let active = activeParametersB.map { ", \(Self.billions($0)) active" } ?? ""
        return "\(Self.billions(total)) parameters\(active)"
    }

    /// `Llama 3.3 70B Instruct (llama-3.3-70b, 70B parameters, Llama 3.3 Community License)`;
    /// closed families say so instead of a licence.
    public var description: String {
        let licenceText = weights == .open ? (licence ?? "licence not recorded") : weights == .closed ? "closed weights" : "version behind the alias moves"
        return "\(name) (\(id), \(parametersText), \(licenceText))"
    }

    /// `70B`, `0.135B`, `5.1B`.
    private static func billions(_ value: Double) -> String {
        let text = value >= 10 ? ROIFormat.number(value, decimals: 0) : ROIFormat.number(value, decimals: value >= 1 ? 1 : 3)
        return text + "B"
    }
}
