import Foundation
import TandemDomain

struct RawHours: Decodable {
    var days: [String]
    var from: String
    var to: String
}

/// `workingHours` is one `{days, from, to}` object or a list of them.
struct RawHoursList: Decodable {
    var periods: [RawHours]
    init(from decoder: Decoder) throws {
        if let list = try? [RawHours](from: decoder) {
            periods = list
            return
        }
        periods = [try RawHours(from: decoder)]
    }
}

struct RawRange: Decodable {
    var id: String?
    var from: String
    var to: String
    var probability: Double?
}

/// A decimal written as a JSON string ("0.8") or number (0.8): shares, grid percentages.
struct RawDecimal: Decodable {
    var text: String
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let string = try? c.decode(String.self) {
            text = string
        } else {
            text = "\(try c.decode(Double.self))"
        }
    }
    var value: Decimal? { Decimal(canonical: text) ?? Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
}

struct RawCapability: Decodable {
    var source: String
    var target: String
    var service: String
    var unit: String?
    var wordsPerHour: Int?
    var pagesPerHour: Int?
    var costPerWord: String?
    var costPerPage: String?
    var costPerHour: String?
    var currency: String
    var minimumFee: String?
    var rushCost: String?

    /// The throughput's unit and amount per hour.
    func throughput(field f: String) throws -> (WorkUnit, Int) {
        if let unit, WorkUnit(rawValue: unit) == nil {
            throw PlanningInputError(field: "\(f).unit", .wrongType(expected: .string))
        }
        if unit == "hour" {
            guard wordsPerHour == nil, pagesPerHour == nil else { throw PlanningInputError(field: f, .oneThroughput) }
            return (.hour, 60)
        }
        switch (wordsPerHour, pagesPerHour) {
        case (.some, .some): throw PlanningInputError(field: "\(f).pagesPerHour", .oneThroughput)
        case (nil, nil):
            throw PlanningInputError(field: unit == "page" ? "\(f).pagesPerHour" : "\(f).wordsPerHour", .required)
        case (let words?, nil):
            guard words > 0 else {
                throw PlanningInputError(field: "\(f).wordsPerHour", .notAPositiveWholeNumber(got: "\(words)"))
            }
            return (.word, words)
        case (nil, let pages?):
            guard pages > 0 else {
                throw PlanningInputError(field: "\(f).pagesPerHour", .notAPositiveWholeNumber(got: "\(pages)"))
            }
            return (.page, pages)
        }
    }

    func rate(unit: WorkUnit, currency: CurrencyCode, field f: String) throws -> VendorRate {
        let prices: [(String, String, WorkUnit)] = [
            ("costPerWord", costPerWord, WorkUnit.word), ("costPerPage", costPerPage, .page),
            ("costPerHour", costPerHour, .hour),
        ].compactMap { name, text, unit in text.map { (name, $0, unit) } }
        guard prices.count == 1, let (name, text, priceUnit) = prices.first else {
            throw PlanningInputError(field: prices.isEmpty ? "\(f).costPerWord" : "\(f).\(prices[1].0)", .onePrice)
        }
        guard priceUnit == .hour || priceUnit == unit else {
            throw PlanningInputError(field: "\(f).\(name)", .priceUnit(priceUnit.rawValue, unit: unit.rawValue))
        }
        func amount(_ text: String?, _ name: String) throws -> Money? {
            guard let text else { return nil }
            guard let value = Decimal(canonical: text), value >= 0 else {
                throw PlanningInputError(field: "\(f).\(name)", .notAnAmount(text))
            }
            return Money(value, currency)
        }
        return VendorRate(
            price: try amount(text, name)!, unit: priceUnit, minimumFee: try amount(minimumFee, "minimumFee"),
            rushPrice: try amount(rushCost, "rushCost"))
    }
}

struct RawVendor: Decodable {
    var id: String
    var timeZone: String
    var workingHours: RawHoursList?
    var absences: [RawRange]?
    var booked: [RawRange]?
    var tentative: [RawRange]?
    var capabilities: [RawCapability]?
    var maxBookedShare: RawDecimal?
    var workers: Int?
    var quality: Int?
    var grid: [String: RawDecimal]?

