/// Where an API sits in every table of the report, by the model it serves compared with the
/// on-prem model.
public enum APIGroup: Int, Sendable, Equatable, CaseIterable, Comparable {
    /// It serves the on-prem model's family.
    case sameModel
    /// A target of the runs called it, whatever its model.
    case measured
    /// It serves another model, or one the catalogue does not know: prices alone do not compare.
    case differentModel

    /// The group's heading: `same model`, `measured in this run`, `different model`.
    public var title: String {
        switch self {
        case .sameModel: "same model"
        case .measured: "measured in this run"
        case .differentModel: "different model"
        }
    }

    /// The group of an API serving `family` (nil: not in the catalogue), measured in the run or
    /// not, against the on-prem model's `onPrem` family (nil: unknown). Unknown on either side
    /// is never the same model.
    public static func of(family: ModelFamily?, measured: Bool, onPrem: ModelFamily?) -> APIGroup {
        if measured { return .measured }
        guard let family, let onPrem, family.weights == .open, family.id == onPrem.id else { return .differentModel }
        return .sameModel
    }

    /// Groups in table order.
    public static func < (lhs: APIGroup, rhs: APIGroup) -> Bool { lhs.rawValue < rhs.rawValue }
}
