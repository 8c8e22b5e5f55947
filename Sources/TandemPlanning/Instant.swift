import Foundation
import TandemDomain

/// A point in time in UTC, exact to the minute: whole minutes since 1970-01-01T00:00Z.
/// Encoded as an ISO-8601 UTC string such as `2027-03-03T17:00:00Z`, whatever the encoder's
/// date strategy, so every client reads the same text.
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// Truncates to the whole minute.
    public init(_ date: Date) { minutes = Int((date.timeIntervalSince1970 / 60).rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(minutes) * 60) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.minutes < rhs.minutes }

    public static func + (lhs: Instant, minutes: Int) -> Instant { Instant(minutes: lhs.minutes + minutes) }

    /// `2027-03-03T17:00:00Z`
    public var iso8601: String {
        let (day, minute) = CivilCalendar.floorDivMod(minutes, 1440)
        let d = CivilCalendar.date(fromDayNumber: day)
        return "\(pad(d.year, 4))-\(pad(d.month))-\(pad(d.day))T\(pad(minute / 60)):\(pad(minute % 60)):00Z"
    }

    public var description: String { iso8601 }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; seconds are truncated to the minute.
    public init?(iso8601 text: String) {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<(from + count)] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count >= 17,
            let year = number(0, 4), chars[4] == UInt8(ascii: "-"), let month = number(5, 2),
            chars[7] == UInt8(ascii: "-"),
            let day = number(8, 2), chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
            let hour = number(11, 2), chars[13] == UInt8(ascii: ":"), let minute = number(14, 2),
            let date = LocalDay(year: year, month: month, day: day), hour < 24, minute < 60
        else { return nil }
        var index = 16
        if index < chars.count, chars[index] == UInt8(ascii: ":") {
            guard let second = number(index + 1, 2), second < 61 else { return nil }
            index += 3
            if index < chars.count, chars[index] == UInt8(ascii: ".") {
                index += 1
                let digitsStart = index
                while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
                guard index > digitsStart else { return nil }
            }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        if chars[index] == UInt8(ascii: "Z") || chars[index] == UInt8(ascii: "z") {
            guard index + 1 == chars.count else { return nil }
        } else if chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            let sign = chars[index] == UInt8(ascii: "+") ? 1 : -1
            guard let oh = number(index + 1, 2) else { return nil }
            var next = index + 3
            if next < chars.count, chars[next] == UInt8(ascii: ":") { next += 1 }
            guard let om = number(next, 2), next + 2 == chars.count, oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 60 + om)
        } else {
            return nil
        }
        minutes = date.dayNumber * 1440 + hour * 60 + minute - offset
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Instant(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "“\(text)” is not an ISO-8601 time such as 2027-03-01T08:00:00Z")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// A half-open span of UTC minutes `[start, end)`.
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { end.minutes - start.minutes }
    public var description: String { "\(start.iso8601)–\(end.iso8601)" }

    enum CodingKeys: String, CodingKey {
        case start = "from"
        case end = "to"
    }
}
