/// How answers are compared as text: one normalisation for `exact`, `contains`, `one_of` and the
/// agreement between two targets' answers.
///
/// Normalising lowercases, turns every punctuation mark and symbol into a space, drops the English
/// articles `a`, `an` and `the`, and joins the remaining words with single spaces (SQuAD's rule),
/// so `"The answer: Paris."` and `"answer paris"` are equal.
public enum AnswerText {
    /// Articles dropped by ``normalised(_:)``.
    static let articles: Set<String> = ["a", "an", "the"]

    /// The answer's words after normalisation, in order.
    public static func words(_ text: String) -> [String] {
        var spaced = ""
        spaced.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            let isMark = properties.generalCategory.isPunctuationOrSymbol
            spaced.unicodeScalars.append(isMark || properties.isWhitespace ? " " : scalar)
        }
        return spaced.split(separator: " ").map(String.init).filter { !articles.contains($0) }
    }

    /// The normalised text: ``words(_:)`` joined by single spaces.
    public static func normalised(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// Token-overlap F1 of two answers (0…1): the harmonic mean of the share of `answer`'s words
    /// found in `reference` and the share of `reference`'s words found in `answer`, each word
    /// counted as often as it occurs in both (a multiset intersection). Two empty answers score 1,
    /// one empty answer 0.
    public static func f1(_ answer: String, _ reference: String) -> Double {
        let given = words(answer)
        let wanted = words(reference)
        if given.isEmpty || wanted.isEmpty { return given.isEmpty && wanted.isEmpty ? 1 : 0 }
        var counts: [String: Int] = [:]
        for word in wanted { counts[word, default: 0] += 1 }
        var common = 0
        for word in given where counts[word, default: 0] > 0 {
            counts[word, default: 0] -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(given.count)
        let recall = Double(common) / Double(wanted.count)
        return 2 * precision * recall / (precision + recall)
    }
}

extension Unicode.GeneralCategory {
    /// Punctuation (`.,;:!?'"()[]{}-…`) or a symbol (`$+<=>^|~`…).
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
