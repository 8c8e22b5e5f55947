import Foundation
import TandemDomain

@testable import TandemPlanning

/// Seeded random LSPs for property tests: a few vendors in several time zones with absences and
/// bookings, one to three targets competing for them.
struct RandomInstances {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { rng.unit() < p }

    static let zones = ["UTC", "Europe/Paris", "Asia/Tokyo", "America/New_York", "Australia/Sydney"]
    static let targets = ["fr", "de", "es"]
    static let start = Fixtures.t("2027-03-01T08:00:00Z").minutes

    /// `dualRole`: vendors may both translate and revise (four-eyes then matters).
    mutating func vendor(_ n: Int, dualRole: Bool) -> PlanningVendor {
        let zone = Self.zones[int(0...Self.zones.count - 1)]
        let from = int(7...10) * 60
        let hours = [
            WorkingPeriod(days: [.mon, .tue, .wed, .thu, .fri], fromMinute: from, toMinute: from + int(6...9) * 60)
        ]
        var capabilities: [Capability] = []
        for target in Self.targets where chance(0.6) {
            let translates = dualRole ? chance(0.7) : chance(0.5)
            if translates || !dualRole {
                if translates {
                    capabilities.append(
                        Fixtures.capability(
                            "en", target, .translation, wph: int(15...50) * 10, cost: "0.0\(int(5...9))"))
                }
            }
            if !translates || (dualRole && chance(0.5)) {
                capabilities.append(
                    Fixtures.capability("en", target, .revision, wph: int(6...12) * 100, cost: "0.0\(int(2...4))"))
            }
        }
        var absences: [Absence] = []
        if chance(0.3) {
            let d = LocalDay(dayNumber: Self.start / 1440 + int(0...6))
            absences.append(Absence(from: d, to: LocalDay(dayNumber: d.dayNumber + int(0...2))))
        }
        var booked: [Booking] = []
        for b in 0..<int(0...3) {
            let s = Self.start + int(0...(7 * 24)) * 60
            booked.append(
                Booking(
                    id: BookingID("v\(n)-b\(b)"),
                    range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + int(1...16) * 60))))
        }
        return PlanningVendor(
            id: VendorID("v\(n)"), timeZone: zone, workingHours: hours, absences: absences, booked: booked,
            capabilities: capabilities)
    }

    mutating func instance(dualRole: Bool = true) -> (vendors: [PlanningVendor], request: FeasibilityRequest) {
        let vendors = (0..<int(2...8)).map { vendor($0, dualRole: dualRole) }
        var targets: [TargetRequest] = []
        for target in Self.targets.shuffled(using: &rng).prefix(int(1...3)) {
            let words = int(5...60) * 100
            var steps = [StepRequest(service: .translation, words: words)]
            if chance(0.7) { steps.append(StepRequest(service: .revision, words: words)) }
            targets.append(TargetRequest(source: Fixtures.tag("en"), target: Fixtures.tag(target), steps: steps))
        }
        let request = FeasibilityRequest(
            start: Instant(minutes: Self.start), deadline: Instant(minutes: Self.start + int(2...10) * 1440),
            maxVendorsPerStep: int(1...3), targets: targets)
        return (vendors, request)
    }
}

extension Fixtures {
    static func capability(_ source: String, _ target: String, _ service: Service, wph: Int, cost: String) -> Capability
    {
        Capability(
            pair: LanguagePair(source: tag(source), target: tag(target)), service: service, wordsPerHour: wph,
            costPerWord: Money(Decimal(canonical: cost)!, .eur))
    }
}
