import Testing

@testable import Simulator

@Suite("known answers")
struct KnownAnswerTests {
    @Test("an answer's tokens start at spaces and join back to the answer exactly")
    func tokens() {
        #expect(KnownAnswer.tokens("the answer  is 42") == ["the", " answer", "  is", " 42"])
        #expect(KnownAnswer.tokens(#"{"age":31,"name":"Tom"}"#) == [#"{"age":31,"name":"Tom"}"#])
        let text = " spaced out answer "
        #expect(KnownAnswer.tokens(text).joined() == text)
    }

    @Test("a scripted sampler emits the answer and stops, or is cut at max_tokens")
    func script() {
        var sampler = OutputSampler(maxTokens: 10, minTokens: 0, ignoreEOS: false, eosProbability: 0, seed: 1, script: ["4", "2"])
        #expect(sampler.nextToken() == SampledToken(text: "4", finishReason: nil))
        #expect(sampler.nextToken() == SampledToken(text: "2", finishReason: .stop))
        #expect(sampler.isFinished)
        var cut = OutputSampler(maxTokens: 1, minTokens: 0, ignoreEOS: false, eosProbability: 0, seed: 1, script: ["4", "2"])
        #expect(cut.nextToken() == SampledToken(text: "4", finishReason: .length))
        #expect(cut.isFinished)
    }

    @Test("correct_share answers a known prompt right for about that share of requests, and the same seed alike")
    func share() {
        var profile = EngineProfile()
        profile.correctShare = 0.3
        profile.knownAnswers = ["What is 2 + 2?": KnownAnswer(correct: "4", wrong: "-1")]
        let known = InferenceRequest(kind: .chat, promptTokens: 4, maxTokens: 8, stream: true, promptKey: "What is 2 + 2?")
        let answers = (0..<2000).map { profile.answer(to: known, outputSeed: UInt64($0)) }
        let right = answers.filter { $0 == "4" }.count
        #expect(answers.allSatisfy { $0 == "4" || $0 == "-1" })
        #expect((540...660).contains(right), "\(right) of 2000")
        #expect((0..<2000).map { profile.answer(to: known, outputSeed: UInt64($0)) } == answers)
        let unknown = InferenceRequest(kind: .chat, promptTokens: 4, maxTokens: 8, stream: true, promptKey: "Something else")
        #expect(profile.answer(to: unknown, outputSeed: 1) == nil)
        profile.correctShare = nil
        #expect(profile.answer(to: known, outputSeed: 1) == nil)
    }
}
