/// Reads `pricing/models.yaml`: `families: {id: {name, weights, parameters_b, active_parameters_b,
/// licence, aliases, source, read}}`.
enum ModelCatalogParser {
    /// The fields of one family.
    static let familyKeys = ["name", "weights", "parameters_b", "active_parameters_b", "licence", "aliases", "source", "read"]

    /// Reads the catalogue file at `file`.
    /// - Throws: ``ROIError`` naming the file, line and field.
    static func load(file: String) throws(ROIError) -> ModelCatalog {
        let root = try YAMLValue.load(file: file)
        try root.allowOnly(["families"])
        var families: [ModelFamily] = []
        for entry in try root.required("families").entries() {
            families.append(try family(id: entry.key, entry.value))
        }
        do {
            return try ModelCatalog(families: families)
        } catch {
            throw ROIError("\(file): \(error.description)")
        }
    }

    /// One family entry.
    static func family(id: String, _ value: YAMLValue) throws(ROIError) -> ModelFamily {
        try value.allowOnly(familyKeys)
        let weightsText = try value.required("weights").text()
        guard let weights = ModelFamily.Weights(rawValue: weightsText) else {
            throw value.error("weights: '\(weightsText)' is not one of \(ModelFamily.Weights.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let total = try value.field("parameters_b")?.number(in: 0.001...100_000)
        let active = try value.field("active_parameters_b")?.number(in: 0.001...100_000)
        if let active, let total, active > total {
            throw value.error("active_parameters_b: \(active) is more than parameters_b \(total)")
        }
        let licence = try value.field("licence")?.text()
        if weights == .open, licence == nil { throw value.error("missing field 'licence' (open weights carry their licence)") }
        return ModelFamily(
            id: id, name: try value.required("name").text(), weights: weights, parametersB: total, activeParametersB: active, licence: licence,
            aliases: try value.field("aliases")?.items().map { item throws(ROIError) in try item.text() } ?? [],
            source: try value.required("source").text(), read: try value.required("read").text()
        )
    }
}
