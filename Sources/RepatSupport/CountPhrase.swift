/// A count with its noun in the right number, for lines a person reads: `1 request`,
/// `0 requests`, `2 servers`.
public enum CountPhrase {
    /// `count` followed by `singular`, or by `plural` (default: `singular` + "s") unless the
    /// count is exactly 1.
    public static func text(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
