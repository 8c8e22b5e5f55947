import Foundation
import TandemDomain

/// Puts each reason's words next to its code when a result is encoded: set
/// `encoder.userInfo[ReasonText.key]` to one, and every reason is written as
/// `{"code": ..., "args": {...}, "text": ...}`. Without it, `text` is left out: the engine has
/// no words of its own.
public struct ReasonText: Sendable {
    public static let key = CodingUserInfoKey(rawValue: "tandem.planning.reasonText")!
    public let render: @Sendable (FeasibilityReason) -> String
    public init(_ render: @escaping @Sendable (FeasibilityReason) -> String) { self.render = render }
}

extension ReasonArgument: Codable {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .vendor(let id): try c.encode(id)
        case .vendors(let ids): try c.encode(ids)
        case .instant(let instant): try c.encode(instant)
        case .day(let day): try c.encode(day.description)
        case .minutes(let n), .count(let n), .percent(let n): try c.encode(n)
        case .language(let tag): try c.encode(tag.description)
        case .service(let service): try c.encode(service)
        }
    }

    /// JSON does not say which kind an argument is; `FeasibilityReason` decodes each by name.
    public init(from decoder: Decoder) throws {
        throw DecodingError.dataCorrupted(
            .init(codingPath: decoder.codingPath, debugDescription: "decode reasons as FeasibilityReason"))
    }
}

extension FeasibilityReason: Codable {
    private enum Keys: String, CodingKey { case code, args, text }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        var args = c.nestedContainer(keyedBy: Name.self, forKey: .args)
        for (name, value) in arguments { try args.encode(value, forKey: Name(stringValue: name)) }
        if let text = encoder.userInfo[ReasonText.key] as? ReasonText {
            try c.encode(text.render(self), forKey: .text)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let code = try c.decode(String.self, forKey: .code)
        let a = try Arguments(c.nestedContainer(keyedBy: Name.self, forKey: .args))
        switch code {
        case "deadline_passed": self = .deadlinePassed(deadline: try a.instant("deadline"))
        case "late":
            self = .late(
                delivery: try a.instant("delivery"), deadline: try a.instant("deadline"), lateBy: try a.int("late_by"))
        case "tight_slack":
            self = .tightSlack(
                delivery: try a.instant("delivery"), deadline: try a.instant("deadline"), slack: try a.int("slack"),
                windowPercent: try a.int("window_percent"), amberPercent: try a.int("amber_percent"))
        case "needs_tentative_time":
            self = .needsTentativeTime(delivery: try a.instant("delivery"), deadline: try a.instant("deadline"))
        case "on_time":
            self = .onTime(
                delivery: try a.instant("delivery"), deadline: try a.instant("deadline"), slack: try a.int("slack"),
                windowPercent: try a.int("window_percent"))
        case "no_plan": self = .noPlan
        case "tentative_delay": self = .tentativeDelay(delivery: try a.instant("delivery"))
        case "tentative_delay_past_deadline": self = .tentativeDelayPastDeadline(delivery: try a.instant("delivery"))
        case "tentative_overlap":
            self = .tentativeOverlap(
                vendor: try a.vendor("vendor"), minutes: try a.int("duration"), probability: try a.int("probability"),
                from: try a.instant("from"))
        case "wider_split": self = .widerSplit(vendors: try a.int("count"), delivery: try a.instant("delivery"))
        case "wider_split_in_time":
            self = .widerSplitInTime(vendors: try a.int("count"), delivery: try a.instant("delivery"))
        case "delivered_last":
            self = .deliveredLast(target: try a.language("target"), othersBy: try a.instant("others_by"))
        case "vendor_booked":
            self = .vendorBooked(
                target: try a.language("target"), service: try a.service("service"), vendor: try a.vendor("vendor"),
                until: try a.instant("until"), start: try a.instant("start"), eligible: try a.int("count"))
        case "vendor_busy":
            self = .vendorBusy(
                target: try a.language("target"), service: try a.service("service"), vendor: try a.vendor("vendor"),
                until: try a.instant("until"), start: try a.instant("start"), eligible: try a.int("count"),
                otherTarget: try a.language("other_target"), otherService: try a.service("other_service"))
        case "vendor_absent":
            self = .vendorAbsent(
                target: try a.language("target"), service: try a.service("service"), vendor: try a.vendor("vendor"),
                until: try a.day("until"), start: try a.instant("start"), eligible: try a.int("count"))
        case "vendor_absent_until":
            self = .vendorAbsentUntil(
                target: try a.language("target"), service: try a.service("service"), vendor: try a.vendor("vendor"),
                until: try a.instant("until"), start: try a.instant("start"), eligible: try a.int("count"))
        case "quality_excluded":
            self = .qualityExcluded(
                target: try a.language("target"), service: try a.service("service"), minimum: try a.int("minimum"),
                vendors: try a.decode([VendorID].self, "vendors"))
        case "better_quality_skipped":
            self = .betterQualitySkipped(
                target: try a.language("target"), service: try a.service("service"), vendor: try a.vendor("vendor"),
                quality: try a.int("quality"), chosen: try a.decode([VendorID].self, "chosen"),
                chosenQuality: try a.int("chosen_quality"))
        case "better_quality_chosen":
            self = .betterQualityChosen(
                target: try a.language("target"), service: try a.service("service"), vendor: try a.vendor("vendor"),
                quality: try a.int("quality"), other: try a.vendor("other"), otherQuality: try a.int("other_quality"))
        case "all_below_quality":
            self = .allBelowQuality(
                target: try a.language("target"), source: try a.language("source"), service: try a.service("service"),
                minimum: try a.int("minimum"), count: try a.int("count"))
        case "four_eyes_excluded":
            self = .fourEyesExcluded(
                target: try a.language("target"), service: try a.service("service"),
                vendors: try a.decode([VendorID].self, "vendors"))
        case "no_capable_vendor":
            self = .noCapableVendor(
                target: try a.language("target"), source: try a.language("source"), service: try a.service("service"))
        case "all_ruled_out":
            self = .allRuledOut(
                target: try a.language("target"), source: try a.language("source"), service: try a.service("service"),
                fourEyes: try a.int("four_eyes"), excluded: try a.int("excluded"))
        case "beyond_horizon":
            self = .beyondHorizon(
                target: try a.language("target"), service: try a.service("service"), days: try a.int("days"))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: c, debugDescription: "unknown reason code “\(code)”")
        }
    }

    /// Typed reads of a reason's `args`.
    private struct Arguments {
        let container: KeyedDecodingContainer<Name>
        init(_ container: KeyedDecodingContainer<Name>) { self.container = container }

        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            try container.decode(type, forKey: Name(stringValue: name))
        }
        func int(_ name: String) throws -> Int { try decode(Int.self, name) }
        func instant(_ name: String) throws -> Instant { try decode(Instant.self, name) }
        func vendor(_ name: String) throws -> VendorID { try decode(VendorID.self, name) }
        func service(_ name: String) throws -> Service { try decode(Service.self, name) }
        func language(_ name: String) throws -> LanguageTag { try LanguageTag(try decode(String.self, name)) }
        func day(_ name: String) throws -> LocalDay {
            let text = try decode(String.self, name)
            guard let day = LocalDay(iso: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: Name(stringValue: name), in: container, debugDescription: "“\(text)” is not YYYY-MM-DD")
            }
            return day
        }
    }
}
