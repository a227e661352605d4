import ArgumentParser

/// A numeric option's value as typed, read as a number in the command's `validate()`: a value that
/// is not a number (`x`), or a negative one that ArgumentParser would take for an option (`-1`),
/// then exits 2 with one line naming the option instead of ArgumentParser's usage text (exit 64).
struct OptionText: ExpressibleByArgument, Sendable {
    /// The value as typed.
    let text: String

    init(argument: String) {
        text = argument
    }

    /// The value as a finite number; nil when it is not one (`nan`, `inf`, `x`).
    var number: Double? { Double(text).flatMap { $0.isFinite ? $0 : nil } }

    /// The value as a whole number; nil when it is not one (`1.5`, `x`).
    var integer: Int? { Int(text) }
}
