import RepatSupport

/// Names the random stream one comparison row draws its bootstrap resamples from, so a row's
/// interval depends only on its own data, the seed and what it measures: not on which other
/// metrics, targets or levels are compared, nor on their order.
public enum ComparisonStream {
    /// The stream of the row for `metric` at `target` and `loadLevel`: a 64-bit FNV-1a hash of the
    /// three names, stable across processes, platforms and Swift versions (unlike `hashValue`,
    /// which is randomized per process).
    public static func id(target: String, loadLevel: String, metric: String) -> UInt64 {
        var hash = StableHash()
        for name in [target, loadLevel, metric] {
            hash.add(name)
            // A unit separator (0x1F) after each name keeps ("a", "bc") apart from ("ab", "c").
            hash.add(0x1F)
        }
        return hash.value
    }
}
