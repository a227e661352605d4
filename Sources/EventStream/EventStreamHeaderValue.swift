/// The value of an event-stream header, one case per wire value type (type codes 0 to 9).
public enum EventStreamHeaderValue: Sendable, Equatable {
    /// A boolean: type 0 (true) or 1 (false), with no value bytes.
    case bool(Bool)
    /// A signed byte: type 2.
    case byte(Int8)
    /// A 16-bit signed integer, big-endian: type 3.
    case short(Int16)
    /// A 32-bit signed integer, big-endian: type 4.
    case int(Int32)
    /// A 64-bit signed integer, big-endian: type 5.
    case long(Int64)
    /// Raw bytes, at most 65,535, behind a 16-bit length: type 6.
    case bytes([UInt8])
    /// UTF-8 text, at most 65,535 bytes, behind a 16-bit length: type 7.
    case string(String)
    /// Milliseconds since the Unix epoch, as a 64-bit signed integer: type 8.
    case timestamp(Int64)
    /// A UUID's 16 bytes: type 9.
    case uuid([UInt8])
}
