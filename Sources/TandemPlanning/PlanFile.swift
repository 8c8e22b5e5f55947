import Foundation
import TandemDomain

/// The `tandem plan` input file: vendors and one request, decoded and validated with the path
/// of any field at fault (`vendors[2].timeZone: unknown time zone "Europe/Pariss"`).
public struct PlanFile: Sendable {
    public var vendors: [PlanningVendor]
    public var request: FeasibilityRequest

    public init(vendors: [PlanningVendor], request: FeasibilityRequest) {
        self.vendors = vendors
        self.request = request
    }

    public static func decode(_ data: Data) throws -> PlanFile {
        let raw: RawFile
        do {
            raw = try JSONDecoder().decode(RawFile.self, from: data)
        } catch let error as DecodingError {
            throw PlanningInputError(decoding: error)
        }
        guard let rawVendors = raw.vendors else {
            throw PlanningInputError(field: "vendors", .required)
        }
        guard let rawRequest = raw.request else {
            throw PlanningInputError(field: "request", .required)
        }
        var vendors: [PlanningVendor] = []
        var seen: [VendorID: Int] = [:]
        for (i, v) in rawVendors.enumerated() {
            let vendor = try v.vendor(field: "vendors[\(i)]")
            if let earlier = seen[vendor.id] {
                throw PlanningInputError(
                    field: "vendors[\(i)].id", .duplicateVendor(id: vendor.id.rawValue, earlier: "vendors[\(earlier)]"))
            }
            seen[vendor.id] = i
            vendors.append(vendor)
        }
        return PlanFile(vendors: vendors, request: try rawRequest.request())
    }
}

extension PlanningInputError {
    init(decoding error: DecodingError) {
        func path(_ keys: [CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "file" : text
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(field: path(context.codingPath + [key]), .required)
        case let .valueNotFound(type, context):
            self.init(field: path(context.codingPath), .null(expected: Self.kind(of: type)))
        case let .typeMismatch(type, context):
            self.init(field: path(context.codingPath), .wrongType(expected: Self.kind(of: type)))
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                self.init(
                    field: "file",
                    .notJSON(
                        detail: context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
                    ))
            } else {
                self.init(field: path(context.codingPath), .unreadable(detail: context.debugDescription))
            }
        @unknown default:
            self.init(field: "file", .unreadable(detail: "\(error)"))
        }
    }

    static func kind(of type: Any.Type) -> ValueKind {
        switch type {
        case is Int.Type: return .wholeNumber
        case is Double.Type: return .number
        case is String.Type: return .string
        case is Bool.Type: return .boolean
        default: return "\(type)".hasPrefix("Array") ? .list : .object
        }
    }
}

// MARK: - Raw shapes, as written in the file

private struct RawFile: Decodable {
    var vendors: [RawVendor]?
    var request: RawRequest?
}

private struct RawHours: Decodable {
    var days: [String]
    var from: String
    var to: String
}

/// `workingHours` is one `{days, from, to}` object or a list of them.
private struct RawHoursList: Decodable {
    var periods: [RawHours]
    init(from decoder: Decoder) throws {
        if let list = try? [RawHours](from: decoder) {
            periods = list
            return
        }
        periods = [try RawHours(from: decoder)]
    }
}

private struct RawRange: Decodable {
    var id: String?
    var from: String
    var to: String
    var probability: Double?
}

private struct RawCapability: Decodable {
    var source: String
    var target: String
    var service: String
    var wordsPerHour: Int
    var costPerWord: String
    var currency: String
}

