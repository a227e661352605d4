import Testing
import Workload

/// The digest of `items`, each sent at the matching offset (or with none for closed loop).
private func digest(_ items: [PromptItem], offsets: [UInt64?]) -> String {
    var digest = WorkloadDigest()
    for (item, offset) in zip(items, offsets) {
        digest.add(item, scheduledOffsetNs: offset)
    }
    return digest.finalize()
}

@Suite("Workload digest")
struct WorkloadDigestTests {
    private static let items = (0..<20).map {
        WorkloadGenerator(spec: WorkloadSpec(promptTokens: 30, maxTokens: 16, systemPrompt: "Sys."), seed: 4).item(at: $0)
    }
    private static let offsets: [UInt64?] = ArrivalProcess.poisson.schedule(rate: 10, count: 20, durationNs: nil, seed: 4)

    @Test("the digest is 64 lower-case hex characters")
    func format() {
        let hex = digest(Self.items, offsets: Self.offsets)
        #expect(hex.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(WorkloadDigest().finalize() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty is SHA-256 of nothing")
    }

    @Test("equal items and offsets give equal digests")
    func equal() {
        let regenerated = (0..<20).map {
            WorkloadGenerator(spec: WorkloadSpec(promptTokens: 30, maxTokens: 16, systemPrompt: "Sys."), seed: 4).item(at: $0)
        }
        #expect(digest(Self.items, offsets: Self.offsets) == digest(regenerated, offsets: Self.offsets))
        #expect(digest(Self.items, offsets: Self.offsets) != digest(Self.items, offsets: Array(repeating: nil, count: 20)), "closed loop differs from open loop")
    }

    @Test("changing one word, one role, one budget, one offset or the order changes the digest")
    func sensitive() throws {
        let base = digest(Self.items, offsets: Self.offsets)

        var word = Self.items
        var content = word[7].messages[1].content.split(separator: " ").map(String.init)
        content[3] = content[3] == "data" ? "model" : "data"
        word[7].messages[1].content = content.joined(separator: " ")
        #expect(digest(word, offsets: Self.offsets) != base)

        var role = Self.items
        role[2].messages[0].role = "user"
        #expect(digest(role, offsets: Self.offsets) != base)

        var budget = Self.items
        budget[19].maxTokens += 1
        #expect(digest(budget, offsets: Self.offsets) != base)

        var offsets = Self.offsets
        offsets[11] = try #require(offsets[11]) + 1
        #expect(digest(Self.items, offsets: offsets) != base)

        #expect(digest(Self.items.reversed(), offsets: Self.offsets.reversed()) != base)
    }

    @Test("message boundaries are part of the digest")
    func boundaries() {
        let joined = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "a b")], maxTokens: 1)
        let split = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "a"), ChatMessage(role: "user", content: "b")], maxTokens: 1)
        #expect(digest([joined], offsets: [nil]) != digest([split], offsets: [nil]))
    }

    @Test("combined digests depend on every part and on their order")
    func combined() {
        func combine(_ parts: [String]) -> String {
            var digest = WorkloadDigest()
            for part in parts { digest.add(digest: part) }
            return digest.finalize()
        }
        let first = digest(Array(Self.items.prefix(10)), offsets: Array(Self.offsets.prefix(10)))
        let second = digest(Array(Self.items.suffix(10)), offsets: Array(Self.offsets.suffix(10)))
        #expect(combine([first, second]) == combine([first, second]))
        #expect(combine([first, second]) != combine([second, first]))
        #expect(combine([first, second]) != combine([first, first]))
    }
}
