import Foundation

extension ExpectedAnswer {
    /// Whether `answer` (the response text as received) is correct; see each case for its rule.
    /// Called once per scored request, after it has ended, never on the transport thread.
    public func check(_ answer: String) -> Bool {
        switch self {
        case .exact(let text):
            return AnswerText.normalised(answer) == AnswerText.normalised(text)
        case .contains(let text):
            // Compared word by word, so "paris" is found in "it is paris" but not in "parisian".
            let given = " " + AnswerText.normalised(answer) + " "
            return given.contains(" " + AnswerText.normalised(text) + " ")
        case .regex(let pattern):
            guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
            let range = NSRange(answer.startIndex..., in: answer)
            return expression.firstMatch(in: answer, range: range) != nil
        case .oneOf(let texts):
            let given = AnswerText.normalised(answer)
            return texts.contains { AnswerText.normalised($0) == given }
        case .number(let value, let tolerance):
            guard let found = Self.firstNumber(in: answer) else { return false }
            return abs(found - value) <= tolerance + 1e-9 * max(1, abs(value))
        case .jsonSchema(let schema):
            guard let value = JSONSchemaCheck.jsonValue(in: answer) else { return false }
            return schema.accepts(value)
        }
    }

    /// The first number written in `text`: an optional minus sign, digits, an optional decimal
    /// part; a comma between digits is a thousands separator (`1,234` is 1234).
    static func firstNumber(in text: String) -> Double? {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            let negative = index > 0 && (characters[index - 1] == "-" || characters[index - 1] == "−")
            var digits = ""
            var sawPoint = false
            while index < characters.count {
                let character = characters[index]
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if character.isASCII && character.isNumber {
                    digits.append(character)
                } else if character == ",", next.isASCII, next.isNumber, !sawPoint {
                    // thousands separator: skipped
                } else if character == ".", !sawPoint, next.isASCII, next.isNumber {
                    sawPoint = true
                    digits.append(".")
                } else {
                    break
                }
                index += 1
            }
            return Double(digits).map { negative ? -$0 : $0 }
        }
        return nil
    }
}
