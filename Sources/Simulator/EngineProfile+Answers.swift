import RepatSupport

extension EngineProfile {
    /// The fixed answer to `request`: for a structured-output request, an instance of its schema
    /// (invalid for a seeded share, `schema_invalid_rate`); for a known prompt when
    /// `correct_share` is set, the correct answer for a seeded share of requests, the wrong one
    /// otherwise; nil to generate the usual words. Every draw comes from `outputSeed`, so each
    /// request is decided on its own and the same seed decides alike.
    func answer(to request: InferenceRequest, outputSeed: UInt64) -> String? {
        if let schema = request.outputSchema {
            var generator = SeededGenerator(seed: outputSeed ^ 0x5343_4845_4D41)
            return SchemaAnswer.text(for: schema, invalidRate: schemaInvalidRate, draw: generator.nextUnitInterval())
        }
        guard let share = correctShare, let key = request.promptKey, let known = knownAnswers[key] else { return nil }
        var generator = SeededGenerator(seed: outputSeed ^ 0x414E_5357_4552)
        return known.text(share: share, draw: generator.nextUnitInterval())
    }
}
