/// The tornado of the saving per 1M tokens of buying over the reference API: each uncertain input
/// moved alone to its low and its high value, every other input at base.
enum TornadoAnalysis {
    /// One bar per input whose range is more than one value, widest swing first.
    static func tornado(model: SavingModel, inputs: [UncertainInput], currency: Currency, reference: APIPrice) -> Tornado {
        let bars = inputs.filter { !$0.isCollapsed }.map { input in
            func output(_ value: Double) -> Double {
                var values = model.base
                values[keyPath: input.path] = value
                return model.saving(values)
            }
            return TornadoBar(
                parameter: input.name, lowInput: input.text(input.low), highInput: input.text(input.high),
                lowOutput: output(input.low), highOutput: output(input.high)
            )
        }
        return Tornado(
            base: model.baseSaving,
            output: "saving per 1M tokens, buying vs \(reference.id) (\(currency.code); above 0: buying is cheaper)",
            bars: bars
        )
    }
}
