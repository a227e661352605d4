import Dialects

extension ResponseDecoder {
    /// Feeds `bytes` as the transport would: a buffer valid only during the call.
    mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        bytes.withUnsafeBytes { consume($0, receivedAt: receivedAt) }
    }
}
