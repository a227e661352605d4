/// A 64-bit FNV-1a hash of text: the same value in every process, on every platform and Swift
/// version (unlike `hashValue`, which is randomized per process), for seeds and stream numbers
/// derived from names.
public struct StableHash: Sendable {
    /// The hash of everything added so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// An empty hash.
    public init() {}

    /// The hash of `text`'s UTF-8 bytes.
    public init(_ text: String) {
        add(text)
    }

    /// Adds `text`'s UTF-8 bytes.
    public mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    /// Adds one byte.
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
    }
}
