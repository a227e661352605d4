import Testing
import Workload

/// Words in a message (generated text is single-space separated).
private func wordCount(_ text: String) -> Int {
    text.split(separator: " ").count
}

@Suite("Workload shapes")
struct WorkloadShapeTests {
    /// Every feature at once: length distributions, a system prompt, shared prefixes, three turns.
    private static let rich = WorkloadSpec(
        source: .synthetic(promptTokens: .lognormal(mean: 40, stddev: 20, min: 5, max: 200)),
        maxTokens: .uniform(min: 4, max: 30),
        systemPrompt: "Answer briefly.",
        sharedPrefix: SharedPrefix(groups: 3, tokens: 25),
        turns: 3
    )

    @Test("the same spec and seed give identical items, whatever the order they are built in")
    func reproducible() {
        let first = WorkloadGenerator(spec: Self.rich, seed: 5)
        let second = WorkloadGenerator(spec: Self.rich, seed: 5)
        let forward = (0..<60).map { first.item(at: $0) }
        let backward = Array((0..<60).reversed().map { second.item(at: $0) }.reversed())
        #expect(forward == backward)
        #expect(forward.map(\.index) == Array(0..<60))
        let other = WorkloadGenerator(spec: Self.rich, seed: 6)
        #expect((0..<60).filter { other.item(at: $0) == forward[$0] }.isEmpty)
    }

    @Test("prompt word counts and budgets follow their length distributions")
    func lengthsFollowDistributions() {
        let spec = WorkloadSpec(source: .synthetic(promptTokens: .uniform(min: 10, max: 20)), maxTokens: .normal(mean: 100, stddev: 20, min: 1, max: 1_000))
        let items = (0..<2_000).map { WorkloadGenerator(spec: spec, seed: 8).item(at: $0) }
        let words = items.map { wordCount($0.messages[0].content) }
        #expect(words.allSatisfy { (10...20).contains($0) })
        #expect(Set(words) == Set(10...20))
        let wordStats = SampleStatistics(words)
        // Uniform over 11 values: sd √((11² − 1)/12) ≈ 3.16.
        #expect(abs(wordStats.mean - 15) <= 6 * wordStats.standardErrorOfMean(sd: 3.17))

        let budgets = items.map(\.maxTokens)
        #expect(budgets.allSatisfy { (1...1_000).contains($0) })
        let budgetStats = SampleStatistics(budgets)
        // Bounds 5 sd away from the mean, so clamping does not bias the sd.
        #expect(abs(budgetStats.mean - 100) <= 6 * budgetStats.standardErrorOfMean(sd: 20), "budget mean \(budgetStats.mean)")
        #expect(abs(budgetStats.standardDeviation - 20) <= 6 * 20 / (2 * Double(budgets.count)).squareRoot(), "budget sd \(budgetStats.standardDeviation)")
    }

    @Test("conversations in the same prefix group share the same system prefix; other groups differ")
    func sharedPrefix() throws {
        let spec = WorkloadSpec(
            source: .synthetic(promptTokens: .fixed(12)), maxTokens: .fixed(4), sharedPrefix: SharedPrefix(groups: 3, tokens: 40)
        )
        let generator = WorkloadGenerator(spec: spec, seed: 17)
        let items = (0..<12).map { generator.item(at: $0) }
        #expect(items.allSatisfy { $0.messages.map(\.role) == ["system", "user"] })
        let prefixes = items.map(\.messages[0].content)
        #expect(prefixes.allSatisfy { wordCount($0) == 40 })
        for index in 3..<12 {
            #expect(prefixes[index] == prefixes[index % 3], "conversation \(index) uses group \(index % 3)")
        }
        #expect(Set(prefixes).count == 3)
        #expect(Set(items.map(\.messages[1].content)).count == 12, "the user text still differs per conversation")
        #expect(WorkloadGenerator(spec: spec, seed: 18).item(at: 0).messages[0].content != prefixes[0], "prefixes come from the seed")
    }

