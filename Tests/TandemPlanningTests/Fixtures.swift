import Foundation
import TandemDomain
import TandemLocalization

@testable import TandemPlanning

/// Builders for hand-computed cases. 2027-03-01 is a Monday.
enum Fixtures {
    static func t(_ text: String) -> Instant { Instant(iso8601: text)! }
    static func day(_ text: String) -> LocalDay { LocalDay(iso: text)! }
    static func tag(_ text: String) -> LanguageTag { try! LanguageTag(text) }

    static func capability(
        _ source: String = "en", _ target: String = "fr", _ service: Service = .translation,
        wph: Int, cost: String = "0.10", currency: CurrencyCode = .eur
    ) -> Capability {
        Capability(
            pair: LanguagePair(source: tag(source), target: tag(target)), service: service, wordsPerHour: wph,
            costPerWord: Money(Decimal(canonical: cost)!, currency))
    }

    static func vendor(
        _ id: String, zone: String = "UTC", hours: [WorkingPeriod] = [.officeHours], absent: [(String, String)] = [],
        booked: [(String, String)] = [], tentative: [(String, String, Double)] = [], _ capabilities: Capability...
    ) -> PlanningVendor {
        PlanningVendor(
            id: VendorID(id), timeZone: zone, workingHours: hours,
            absences: absent.map { Absence(from: day($0.0), to: day($0.1)) },
            booked: booked.enumerated().map {
                Booking(
                    id: BookingID("\(id)-b\($0.offset)"), range: TimeRange(start: t($0.element.0), end: t($0.element.1))
                )
            },
            tentative: tentative.map {
                TentativeBooking(range: TimeRange(start: t($0.0), end: t($0.1)), probability: $0.2)
            },
            capabilities: capabilities)
    }

    static func target(_ source: String = "en", _ target: String = "fr", steps: (Service, Int)...) -> TargetRequest {
        TargetRequest(
            source: tag(source), target: tag(target), steps: steps.map { StepRequest(service: $0.0, words: $0.1) })
    }

    static func request(
        start: String = "2027-03-01T08:00:00Z", deadline: String = "2027-03-04T17:00:00Z", maxVendors: Int = 1,
        preferred: [String] = [], excluded: [String] = [], _ targets: TargetRequest...
    ) -> FeasibilityRequest {
        FeasibilityRequest(
            start: t(start), deadline: t(deadline), maxVendorsPerStep: maxVendors, targets: targets,
            preferredVendors: preferred.map { VendorID($0) }, excludedVendors: excluded.map { VendorID($0) })
    }

    /// The repository's catalogs (`Resources/Locales`), times in UTC.
    static func localizer(_ locale: String) throws -> Localizer {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Catalogs.load(shipped: root.appendingPathComponent("Resources/Locales")).localizer(
            locale: locale, timeZone: TimeZone(identifier: "UTC")!)
    }

    static func check(_ vendors: [PlanningVendor], _ request: FeasibilityRequest, now: String? = nil) throws
        -> FeasibilityResult
    {
        try CapacityIndex(vendors: vendors).check(request, now: now.map(t) ?? request.start)
    }

    /// The worked example of the issue: ana 300 w/h and ben 200 w/h translate, chloe revises at 1,000 w/h.
    static let workedExampleVendors = [
        vendor("ana", capability(wph: 300, cost: "0.08")),
        vendor("ben", capability(wph: 200, cost: "0.07")),
        vendor("chloe", capability(service: .revision, wph: 1000, cost: "0.03")),
    ]
}

extension Fixtures {
    static func capability(
        _ source: String = "en", _ target: String = "fr", service: Service, wph: Int, cost: String = "0.10"
    ) -> Capability {
        capability(source, target, service, wph: wph, cost: cost)
    }
}
