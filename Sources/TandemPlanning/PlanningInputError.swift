import TandemDomain

/// Input the planner cannot use, with the path of the field at fault (`vendors[2].timeZone`)
/// and what is wrong as a stable code with arguments (`unknown_time_zone`, value
/// `Europe/Pariss`). Like `FeasibilityReason`, it speaks in codes: `message` is the English
/// sentence; `PlanningText.text(for:localizer:)` writes it in the user's language from the
/// catalog key `plan.input.<code>`.
public struct PlanningInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var problem: Problem

    public init(field: String, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }

    /// The kind of value a field must hold (`plan.kind.<rawValue>` in the catalogs).
    public enum ValueKind: String, Hashable, Sendable, CaseIterable {
        case wholeNumber = "whole_number"
        case number, string, boolean, list, object

        var english: String {
            switch self {
            case .wholeNumber: return "a whole number"
            case .number: return "a number"
            case .string: return "a string"
            case .boolean: return "true or false"
            case .list: return "a list"
            case .object: return "an object"
            }
        }
    }

    /// What is wrong with the field. Values are as written in the file (or as the library got
    /// them), never reformatted, so they can be found in the input.
    public enum Problem: Hashable, Sendable {
        /// Missing.
        case required
        /// `null` where a value of this kind is expected.
        case null(expected: ValueKind)
        /// A value of another kind.
        case wrongType(expected: ValueKind)
        /// The file as a whole is not JSON; `detail` is the parser's (English) explanation.
        case notJSON(detail: String)
        /// The decoder could not read the value; `detail` is its (English) explanation.
        case unreadable(detail: String)
        /// An empty or blank text.
        case empty
        /// A vendor id used twice; `earlier` is the path of the first vendor with it.
        case duplicateVendor(id: String, earlier: String)
        case unknownVendor(id: String)
        case unknownTimeZone(String)
        case notAWeekday(String)
        /// Not a clock time such as `example` (09:00).
        case notAClockTime(String, example: String)
        /// Not a calendar day such as 2027-03-01.
        case notADate(String)
        /// Not an ISO 8601 instant such as `example`.
        case notAnInstant(String, example: String)
        /// A range's end that is not after its start (`from`).
        case notAfter(String, from: String)
        /// A range's last day that is before its first (`from`).
        case before(String, from: String)
        /// A deadline that is not after the request's start.
        case notAfterStart(String, start: String)
        /// Working hours outside one day or in the wrong order.
        case hoursOutsideDay
        case notAProbability(got: String)
        case notALanguageTag(String)
        /// Not an ISO 4217 code such as `example`.
        case notACurrency(String, example: String)
        /// A blank service name.
        case noService
        case notAPositiveWholeNumber(got: String)
        /// A number below `minimum`.
        case tooSmall(got: String, minimum: String)
        /// Not a decimal amount of zero or more (written as a string, such as "0.08").
        case notAnAmount(String)
        /// Not a positive decimal rate (written as a string, such as "0.92").
        case notAPositiveRate(String)
        case noTargets
        case noSteps
        /// A vendor's currency without a rate into the base currency (`base`).
        case missingRate(String, base: String)
        /// Not a share above 0 and at most 1 (`maxBookedShare`).
        case notAShare(got: String)
        /// Not a whole number from 0 to 100 (quality scores).
        case notAQualityScore(got: String)
        /// A step with none or several of words, pages and hours.
        case oneAmount
        /// Hours that are not a positive number of whole minutes (2.5, not 0 or 0.001).
        case notWholeMinutes(got: String)
        /// A capability with several throughputs (wordsPerHour and pagesPerHour).
        case oneThroughput
        /// A capability with none or several of costPerWord, costPerPage and costPerHour.
        case onePrice
        /// A price per word or page on a capability that does not count that unit (`unit`).
        case priceUnit(String, unit: String)
        /// Match bands that do not add up to the step's words.
        case bandsSum(got: String, words: String)
        /// Not a match band name.
        case notABand(String)
    }

    /// The stable snake_case code: the catalog key is `plan.input.<code>`.
    public var code: String {
        switch problem {
        case .required: return "required"
        case .null: return "null"
        case .wrongType: return "wrong_type"
        case .notJSON: return "not_json"
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .duplicateVendor: return "duplicate_vendor"
        case .unknownVendor: return "unknown_vendor"
        case .unknownTimeZone: return "unknown_time_zone"
        case .notAWeekday: return "not_a_weekday"
        case .notAClockTime: return "not_a_clock_time"
        case .notADate: return "not_a_date"
        case .notAnInstant: return "not_an_instant"
        case .notAfter: return "not_after"
        case .before: return "before"
        case .notAfterStart: return "not_after_start"
        case .hoursOutsideDay: return "hours_outside_day"
        case .notAProbability: return "not_a_probability"
        case .notALanguageTag: return "not_a_language_tag"
        case .notACurrency: return "not_a_currency"
        case .noService: return "no_service"
        case .notAPositiveWholeNumber: return "not_a_positive_whole_number"
        case .tooSmall: return "too_small"
        case .notAnAmount: return "not_an_amount"
        case .notAPositiveRate: return "not_a_positive_rate"
        case .noTargets: return "no_targets"
        case .noSteps: return "no_steps"
        case .missingRate: return "missing_rate"
        case .notAShare: return "not_a_share"
        case .notAQualityScore: return "not_a_quality_score"
        case .oneAmount: return "one_amount"
        case .notWholeMinutes: return "not_whole_minutes"
        case .oneThroughput: return "one_throughput"
        case .onePrice: return "one_price"
        case .priceUnit: return "price_unit"
        case .bandsSum: return "bands_sum"
        case .notABand: return "not_a_band"
        }
    }

    /// The message's arguments by placeholder name, as plain text; `expected` is a
    /// `ValueKind`'s raw value (its words are `plan.kind.<expected>`).
    public var arguments: [String: String] {
        switch problem {
        case .required, .empty, .hoursOutsideDay, .noService, .noTargets, .noSteps, .oneAmount, .oneThroughput,
            .onePrice:
            return [:]
        case .missingRate(let value, let base): return ["value": value, "base": base]
        case .notAShare(let got), .notAQualityScore(let got), .notWholeMinutes(let got): return ["got": got]
        case .priceUnit(let value, let unit): return ["value": value, "unit": unit]
        case .bandsSum(let got, let words): return ["got": got, "words": words]
        case .notABand(let value): return ["value": value]
        case .null(let kind), .wrongType(let kind): return ["expected": kind.rawValue]
        case .notJSON(let detail), .unreadable(let detail): return ["detail": detail]
        case .duplicateVendor(let id, let earlier): return ["value": id, "earlier": earlier]
        case .unknownVendor(let value), .unknownTimeZone(let value), .notAWeekday(let value),
            .notADate(let value), .notALanguageTag(let value), .notAnAmount(let value),
            .notAPositiveRate(let value):
            return ["value": value]
        case .notAClockTime(let value, let example), .notAnInstant(let value, let example),
            .notACurrency(let value, let example):
            return ["value": value, "example": example]
        case .notAfter(let value, let from), .before(let value, let from): return ["value": value, "from": from]
        case .notAfterStart(let value, let start): return ["value": value, "start": start]
        case .notAProbability(let got), .notAPositiveWholeNumber(let got): return ["got": got]
        case .tooSmall(let got, let minimum): return ["got": got, "minimum": minimum]
        }
    }

    /// What is wrong, in English (the text of `plan.input.<code>` in en.json).
    public var message: String {
        switch problem {
        case .required: return "is required"
        case .null(let kind): return "must not be null (expected \(kind.english))"
        case .wrongType(let kind): return "expected \(kind.english)"
        case .notJSON(let detail): return "is not valid JSON (\(detail))"
        case .unreadable(let detail): return "cannot be read (\(detail))"
        case .empty: return "must not be empty"
        case .duplicateVendor(let id, let earlier): return "“\(id)” is already used by \(earlier)"
        case .unknownVendor(let id): return "unknown vendor “\(id)”"
        case .unknownTimeZone(let value): return "unknown time zone “\(value)”; use an IANA name such as Europe/Paris"
        case .notAWeekday(let value): return "“\(value)” is not a weekday; use mon, tue, wed, thu, fri, sat or sun"
        case .notAClockTime(let value, let example): return "“\(value)” is not a time such as \(example)"
        case .notADate(let value): return "“\(value)” is not a date such as 2027-03-01"
        case .notAnInstant(let value, let example): return "“\(value)” is not a time such as \(example)"
        case .notAfter(let value, let from): return "\(value) is not after “from” \(from)"
        case .before(let value, let from): return "\(value) is before “from” \(from)"
        case .notAfterStart(let value, let start): return "\(value) is not after the start \(start)"
        case .hoursOutsideDay: return "“from” must be before “to” within one day (00:00–24:00)"
        case .notAProbability(let got): return "must be between 0 and 1, got \(got)"
        case .notALanguageTag(let value): return "“\(value)” is not a language tag such as en or fr-FR"
        case .notACurrency(let value, let example): return "“\(value)” is not a currency code such as \(example)"
        case .noService: return "must name a service such as translation or revision"
        case .notAPositiveWholeNumber(let got): return "must be a positive whole number, got \(got)"
        case .tooSmall(let got, let minimum): return "must be at least \(minimum), got \(got)"
        case .notAnAmount(let value): return "“\(value)” is not an amount of zero or more such as \"0.08\""
        case .notAPositiveRate(let value): return "“\(value)” is not a positive amount such as \"0.92\""
        case .noTargets: return "must list at least one target language"
        case .noSteps: return "must list at least one step such as {\"service\": \"translation\", \"words\": 1000}"
        case .missingRate(let value, let base):
            return
                "no exchange rate for “\(value)”; add it to request.exchangeRates (the value of 1 \(value) in \(base))"
        case .notAShare(let got): return "must be more than 0 and at most 1, got \(got)"
        case .notAQualityScore(let got): return "must be a whole number from 0 to 100, got \(got)"
        case .oneAmount: return "give exactly one of words, pages or hours"
        case .notWholeMinutes(let got):
            return "must be a positive number of hours in whole minutes such as 2.5, got \(got)"
        case .oneThroughput: return "give at most one of wordsPerHour and pagesPerHour"
        case .onePrice: return "give exactly one of costPerWord, costPerPage and costPerHour"
        case .priceUnit(let value, let unit):
            return "a price per \(value) needs a capability counting \(value)s, not \(unit)s"
        case .bandsSum(let got, let words): return "the bands add up to \(got), not to the step's \(words) words"
        case .notABand(let value):
            return "“\(value)” is not a match band; use context, repetition, 100, 95-99, 85-94, 75-84, 50-74 or new"
        }
    }

    public var description: String { "\(field): \(message)" }

    /// `EX_DATAERR` from sysexits.h: the input data was incorrect.
    public static let exitCode: Int32 = 65
}
