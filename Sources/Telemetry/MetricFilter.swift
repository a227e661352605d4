/// Which scraped metrics to keep: those whose family or sample name starts with one of the
/// prefixes, or all of them when there are none.
public struct MetricFilter: Sendable, Equatable {
    /// Name prefixes (`vllm:`, `DCGM_FI_DEV_POWER_USAGE`); empty keeps everything.
    public var prefixes: [String]

    /// Creates a filter.
    public init(prefixes: [String] = []) {
        self.prefixes = prefixes
    }

    /// The samples of `exposition` the filter keeps, in page order.
    public func samples(of exposition: PrometheusExposition) -> [PrometheusSample] {
        guard !prefixes.isEmpty else { return exposition.samples }
        return exposition.families.flatMap { family in
            keeps(family.name) ? family.samples : family.samples.filter { keeps($0.name) }
        }
    }

    private func keeps(_ name: String) -> Bool {
        prefixes.contains { name.hasPrefix($0) }
    }
}
