/// Reads big-endian integers and byte runs from a slice, returning `nil` when too few bytes remain.
struct ByteReader {
    private var bytes: ArraySlice<UInt8>

    /// A reader positioned at the start of `bytes`.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { bytes.isEmpty }

    /// The next byte.
    mutating func readByte() -> UInt8? {
        bytes.popFirst()
    }

    /// The next `count` bytes.
    mutating func read(_ count: Int) -> ArraySlice<UInt8>? {
        guard bytes.count >= count else { return nil }
        let run = bytes.prefix(count)
        bytes = bytes.dropFirst(count)
        return run
    }

    /// The next big-endian integer of type `T`.
    mutating func readBigEndian<T: FixedWidthInteger & UnsignedInteger>(_: T.Type) -> T? {
        guard let run = read(MemoryLayout<T>.size) else { return nil }
        return run.bigEndianInteger()
    }

    /// A run of bytes preceded by its big-endian `UInt16` length.
    mutating func readSized() -> ArraySlice<UInt8>? {
        guard let length = readBigEndian(UInt16.self) else { return nil }
        return read(Int(length))
    }
}

extension ArraySlice<UInt8> {
    /// These bytes read as one big-endian unsigned integer (at most `T`'s width of them).
    func bigEndianInteger<T: FixedWidthInteger & UnsignedInteger>(as _: T.Type = T.self) -> T {
        reduce(T.zero) { $0 << 8 | T($1) }
    }
}

extension [UInt8] {
    /// Appends `value` most significant byte first.
    mutating func appendBigEndian<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        for shift in stride(from: T.bitWidth - 8, through: 0, by: -8) {
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
