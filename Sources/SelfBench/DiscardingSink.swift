import Metrics

/// A record sink that keeps nothing: selfbench measures the client, not the disk, so its steps
/// write no `requests.csv`; the level summaries hold every figure it reports.
struct DiscardingSink: RecordSink {
    /// Drops the record.
    func write(_ record: RequestRecord) {}

    /// Never fails.
    var failure: String? { nil }
}
