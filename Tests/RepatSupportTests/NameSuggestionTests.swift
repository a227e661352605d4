import RepatSupport
import Testing

@Suite("did-you-mean suggestions")
struct NameSuggestionTests {
    @Test("the nearest name within two edits is suggested; a far or exact name is not")
    func closest() {
        let names = ["max_num_seqs", "model_name", "seed"]
        #expect(NameSuggestion.closest(to: "max_num_seq", in: names) == "max_num_seqs")
        #expect(NameSuggestion.closest(to: "sede", in: names) == "seed")
        #expect(NameSuggestion.closest(to: "warp_factor", in: names) == nil)
        #expect(NameSuggestion.closest(to: "seed", in: names) == nil)
        #expect(NameSuggestion.closest(to: "b", in: ["a"]) == nil, "a whole short name replaced is no typo")
        #expect(NameSuggestion.closest(to: "aa", in: ["a"]) == "a")
    }

    @Test("the hint reads ` (did you mean 'NAME'?)`, or nothing")
    func hint() {
        #expect(NameSuggestion.hint(for: "concurency", in: ["concurrency", "rate"]) == " (did you mean 'concurrency'?)")
        #expect(NameSuggestion.hint(for: "banana", in: ["concurrency", "rate"]).isEmpty)
    }
}
