import Testing
import Workload

@Suite("Workload generator")
struct WorkloadGeneratorTests {
    private let spec = WorkloadSpec(promptTokens: 64, maxTokens: 32)

    @Test("the same seed and index give an identical item")
    func reproducible() {
        let first = WorkloadGenerator(spec: spec, seed: 42)
        let second = WorkloadGenerator(spec: spec, seed: 42)
        for index in [0, 1, 17, 9_999] {
            #expect(first.item(at: index) == second.item(at: index))
        }
    }

    @Test("different indexes and different seeds give different text")
    func distinct() {
        let prompts = WorkloadGenerator(spec: spec, seed: 42)
        let texts = Set((0..<200).map { prompts.item(at: $0).text })
        #expect(texts.count == 200)
        #expect(WorkloadGenerator(spec: spec, seed: 43).item(at: 0).text != prompts.item(at: 0).text)
    }

    @Test("a prompt has exactly prompt_tokens words and carries max_tokens", arguments: [1, 7, 64, 1000])
    func wordCount(tokens: Int) {
        let item = WorkloadGenerator(spec: WorkloadSpec(promptTokens: tokens, maxTokens: 5), seed: 1).item(at: 3)
        #expect(item.index == 3)
        #expect(item.maxTokens == 5)
        #expect(item.messages.count == 1)
        #expect(item.messages[0].role == "user")
        let words = item.messages[0].content.split(separator: " ", omittingEmptySubsequences: false)
        #expect(words.count == tokens)
        #expect(words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase } })
    }

    @Test("the system prompt is prepended and the user text is unchanged by it")
    func systemPrompt() {
        let withSystem = WorkloadGenerator(spec: WorkloadSpec(promptTokens: 10, maxTokens: 4, systemPrompt: "Be brief."), seed: 9)
        let without = WorkloadGenerator(spec: WorkloadSpec(promptTokens: 10, maxTokens: 4), seed: 9)
        let item = withSystem.item(at: 5)
        #expect(item.messages.map(\.role) == ["system", "user"])
        #expect(item.messages[0].content == "Be brief.")
        #expect(item.messages[1] == without.item(at: 5).messages[0])
        #expect(item.text == "Be brief.\n\n" + item.messages[1].content)
    }

    @Test("items do not depend on the order in which they are generated")
    func orderIndependent() {
        let prompts = WorkloadGenerator(spec: spec, seed: 42)
        let forward = (0..<50).map { prompts.item(at: $0) }
        let backward = (0..<50).reversed().map { prompts.item(at: $0) }.reversed()
        #expect(forward == Array(backward))
        #expect(prompts.item(at: 30) == forward[30])
    }
}
