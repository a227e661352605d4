import RepatSupport

/// Appends JSON text by hand: the simulator's response chunks have a fixed shape, and building
/// them as strings keeps per-token cost low and the key order identical to vLLM's.
struct JSONWriter {
    /// The JSON text written so far.
    private(set) var text = ""

    /// Appends `fragment` verbatim; it must already be valid JSON syntax.
    mutating func raw(_ fragment: String) {
        text += fragment
    }

    /// Appends `value` as a quoted, escaped JSON string (``JSONString``).
    mutating func string(_ value: String) {
        JSONString.append(value, to: &text)
    }
}
