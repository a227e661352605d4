/// Several sinks as one: each record goes to every sink, in order (`requests.csv`, then
/// `responses.jsonl` when the scenario saves responses).
public struct RecordSinks: RecordSink {
    private let sinks: [any RecordSink]

    /// The sinks, in the order records reach them.
    public init(_ sinks: [any RecordSink]) {
        self.sinks = sinks
    }

    /// Writes the record to every sink.
    public func write(_ record: RequestRecord) {
        for sink in sinks { sink.write(record) }
    }

    /// The first sink's failure, in order, if any failed.
    public var failure: String? { sinks.lazy.compactMap(\.failure).first }
}
