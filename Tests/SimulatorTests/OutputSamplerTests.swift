import Testing

@testable import Simulator

@Suite("OutputSampler length rules")
struct OutputSamplerTests {
    private func draw(_ sampler: OutputSampler) -> [SampledToken] {
        var sampler = sampler
        var tokens: [SampledToken] = []
        while !sampler.isFinished { tokens.append(sampler.nextToken()) }
        return tokens
    }

    @Test("ignore_eos yields exactly max_tokens tokens ending with finish_reason length")
    func ignoreEOS() {
        let tokens = draw(OutputSampler(maxTokens: 40, minTokens: 0, ignoreEOS: true, eosProbability: 0.9, seed: 1))
        #expect(tokens.count == 40)
        #expect(tokens.last?.finishReason == .length)
        #expect(tokens.dropLast().allSatisfy { $0.finishReason == nil })
        #expect(tokens.allSatisfy { $0.text.hasPrefix(" ") && $0.text.count > 1 })
    }

    @Test("early EOS stops with finish_reason stop, never before min_tokens, same for the same seed")
    func earlyStop() {
        let make = { OutputSampler(maxTokens: 1000, minTokens: 5, ignoreEOS: false, eosProbability: 0.3, seed: 7) }
        let first = draw(make())
        #expect(first.count >= 5)
        #expect(first.count < 1000)
        #expect(first.last?.finishReason == .stop)
        #expect(draw(make()) == first)
        let other = draw(OutputSampler(maxTokens: 1000, minTokens: 5, ignoreEOS: false, eosProbability: 0.3, seed: 8))
        #expect(other.map(\.text) != first.map(\.text))
    }

    @Test("the simulated tokenizer counts whitespace-separated words")
    func tokenizer() {
        #expect(SimulatedTokenizer.countTokens("  hello   big\tworld\n ") == 3)
        #expect(SimulatedTokenizer.countTokens("") == 0)
    }
}