    @Test("a shared prefix follows the conversation, not the request, and joins the system prompt in one system message")
    func sharedPrefixPerConversation() throws {
        var spec = Self.rich
        spec.source = .synthetic(promptTokens: .fixed(8))
        let generator = WorkloadGenerator(spec: spec, seed: 3)
        // turns 3, groups 3: requests 0-2 are conversation 0 (group 0), 3-5 conversation 1, 9-11 conversation 3 (group 0).
        let system = generator.item(at: 0).messages[0]
        #expect(system.role == "system")
        #expect(system.content.hasPrefix("Answer briefly.\n\n"))
        #expect(generator.item(at: 0).messages.filter { $0.role == "system" }.count == 1, "one system message: strict chat templates refuse two")
        #expect(generator.item(at: 0).messages[1].role == "user")
        let prefix = { (index: Int) in String(generator.item(at: index).messages[0].content.dropFirst("Answer briefly.\n\n".count)) }
        #expect(prefix(0) == prefix(1) && prefix(1) == prefix(2))
        #expect(prefix(0) == prefix(9))
        #expect(prefix(0) != prefix(3))
        #expect(prefix(3) != prefix(6))
    }

    @Test("turn t of a conversation replays the t earlier turns: their user messages, seeded replies of their budgets")
    func multiTurn() throws {
        let spec = WorkloadSpec(
            source: .synthetic(promptTokens: .uniform(min: 5, max: 15)), maxTokens: .uniform(min: 3, max: 40),
            systemPrompt: "Be kind.", turns: 3
        )
        let generator = WorkloadGenerator(spec: spec, seed: 23)
        for session in 0..<20 {
            let turns = (0..<3).map { generator.item(at: 3 * session + $0) }
            for (t, item) in turns.enumerated() {
                #expect(item.messages.map(\.role) == ["system"] + Array(repeating: ["user", "assistant"], count: t).flatMap { $0 } + ["user"])
                #expect(item.messages[0].content == "Be kind.")
                for earlier in 0..<t {
                    let user = item.messages[1 + 2 * earlier]
                    let reply = item.messages[2 + 2 * earlier]
                    #expect(user == turns[earlier].messages.last, "session \(session) turn \(t): user message of turn \(earlier)")
                    #expect(wordCount(reply.content) == turns[earlier].maxTokens, "the reply to turn \(earlier) is as long as its budget")
                }
                let prompt = item.messages.last?.content ?? ""
                #expect((5...15).contains(wordCount(prompt)))
                #expect((3...40).contains(item.maxTokens))
            }
            // Each turn's request is the previous turn's request plus a reply and a new user message.
            #expect(Array(turns[1].messages.prefix(2)) == turns[0].messages)
            #expect(Array(turns[2].messages.prefix(4)) == turns[1].messages)
        }
        let replies = (0..<20).map { generator.item(at: 3 * $0 + 2).messages[2].content }
        #expect(Set(replies).count == 20, "synthetic replies differ between conversations")
    }

    @Test("dataset workloads cycle the entries in file order, with the entry's budget or else the workload's")
    func datasetCycles() {
        let entries = [
            PromptDataset.Entry(messages: [ChatMessage(role: "user", content: "first")], maxTokens: 11),
            PromptDataset.Entry(messages: [ChatMessage(role: "system", content: "sys"), ChatMessage(role: "user", content: "second")], maxTokens: nil),
            PromptDataset.Entry(messages: [ChatMessage(role: "user", content: "third")], maxTokens: 33),
        ]
        let spec = WorkloadSpec(source: .dataset(path: "prompts.jsonl", format: .jsonl), maxTokens: .fixed(77))
        let generator = WorkloadGenerator(spec: spec, seed: 1, dataset: PromptDataset(entries: entries))
        for index in 0..<10 {
            let item = generator.item(at: index)
            #expect(item.messages == entries[index % 3].messages, "item \(index)")
            #expect(item.maxTokens == [11, 77, 33][index % 3], "item \(index)")
        }
        #expect(WorkloadGenerator(spec: spec, seed: 2, dataset: PromptDataset(entries: entries)).item(at: 4) == generator.item(at: 4), "dataset text does not depend on the seed")
    }

