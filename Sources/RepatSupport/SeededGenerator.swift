/// SplitMix64 (Steele, Lea & Flood): a small, fast, seedable generator whose output depends only
/// on its seed, on every platform and Swift version.
///
/// The one seeded generator of the project: the workload's prompts, lengths and arrival gaps and
/// every random decision of the simulator (output words, early EOS, injected errors, ids) draw from
/// it, so the same seed gives the same prompts and the same simulated responses years later. Its
/// outputs are pinned by tests: changing them changes every workload digest.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline
    var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item of a stream: independent of the others, reproducible alone.
    @inlinable
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ (stream &* Self.increment))
        state = mixer.next()
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias.
    @inlinable
    public mutating func next(below bound: Int) -> Int {
        Int(next(upperBound: UInt64(bound)))
    }

    /// A uniform value in `0..<1` with 53 bits of precision.
    @inlinable
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// SplitMix64's finalizer: a bijective scramble of 64 bits.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Derives an independent seed from a root seed, a purpose tag and a value, so streams drawn
    /// for different purposes (errors, outputs, ids) do not correlate.
    @inlinable
    public static func derive(_ root: UInt64, _ purpose: UInt64, _ value: UInt64) -> UInt64 {
        mix(mix(root ^ mix(purpose)) &+ value)
    }

    /// `count` lowercase hex digits drawn from a generator seeded with `seed` (ids, digests).
    public static func hexDigits(_ count: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var digits: [UInt8] = []
        digits.reserveCapacity(count + 15)
        while digits.count < count {
            let value = generator.next()
            for shift in stride(from: 60, through: 0, by: -4) {
                digits.append(Hex.lowercaseDigit(UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0x0F))
            }
        }
        return String(decoding: digits.prefix(count), as: UTF8.self)
    }

    /// The golden-ratio step added to the state before each output.
    @inlinable
    static var increment: UInt64 { 0x9E37_79B9_7F4A_7C15 }
}
