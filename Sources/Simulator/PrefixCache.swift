import RepatSupport

/// A model of automatic prefix caching (vLLM's, SGLang's radix cache): prompts are cut into blocks
/// of ``blockTokens`` words, each block named by a hash chained over everything before it, so a
/// block is found only when the whole prompt up to it was seen before. A request's leading blocks
/// already cached are not prefilled again.
///
/// The blocks are hashed from the request body's bytes, the same for every dialect: what precedes
/// the prompt (model name, message framing) is part of the first block, as a server's chat
/// template is part of its first cached block.
struct PrefixCache: Sendable {
    /// Words per block.
    static let blockTokens = 16

    /// Blocks kept at most; the least recently used go first.
    let capacity: Int
    private var lastUse: [UInt64: UInt64] = [:]
    private var clock: UInt64 = 0

    /// A cache of `capacity` blocks.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The chained hashes of the full blocks of whitespace-separated words in `bytes`.
    static func blocks(of bytes: [UInt8]) -> [UInt64] {
        var blocks: [UInt64] = []
        var hash = StableHash()
        var words = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if isSpace {
                if inWord {
                    words += 1
                    if words == blockTokens {
                        blocks.append(hash.value)
                        words = 0
                    }
                }
                inWord = false
                hash.add(0x20)
            } else {
                inWord = true
                hash.add(byte)
            }
        }
        return blocks
    }

    /// Looks `blocks` up and stores them: the tokens of the leading blocks that were cached.
    mutating func hit(_ blocks: [UInt64]) -> Int {
        clock += 1
        var leading = 0
        var matching = true
        for block in blocks {
            if matching, lastUse[block] != nil { leading += 1 } else { matching = false }
            lastUse[block] = clock
        }
        if lastUse.count > capacity { evictOldest() }
        return leading * Self.blockTokens
    }

    /// Drops the least recently used quarter of the blocks (at least down to capacity).
    private mutating func evictOldest() {
        let keep = capacity - capacity / 4
        let cutoff = lastUse.values.sorted(by: >)[min(keep, lastUse.count) - 1]
        lastUse = lastUse.filter { $0.value >= cutoff }
    }
}
