import Foundation

/// A day of the week, Monday first, as LSPs plan their working week.
public enum Weekday: String, CaseIterable, Codable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun
    public static func < (a: Weekday, b: Weekday) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A calendar day without time or zone, "2026-12-25".
public struct LocalDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard (1...9999).contains(year), let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date)
                == DateComponents(year: year, month: month, day: day)
        else {
            throw DomainError.invalid(
                "date", "error.date.nonexistent", ["input": "\(year)-\(month)-\(day)"],
                fallback: "\(year)-\(month)-\(day) is not a calendar date.")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO "yyyy-MM-dd".
    public init(iso text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            throw DomainError.invalid(
                "date", "error.date.invalid", ["input": text, "example": "2026-12-25"],
                fallback: "“\(text)” is not a date in the form 2026-12-25.")
        }
        try self.init(year: y, month: m, day: d)
    }

    public init(from decoder: Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

public struct PublicHoliday: Hashable, Codable, Sendable {
    public var date: LocalDate
    public var name: String
    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The LSP's own settings: one row per installation.
public struct OrganisationSettings: Hashable, Codable, Sendable {
    public var name: String
    public var baseCurrency: CurrencyCode
    public var timeZone: String
    public var workingDays: Set<Weekday>
    public var defaultLocale: String
    public var holidays: [PublicHoliday]

    public init(
        name: String, baseCurrency: CurrencyCode, timeZone: String, workingDays: Set<Weekday>,
        defaultLocale: String, holidays: [PublicHoliday]
    ) throws {
        // Every problem at once (`ValidationErrors`), in the order of the settings form.
        var errors: [DomainError] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 120 {
            errors.append(
                .invalid(
                    "name", "error.organisation.name", ["max": "120"],
                    fallback: "The organisation needs a name of 1 to 120 characters."))
        }
        if TimeZone(identifier: timeZone) == nil {
            errors.append(
                .invalid(
                    "timeZone", "error.time_zone.invalid", ["value": timeZone],
                    fallback: "“\(timeZone)” is not a time zone; use an IANA name such as Europe/Paris."))
        }
        if workingDays.isEmpty {
            errors.append(
                .invalid("workingDays", "error.working_days.required", fallback: "Choose at least one working day."))
        }
        let repeated = Dictionary(grouping: holidays, by: \.date).filter { $0.value.count > 1 }.keys.sorted()
        for date in repeated {
            errors.append(
                .invalid(
                    "holidays", "error.holidays.repeated", ["date": date.description],
                    fallback: "\(date) is listed twice; keep one line per holiday."))
        }
        try ValidationErrors.check(errors)
        self.name = trimmed
        self.baseCurrency = baseCurrency
        self.timeZone = timeZone
        self.workingDays = workingDays
        self.defaultLocale = defaultLocale
        self.holidays = holidays.sorted { $0.date < $1.date }
    }

    /// What a fresh installation starts with before the admin edits it.
    public static let initial = try! OrganisationSettings(
        name: "My LSP", baseCurrency: .eur, timeZone: "UTC",
        workingDays: [.mon, .tue, .wed, .thu, .fri], defaultLocale: "en", holidays: [])
}
