import Foundation

/// A span of local working time in one day, in minutes after midnight; `to` may be 1440 (24:00).
public struct WorkingInterval: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var fromMinute: Int
    public var toMinute: Int

    public init(fromMinute: Int, toMinute: Int) {
        self.fromMinute = fromMinute
        self.toMinute = toMinute
    }

    /// Parses "09:00-17:00" (also with an en dash). Throws a keyed error naming `field`.
    public init(parsing text: String, field: String) throws {
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2, let from = Self.minute(parts[0]), let to = Self.minute(parts[1]), from < to else {
            throw DomainError.invalid(
                field, "error.working_hours.invalid", ["value": text],
                fallback: "“\(text)” is not a span of working time; write it like 09:00-17:00.")
        }
        self.init(fromMinute: from, toMinute: to)
    }

    public var minutes: Int { toMinute - fromMinute }

    public var description: String { Self.clock(fromMinute) + "-" + Self.clock(toMinute) }

    public static func < (a: Self, b: Self) -> Bool { (a.fromMinute, a.toMinute) < (b.fromMinute, b.toMinute) }

    static func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }
}

/// Local working time per weekday, several intervals a day allowed (e.g. 08:00-12:00 and
/// 13:00-17:00). Encoded as `{"mon": ["09:00-17:00"], ...}`; days without work are left out.
public struct WorkingHours: Hashable, Codable, Sendable {
    public private(set) var days: [Weekday: [WorkingInterval]]

    public init(_ days: [Weekday: [WorkingInterval]]) {
        self.days = days.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
    }

    /// Parses `{"mon": ["09:00-17:00"]}`-style text values; every bad entry is reported, named
    /// `field.mon` and so on. Overlapping intervals on one day are an error.
    public init(parsing text: [String: [String]], field: String = "workingHours") throws {
        var errors: [DomainError] = []
        var days: [Weekday: [WorkingInterval]] = [:]
        for (name, spans) in text.sorted(by: { $0.key < $1.key }) {
            guard let day = Weekday(rawValue: name.lowercased()) else {
                errors.append(
                    .invalid(
                        "\(field).\(name)", "error.working_hours.day", ["value": name],
                        fallback: "“\(name)” is not a weekday; use mon, tue, wed, thu, fri, sat or sun."))
                continue
            }
            var intervals: [WorkingInterval] = []
            for span in spans {
                do { intervals.append(try WorkingInterval(parsing: span, field: "\(field).\(name)")) } catch {
                    errors += error.domainErrors
                }
            }
            intervals.sort()
            if zip(intervals, intervals.dropFirst()).contains(where: { $0.toMinute > $1.fromMinute }) {
                errors.append(
                    .invalid(
                        "\(field).\(name)", "error.working_hours.overlap", ["day": name],
                        fallback: "The working hours of \(name) overlap; list each span once."))
            }
            days[day] = intervals
        }
        try ValidationErrors.check(errors)
        self.init(days)
    }

    public func intervals(on day: Weekday) -> [WorkingInterval] { days[day] ?? [] }

    /// Working minutes in a week.
    public var weeklyMinutes: Int { days.values.joined().map(\.minutes).reduce(0, +) }

    public var isEmpty: Bool { days.isEmpty }

    /// `["mon": ["09:00-17:00"]]`, the form of the API and of storage.
    public var textForm: [String: [String]] {
        Dictionary(uniqueKeysWithValues: days.map { ($0.key.rawValue, $0.value.map(\.description)) })
    }

    /// Monday to Friday, 09:00-17:00.
    public static let officeHours = WorkingHours(
        Dictionary(
            uniqueKeysWithValues: [Weekday.mon, .tue, .wed, .thu, .fri].map {
                ($0, [WorkingInterval(fromMinute: 540, toMinute: 1020)])
            }))

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode([String: [String]].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(textForm)
    }
}