    @Test("a dataset entry without a budget draws one from the workload's distribution")
    func datasetBudgetDistribution() {
        let entries = [PromptDataset.Entry(messages: [ChatMessage(role: "user", content: "hi")], maxTokens: nil)]
        let spec = WorkloadSpec(source: .dataset(path: "p.jsonl", format: .jsonl), maxTokens: .uniform(min: 10, max: 12))
        let generator = WorkloadGenerator(spec: spec, seed: 4, dataset: PromptDataset(entries: entries))
        let budgets = (0..<200).map { generator.item(at: $0).maxTokens }
        #expect(Set(budgets) == [10, 11, 12])
    }

    @Test("with tokensPerWord 1.25 a length of N tokens becomes round(N / 1.25) words", arguments: [(100, 80), (101, 81), (102, 82), (7, 6), (1, 1)])
    func calibrationScaling(tokens: Int, words: Int) {
        let spec = WorkloadSpec(
            source: .synthetic(promptTokens: .fixed(tokens)), maxTokens: .fixed(9), sharedPrefix: SharedPrefix(groups: 1, tokens: tokens)
        )
        let item = WorkloadGenerator(spec: spec, seed: 2, tokensPerWord: 1.25).item(at: 0)
        #expect(wordCount(item.messages[0].content) == words, "shared prefix")
        #expect(wordCount(item.messages[1].content) == words, "prompt")
        #expect(item.maxTokens == 9, "output budgets are tokens and are not scaled")
    }

    @Test("a non-positive tokensPerWord falls back to one word per token")
    func badCalibration() {
        let generator = WorkloadGenerator(spec: WorkloadSpec(promptTokens: 30, maxTokens: 3), seed: 1, tokensPerWord: 0)
        #expect(generator.tokensPerWord == 1)
        #expect(wordCount(generator.item(at: 0).messages[0].content) == 30)
    }

    @Test("sample text has the requested number of words and depends only on its seed")
    func sampleText() {
        let text = WorkloadGenerator.sampleText(words: 250, seed: 9)
        #expect(text.split(separator: " ", omittingEmptySubsequences: false).count == 250)
        #expect(WorkloadGenerator.sampleText(words: 250, seed: 9) == text)
        #expect(WorkloadGenerator.sampleText(words: 250, seed: 10) != text)
        #expect(WorkloadGenerator.sampleText(words: 20, seed: 9) == text.split(separator: " ").prefix(20).joined(separator: " "))
    }
}

@Suite("Workload roles")
struct WorkloadRoleTests {
    @Test("a dataset entry's system turn is merged into the leading system message and never repeated in later turns")
    func datasetSystemTurnsStayInFront() {
        let entries = [
            PromptDataset.Entry(messages: [ChatMessage(role: "user", content: "first question")], maxTokens: 4),
            PromptDataset.Entry(messages: [ChatMessage(role: "system", content: "Be a teacher."), ChatMessage(role: "user", content: "second question")], maxTokens: 5),
        ]
        let spec = WorkloadSpec(source: .dataset(path: "d.jsonl", format: .jsonl), maxTokens: .fixed(8), systemPrompt: "Global.", turns: 2)
        let generator = WorkloadGenerator(spec: spec, seed: 1, dataset: PromptDataset(entries: entries))
        // Conversation 0: turn 0 is entry 0, turn 1 is entry 1 (whose system turn comes mid-conversation).
        let second = generator.item(at: 1)
        #expect(second.messages.map(\.role) == ["system", "user", "assistant", "user"])
        #expect(second.messages[0].content == "Global.")
        #expect(second.messages[3].content == "second question")
        let opening = WorkloadGenerator(spec: WorkloadSpec(source: .dataset(path: "d.jsonl", format: .jsonl), maxTokens: .fixed(8), systemPrompt: "Global."), seed: 1, dataset: PromptDataset(entries: entries)).item(at: 1)
        #expect(opening.messages.map(\.role) == ["system", "user"])
        #expect(opening.messages[0].content == "Global.\n\nBe a teacher.")
    }
}
