/// "Did you mean …?" for a misspelt name: the closest of the accepted names, by edit distance.
///
/// One helper for every place that refuses a name (scenario fields, enumerated values, dialects,
/// providers, simulator options), so they all suggest the same way.
public enum NameSuggestion {
    /// The candidate within `maxDistance` edits (insertions, deletions, substitutions) of `name`,
    /// and fewer edits than `name` has characters (so a short name is not "corrected" into an
    /// unrelated one), the nearest first and, among equals, the first listed; nil when none is
    /// that close or `name` is itself a candidate.
    public static func closest(to name: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        guard !candidates.contains(name) else { return nil }
        let limit = min(maxDistance, name.count - 1)
        return candidates
            .map { ($0, editDistance(name, $0)) }
            .filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }?.0
    }

    /// ` (did you mean 'NAME'?)` for the closest candidate, or an empty string.
    public static func hint(for name: String, in candidates: [String]) -> String {
        closest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance between `a` and `b`, in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
