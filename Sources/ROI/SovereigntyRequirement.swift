/// A condition `repat roi --require` puts on every option (docs/roi.md, "Where the data goes").
public enum SovereigntyRequirement: String, Sendable, CaseIterable, Comparable {
    /// The provider and its parent are in an EU member state and outside the US CLOUD Act.
    case euJurisdiction = "eu-jurisdiction"
    /// The data is processed in the EU, and the option is priced at that offer's price.
    case euProcessing = "eu-processing"
    /// The offer priced is SecNumCloud-qualified (ANSSI); on-prem needs no cloud qualification.
    case secNumCloud = "secnumcloud"

    /// The requirement named `text`.
    /// - Throws: ``ROIError`` listing the valid names.
    public static func parse(_ text: String) throws(ROIError) -> SovereigntyRequirement {
        guard let requirement = SovereigntyRequirement(rawValue: text.lowercased()) else {
            throw ROIError("--require \(text): unknown requirement; valid: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return requirement
    }

    public static func < (lhs: SovereigntyRequirement, rhs: SovereigntyRequirement) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
