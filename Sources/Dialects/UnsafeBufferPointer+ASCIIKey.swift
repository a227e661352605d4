extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly `text`'s UTF-8: a length check, then a byte loop. Used to
    /// match JSON keys and SSE field names on the decoding hot path, where comparing against
    /// `String.UTF8View` costs a generic iteration per key.
    func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in
            for offset in 0..<count where self[offset] != expected[offset] { return false }
            return true
        }
    }
}
