import Foundation
import RepatSupport

/// The text transformations SigV4 prescribes.
enum AWSSigV4Encoding {
    /// `bytes` with every byte but the unreserved ones (`A–Z a–z 0–9 - . _ ~`) written as `%XY`
    /// with upper-case hex digits.
    static func uriEncode(_ bytes: [UInt8]) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(bytes.count)
        for byte in bytes {
            if isUnreserved(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), Hex.uppercaseDigit(byte >> 4), Hex.uppercaseDigit(byte & 0x0F)]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Whether `byte` is an RFC 3986 unreserved character, left as is by ``uriEncode(_:)``.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// A header value as SigV4 canonicalizes it: leading and trailing spaces dropped and every run
    /// of spaces inside reduced to one.
    static func trimmedValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// A signing time in SigV4's two formats, in UTC.
struct AWSSigV4Time {
    /// `yyyyMMdd'T'HHmmss'Z'`, the `X-Amz-Date` value.
    let timestamp: String
    /// `yyyyMMdd`, the credential scope's date.
    let day: String

    /// `date` in UTC, to the second (fractions dropped), by the proleptic Gregorian calendar.
    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (civil, time) = secondOfDay < 0 ? (Self.civil(fromDays: days - 1), secondOfDay + 86_400) : (Self.civil(fromDays: days), secondOfDay)
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        day = padded(civil.year, 4) + padded(civil.month, 2) + padded(civil.day, 2)
        timestamp = day + "T" + padded(time / 3600, 2) + padded(time / 60 % 60, 2) + padded(time % 60, 2) + "Z"
    }

    /// Year, month and day of the `days`-th day after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
