import TandemDomain

/// Proleptic Gregorian arithmetic on day numbers (days since 1970-01-01), free of time zones.
enum CivilCalendar {
    static func floorDivMod(_ a: Int, _ b: Int) -> (Int, Int) {
        let q = a >= 0 ? a / b : -((-a + b - 1) / b)
        return (q, a - q * b)
    }

    /// Howard Hinnant's `days_from_civil`.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func date(fromDayNumber days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A calendar day in a vendor's own time zone, `2027-03-01`.
public struct LocalDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let dayNumber: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { return nil }
        dayNumber = CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        let d = CivilCalendar.date(fromDayNumber: dayNumber)
        return String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
    }

    public var weekday: Weekday { Weekday.of(dayNumber: dayNumber) }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalDay(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "“\(text)” is not a date such as 2027-03-01")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Planning's arithmetic on the domain's `Weekday` (`mon` … `sun`).
extension Weekday {
    /// 0 for Monday … 6 for Sunday.
    var index: Int {
        switch self {
        case .mon: return 0
        case .tue: return 1
        case .wed: return 2
        case .thu: return 3
        case .fri: return 4
        case .sat: return 5
        case .sun: return 6
        }
    }

    static let byIndex: [Weekday] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]

    /// 1970-01-01 was a Thursday.
    static func of(dayNumber: Int) -> Weekday { byIndex[CivilCalendar.floorDivMod(dayNumber + 3, 7).1] }

    /// `mon` or `monday`, any case.
    init?(planCode text: String) {
        let lower = text.lowercased()
        let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let day = Weekday(rawValue: lower) {
            self = day
        } else if let i = full.firstIndex(of: lower) {
            self = Weekday.byIndex[i]
        } else {
            return nil
        }
    }
}
