/// A small, fast, seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// Every random decision of the simulator (output words, early EOS, injected errors, ids) comes
/// from one of these, so a run is reproducible from ``EngineProfile/seed`` and the requests' seeds.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform value in `0..<1` with 53 bits of precision.
    mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// SplitMix64's finalizer: a bijective scramble of 64 bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Derives an independent seed from a root seed, a purpose tag and a value, so streams drawn
    /// for different purposes (errors, outputs, ids) do not correlate.
    static func derive(_ root: UInt64, _ purpose: UInt64, _ value: UInt64) -> UInt64 {
        mix(mix(root ^ mix(purpose)) &+ value)
    }

    /// `count` lowercase hex digits drawn from a generator seeded with `seed`.
    static func hexDigits(_ count: Int, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var out = ""
        while out.count < count {
            let digits = String(generator.next(), radix: 16)
            out += String(repeating: "0", count: 16 - digits.count) + digits
        }
        return String(out.prefix(count))
    }
}
