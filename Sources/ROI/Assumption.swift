/// One figure the user should check before trusting the result: a typical value repat ships where
/// the user may know better (staff, hosting, server price, traffic peak…), with where it comes from.
public struct Assumption: Sendable, Equatable {
    /// What it is (`staff`, `colocation`).
    public var name: String
    /// Its value with units, as the model used it.
    public var value: String
    /// Where it comes from.
    public var source: String
    /// When it was read (or the day it applies to, for the exchange rate); empty when unknown.
    public var date: String
    /// Whether the user's `--config` set it.
    public var overridden: Bool

    /// Creates an assumption.
    public init(name: String, value: String, source: String, date: String, overridden: Bool) {
        self.name = name
        self.value = value
        self.source = source
        self.date = date
        self.overridden = overridden
    }
}

/// Dates in `YYYY-MM-DD` form, counted in days, for the staleness check.
public enum CalendarDay {
    /// Days older than this make a price or rate stale.
    public static let staleAfterDays = 180

    /// Days since 1970-01-01 of `text` (`2026-12-07`, extra characters after the date ignored);
    /// nil when it does not start with a date.
    public static func ordinal(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Days from civil (proleptic Gregorian), after H. Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days from `date` to `today`; nil when either is not a date.
    public static func age(of date: String, today: String) -> Int? {
        guard let then = ordinal(date), let now = ordinal(today) else { return nil }
        return now - then
    }
}
