/// CRC-32/IEEE (reflected polynomial `0xEDB88320`, initial value and final XOR `0xFFFFFFFF`): the
/// checksum zlib's `crc32` and gzip compute, and the one event-stream preludes and messages carry.
public enum CRC32 {
    /// The checksum of `bytes`.
    ///
    /// - Parameter seed: the checksum of the bytes that came before, to continue a running checksum
    ///   (`checksum(b, seed: checksum(a)) == checksum(a + b)`); `0` to start afresh.
    public static func checksum(_ bytes: some Sequence<UInt8>, seed: UInt32 = 0) -> UInt32 {
        var crc = ~seed
        let fast: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
            }
        }
        if fast == nil {
            for byte in bytes {
                crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
            }
        }
        return ~crc
    }

    /// The remainder of every byte value, one bit at a time, for the byte-at-a-time loop above.
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }
}
