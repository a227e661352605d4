import RepatSupport

extension EngineProfile {
    /// The fixed answer to `request` when it is a known prompt and `correct_share` is set: correct
    /// for a seeded share of requests (drawn from `outputSeed`, so each request is decided on its
    /// own and the same seed decides alike), wrong otherwise; nil to generate the usual words.
    func answer(to request: InferenceRequest, outputSeed: UInt64) -> String? {
        guard let share = correctShare, let key = request.promptKey, let known = knownAnswers[key] else { return nil }
        var generator = SeededGenerator(seed: outputSeed ^ 0x414E_5357_4552)
        return known.text(share: share, draw: generator.nextUnitInterval())
    }
}
