import RepatSupport
import Testing

@Suite("CSV fields")
struct CSVFieldTests {
    @Test(
        "text cells are quoted only when they hold a comma, quote or line break",
        arguments: [
            ("plain", "plain"),
            ("", ""),
            ("with space", "with space"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("\"", "\"\"\"\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("carriage\rreturn", "\"carriage\rreturn\""),
            ("crlf\r\nend", "\"crlf\r\nend\""),
            ("\"\u{301}accent", "\"\"\"\u{301}accent\""),
        ]
    )
    func quoting(value: String, expected: String) {
        #expect(CSVField.text(value) == expected)
    }

    @Test(
        "numbers are written with three decimals, rounded to the nearest thousandth",
        arguments: [
            (0.0, "0.000"),
            (1.0, "1.000"),
            (0.05, "0.050"),
            (12.3456, "12.346"),
            (0.0004, "0.000"),
            (0.0006, "0.001"),
            (999.9996, "1000.000"),
            (1_234_567.891, "1234567.891"),
            (-1.5, "-1.500"),
            (-0.0006, "-0.001"),
            (-0.0004, "0.000"),
            (-12.3456, "-12.346"),
        ]
    )
    func fixed3(value: Double, expected: String) {
        #expect(CSVField.fixed3(value) == expected)
    }

    @Test("nil, NaN and infinities are empty cells")
    func fixed3Empty() {
        #expect(CSVField.fixed3(nil) == "")
        #expect(CSVField.fixed3(.nan) == "")
        #expect(CSVField.fixed3(.infinity) == "")
        #expect(CSVField.fixed3(-.infinity) == "")
    }

    @Test(
        "seconds are written with six decimals and read back as the value rounded to the microsecond",
        arguments: [
            (0.0, "0.000000"),
            (1.25, "1.250000"),
            (12.3456789, "12.345679"),
            (0.0000004, "0.000000"),
            (-0.0000006, "-0.000001"),
            (3599.9999996, "3600.000000"),
        ]
    )
    func fixed6(value: Double, expected: String) throws {
        #expect(CSVField.fixed6(value) == expected)
        let read = try #require(Double(expected))
        #expect(read == (value * 1e6).rounded() / 1e6)
    }

    @Test("integers are written plainly, nil as empty")
    func integers() {
        #expect(CSVField.int(42) == "42")
        #expect(CSVField.int(-3) == "-3")
        #expect(CSVField.int(nil) == "")
    }
}