private struct RawVendor: Decodable {
    var id: String
    var timeZone: String
    var workingHours: RawHoursList?
    var absences: [RawRange]?
    var booked: [RawRange]?
    var tentative: [RawRange]?
    var capabilities: [RawCapability]?

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
        for (i, a) in (absences ?? []).enumerated() {
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
            do { currency = try CurrencyCode(c.currency) } catch {
                throw PlanningInputError(field: "\(f).currency", .notACurrency(c.currency, example: "EUR"))
            }
            guard !c.service.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PlanningInputError(field: "\(f).service", .noService)
            }
            guard c.wordsPerHour > 0 else {
                throw PlanningInputError(field: "\(f).wordsPerHour", .notAPositiveWholeNumber(got: "\(c.wordsPerHour)"))
            }
            guard let cost = Decimal(canonical: c.costPerWord), cost >= 0 else {
                throw PlanningInputError(field: "\(f).costPerWord", .notAnAmount(c.costPerWord))
            }
            capabilitiesOut.append(
                Capability(
                    pair: LanguagePair(source: source, target: target), service: Service(c.service),
                    wordsPerHour: c.wordsPerHour, costPerWord: Money(cost, currency)))
        }
        return PlanningVendor(
            id: VendorID(id), timeZone: timeZone, workingHours: rawPeriods == nil ? [.officeHours] : periods,
            absences: absencesOut, booked: bookedOut, tentative: tentativeOut, capabilities: capabilitiesOut)
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

private struct RawStep: Decodable {
    var service: String
    var words: Int
}

private struct RawTarget: Decodable {
    var source: String
    var target: String
    var steps: [RawStep]
}

private struct RawRequest: Decodable {
    var start: String
    var deadline: String
    var maxVendorsPerStep: Int?
    var targets: [RawTarget]
    var preferredVendors: [String]?
    var excludedVendors: [String]?
    var exchangeRates: RawRates?

    func request() throws -> FeasibilityRequest {
        guard let start = Instant(iso8601: start) else {
            throw PlanningInputError(
                field: "request.start", .notAnInstant(self.start, example: "2027-03-01T08:00:00Z"))
        }
        guard let deadline = Instant(iso8601: deadline) else {
            throw PlanningInputError(
                field: "request.deadline", .notAnInstant(self.deadline, example: "2027-03-04T17:00:00Z"))
        }
        var targetsOut: [TargetRequest] = []
        for (t, raw) in targets.enumerated() {
            let f = "request.targets[\(t)]"
            let source: LanguageTag
            let target: LanguageTag
            do { source = try LanguageTag(raw.source) } catch {
                throw PlanningInputError(field: "\(f).source", .notALanguageTag(raw.source))
            }
            do { target = try LanguageTag(raw.target) } catch {
                throw PlanningInputError(field: "\(f).target", .notALanguageTag(raw.target))
            }
            targetsOut.append(
                TargetRequest(
                    source: source, target: target,
                    steps: raw.steps.map { StepRequest(service: Service($0.service), words: $0.words) }))
        }
        return FeasibilityRequest(
            start: start, deadline: deadline, maxVendorsPerStep: maxVendorsPerStep ?? 1, targets: targetsOut,
            preferredVendors: (preferredVendors ?? []).map { VendorID($0) },
            excludedVendors: (excludedVendors ?? []).map { VendorID($0) },
            exchangeRates: try exchangeRates?.rates(field: "request.exchangeRates"))
    }
}

/// `{"currency": "EUR", "rates": {"USD": "0.92"}}`: rates are strings, never floats.
private struct RawRates: Decodable {
    var currency: String
    var rates: [String: String]

    func rates(field: String) throws -> ExchangeRates {
        guard let base = try? CurrencyCode(currency) else {
            throw PlanningInputError(field: "\(field).currency", .notACurrency(currency, example: "EUR"))
        }
        var out: [String: Decimal] = [:]
        for (code, text) in rates.sorted(by: { $0.key < $1.key }) {
            guard let currency = try? CurrencyCode(code) else {
                throw PlanningInputError(field: "\(field).rates.\(code)", .notACurrency(code, example: "USD"))
            }
            guard let rate = Decimal(canonical: text), rate > 0 else {
                throw PlanningInputError(field: "\(field).rates.\(code)", .notAPositiveRate(text))
            }
            out[currency.code] = rate
        }
        return ExchangeRates(currency: base, rates: out)
    }
}
