/// The model the on-prem target served, as the run recorded it and the catalogue knows it.
public struct ModelIdentity: Sendable, Equatable {
    /// The model name the scenario sent (`model:`); nil when the run did not record one.
    public var requested: String?
    /// The model the server reported serving (`/v1/models`, Ollama `/api/show`, llama.cpp
    /// `/props`); nil when it did not say.
    public var served: String?
    /// The catalogue family of the served name, else of the requested one; nil when neither is
    /// in the catalogue.
    public var family: ModelFamily?

    /// Creates an identity.
    public init(requested: String? = nil, served: String? = nil, family: ModelFamily? = nil) {
        self.requested = requested
        self.served = served
        self.family = family
    }

    /// Looks the served name up in `catalog`, then the requested one.
    public init(requested: String?, served: String?, catalog: ModelCatalog) {
        self.init(requested: requested, served: served, family: catalog.family(named: served) ?? catalog.family(named: requested))
    }

    /// The name as run: the served one when the server told, else the requested one.
    public var name: String? { served ?? requested }

    /// `Llama 3.3 70B Instruct (llama-3.3-70b, 70B parameters, Llama 3.3 Community License)`, or
    /// `'my-model' (not in the model catalogue)`, or `a model not recorded in the run`.
    public var description: String {
        if let family { return family.description }
        guard let name else { return "a model not recorded in the run" }
        return "'\(name)' (not in the model catalogue)"
    }
}
