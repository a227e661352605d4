/// Why the verdict compares with the API it does (`docs/roi.md`, "Which API is compared").
public enum ReferenceChoice: Sendable, Equatable {
    /// Named with `--api`.
    case named
    /// An API target measured in the same run (the cheapest, when several were).
    case measured
    /// The cheapest of the `count` APIs serving the on-prem model's family.
    case sameModel(count: Int)
    /// Another model's API, compared because the quality of both was measured on the same prompts
    /// (set through ``ROIScenario/qualityCompared``).
    case qualityCompared
    /// No API serves the same model and quality was not compared: no automatic verdict; the
    /// cheapest API of another model is shown for orientation only.
    case orientationOnly

    /// Whether the verdict may say which option is cheaper.
    public var givesVerdict: Bool { self != .orientationOnly }
}
