/// Where measured requests go as they complete. Called concurrently from many tasks; an
/// implementation serialises internally and must not lose a record it accepted.
public protocol RecordSink: Sendable {
    /// Stores one record. Errors (disk full) are reported by ``failure`` rather than thrown, so a
    /// request's task never fails because of its sink.
    func write(_ record: RequestRecord)
    /// The first write error, if any, as one line.
    var failure: String? { get }
}
