/// The shipped model catalogue (`pricing/models.yaml`): which names stand for which model.
/// A name is looked up by its ``ModelName/key(_:)``; a name the catalogue does not list matches
/// nothing — the catalogue never guesses.
public struct ModelCatalog: Sendable, Equatable {
    /// Every family, in file order.
    public let families: [ModelFamily]
    /// Family index by the key of each alias and of each family id.
    private let byKey: [String: Int]

    /// An empty catalogue: every name is unknown.
    public init() {
        families = []
        byKey = [:]
    }

    /// A catalogue of `families`.
    /// - Throws: ``ROIError`` when two families claim the same name (after normalisation), which
    ///   would make a match ambiguous.
    public init(families: [ModelFamily]) throws(ROIError) {
        var byKey: [String: Int] = [:]
        for (index, family) in families.enumerated() {
            for name in [family.id] + family.aliases {
                let key = ModelName.key(name)
                if let other = byKey[key], other != index {
                    throw ROIError("model family \(family.id): the name '\(name)' already belongs to \(families[other].id)")
                }
                byKey[key] = index
            }
        }
        self.families = families
        self.byKey = byKey
    }

    /// The family whose id or alias has the same key as `name`; nil for an unknown or empty name.
    public func family(named name: String?) -> ModelFamily? {
        guard let name, !name.isEmpty else { return nil }
        return byKey[ModelName.key(name)].map { families[$0] }
    }

    /// The family with id `id`.
    public func family(id: String) -> ModelFamily? {
        families.first { $0.id == id }
    }
}
