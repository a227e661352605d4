/// Reads `pricing/providers.yaml` (and `providers_facts:` rows of a `--config`): each problem one
/// line naming the file, line and field.
enum ProviderFactsParser {
    /// Fields of one provider row.
    static let fields = [
        "name", "jurisdiction", "parent", "parent_jurisdiction", "cloud_act", "why", "eu_processing", "eu_terms", "retention", "training",
        "certifications", "secnumcloud_offer", "sources", "read",
    ]
    /// Certifications every row states (scope, or `not stated …`).
    static let certifications = ["secnumcloud", "hds", "iso27001", "c5"]

    /// The rows under `providers:` of the file at `file`.
    /// - Throws: ``ROIError`` naming the file, line and field.
    static func load(file: String) throws(ROIError) -> [ProviderFacts] {
        let root = try YAMLValue.load(file: file)
        try root.allowOnly(["providers"])
        return try rows(try root.required("providers"))
    }

    /// `{id: {name, jurisdiction, …}}`.
    static func rows(_ value: YAMLValue) throws(ROIError) -> [ProviderFacts] {
        try value.entries().map { entry throws(ROIError) in try row(id: entry.key, entry.value) }
    }

    /// One provider row.
    static func row(id: String, _ value: YAMLValue) throws(ROIError) -> ProviderFacts {
        try value.allowOnly(fields)
        let certificationsValue = try value.required("certifications")
        try certificationsValue.allowOnly(certifications)
        let scopes = try certifications.map { name throws(ROIError) in Certification(name: name, scope: try certificationsValue.required(name).text()) }
        let processing = try value.required("eu_processing")
        guard let euProcessing = EUProcessing(rawValue: try processing.text()) else {
            throw processing.error("expected one of \(EUProcessing.allCases.map(\.rawValue).joined(separator: ", ")), got '\(try processing.text())'")
        }
        return ProviderFacts(
            id: id, name: try value.required("name").text(), jurisdiction: try country(try value.required("jurisdiction")),
            parent: try value.required("parent").text(), parentJurisdiction: try country(try value.required("parent_jurisdiction")),
            cloudAct: try yesNo(try value.required("cloud_act")), cloudActReason: try value.required("why").text(),
            euProcessing: euProcessing, euTerms: try value.required("eu_terms").text(), retention: try value.required("retention").text(),
            training: try value.required("training").text(), certifications: scopes,
            secNumCloudOffer: try yesNo(try value.required("secnumcloud_offer")),
            sources: try value.required("sources").items().map { item throws(ROIError) in try item.text() },
            read: try value.required("read").text()
        )
    }

    /// A two-letter country code, or `EU`.
    static func country(_ value: YAMLValue) throws(ROIError) -> String {
        let code = try value.text().uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw value.error("expected a two-letter country code (FR, DE, US) or EU, got '\(code)'")
        }
        return code
    }

    /// `yes`/`no` or `true`/`false`.
    static func yesNo(_ value: YAMLValue) throws(ROIError) -> Bool {
        switch try value.text().lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        case let other: throw value.error("expected yes or no, got '\(other)'")
        }
    }
}