    func vendor(field: String) throws -> PlanningVendor {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PlanningInputError(field: "\(field).id", .empty)
        }
        guard ZoneRules(identifier: timeZone) != nil else {
            throw PlanningInputError(field: "\(field).timeZone", .unknownTimeZone(timeZone))
        }
        var periods: [WorkingPeriod] = []
        let rawPeriods = workingHours?.periods
        for (i, p) in (rawPeriods ?? []).enumerated() {
            let f = rawPeriods!.count == 1 ? "\(field).workingHours" : "\(field).workingHours[\(i)]"
            var days = Set<Weekday>()
            for (d, name) in p.days.enumerated() {
                guard let day = Weekday(planCode: name) else {
                    throw PlanningInputError(field: "\(f).days[\(d)]", .notAWeekday(name))
                }
                days.insert(day)
            }
            guard let from = Self.clock(p.from) else {
                throw PlanningInputError(field: "\(f).from", .notAClockTime(p.from, example: "09:00"))
            }
            guard let to = Self.clock(p.to) else {
                throw PlanningInputError(field: "\(f).to", .notAClockTime(p.to, example: "17:00"))
            }
            guard from < to else {
                throw PlanningInputError(field: "\(f).to", .notAfter(p.to, from: p.from))
            }
            periods.append(WorkingPeriod(days: days, fromMinute: from, toMinute: to))
        }
        var absencesOut: [Absence] = []
        var absentPeriods: [TimeRange] = []
        for (i, a) in (absences ?? []).enumerated() {
            if a.from.contains("T") {
                // Instants: part of a day (or more), `to` exclusive.
                absentPeriods.append(try Self.range(a, field: "\(field).absences[\(i)]"))
                continue
            }
            guard let from = LocalDay(iso: a.from) else {
                throw PlanningInputError(field: "\(field).absences[\(i)].from", .notADate(a.from))
            }
            guard let to = LocalDay(iso: a.to) else {
                throw PlanningInputError(field: "\(field).absences[\(i)].to", .notADate(a.to))
            }
            guard from <= to else {
                throw PlanningInputError(field: "\(field).absences[\(i)].to", .before(a.to, from: a.from))
            }
            absencesOut.append(Absence(from: from, to: to))
        }
        var bookedOut: [Booking] = []
        for (i, b) in (booked ?? []).enumerated() {
            bookedOut.append(
                Booking(id: b.id.map { BookingID($0) }, range: try Self.range(b, field: "\(field).booked[\(i)]")))
        }
        var tentativeOut: [TentativeBooking] = []
        for (i, b) in (tentative ?? []).enumerated() {
            let f = "\(field).tentative[\(i)]"
            guard let p = b.probability else {
                throw PlanningInputError(field: "\(f).probability", .required)
            }
            guard (0...1).contains(p) else {
                throw PlanningInputError(field: "\(f).probability", .notAProbability(got: "\(p)"))
            }
            tentativeOut.append(
                TentativeBooking(id: b.id.map { BookingID($0) }, range: try Self.range(b, field: f), probability: p))
        }
        var capabilitiesOut: [Capability] = []
        for (i, c) in (capabilities ?? []).enumerated() {
            let f = "\(field).capabilities[\(i)]"
            let source: LanguageTag
            let target: LanguageTag
            let currency: CurrencyCode
            do { source = try LanguageTag(c.source) } catch {
                throw PlanningInputError(field: "\(f).source", .notALanguageTag(c.source))
            }
            do { target = try LanguageTag(c.target) } catch {
                throw PlanningInputError(field: "\(f).target", .notALanguageTag(c.target))
            }
            guard !c.service.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PlanningInputError(field: "\(f).service", .noService)
            }
            let (unit, perHour) = try c.throughput(field: f)
            do { currency = try CurrencyCode(c.currency) } catch {
                throw PlanningInputError(field: "\(f).currency", .notACurrency(c.currency, example: "EUR"))
            }
            capabilitiesOut.append(
                Capability(
                    pair: LanguagePair(source: source, target: target), service: Service(c.service), unit: unit,
                    unitsPerHour: perHour, rate: try c.rate(unit: unit, currency: currency, field: f)))
        }
        var share: Decimal?
        if let raw = maxBookedShare {
            guard let value = raw.value, value > 0, value <= 1 else {
                throw PlanningInputError(field: "\(field).maxBookedShare", .notAShare(got: raw.text))
            }
            share = value
        }
        if let workers, workers < 1 {
            throw PlanningInputError(field: "\(field).workers", .tooSmall(got: "\(workers)", minimum: "1"))
        }
        if let quality, !(0...100).contains(quality) {
            throw PlanningInputError(field: "\(field).quality", .notAQualityScore(got: "\(quality)"))
        }
        return PlanningVendor(
            id: VendorID(id), timeZone: timeZone, workingHours: rawPeriods == nil ? [.officeHours] : periods,
            absences: absencesOut, absentPeriods: absentPeriods, booked: bookedOut, tentative: tentativeOut,
            capabilities: capabilitiesOut, maxBookedShare: share, workers: workers ?? 1, quality: quality,
            grid: try grid.map { try Self.grid($0, field: "\(field).grid") })
    }

    /// `{"100": "30", "95-99": "60"}`: percent of the full price per match band.
    static func grid(_ raw: [String: RawDecimal], field: String) throws -> CostGrid {
        var percent: [MatchBand: Decimal] = [:]
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let band = MatchBand(rawValue: name) else {
                throw PlanningInputError(field: "\(field).\(name)", .notABand(name))
            }
            guard let p = value.value, p >= 0 else {
                throw PlanningInputError(field: "\(field).\(name)", .notAnAmount(value.text))
            }
            percent[band] = p
        }
        return CostGrid(percent: percent)
    }

    static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 60 + m
    }

    static func range(_ raw: RawRange, field: String) throws -> TimeRange {
        guard let from = Instant(iso8601: raw.from) else {
            throw PlanningInputError(
                field: "\(field).from", .notAnInstant(raw.from, example: "2027-03-03T09:00:00Z"))
        }
        guard let to = Instant(iso8601: raw.to) else {
            throw PlanningInputError(
                field: "\(field).to", .notAnInstant(raw.to, example: "2027-03-03T13:00:00Z"))
        }
        guard to > from else {
            throw PlanningInputError(field: "\(field).to", .notAfter(raw.to, from: raw.from))
        }
        return TimeRange(start: from, end: to)
    }
}
