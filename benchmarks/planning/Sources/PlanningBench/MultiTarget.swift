import Foundation
import TandemDomain
import TandemPlanning

/// The instance family of issue #10: several targets whose steps compete for the same vendors.
/// 3–8 vendors in four time zones, each serving two or three of the request's two or three
/// targets; 1,000–4,000 words per target; `maxVendorsPerStep` 2–3. Half the instances have a
/// revision step and vendors who both translate and revise (so four-eyes binds), half are
/// translation only. Whole hours throughout, as in `Optimality.instance`.
extension Optimality {
    static func multiTargetInstance(_ rng: inout Seeded) -> ([PlanningVendor], FeasibilityRequest) {
        let start = Instant(iso8601: "2027-03-01T08:00:00Z")!
        let chosen = Array(targets.shuffled(using: &rng).prefix(rng.int(2...3)))
        let fourEyes = rng.chance(0.5)
        let vendorCount = rng.int(3...8)
        let vendors: [PlanningVendor] = (0..<vendorCount).map { v in
            let from = rng.int(7...10) * 60
            let served = chosen.shuffled(using: &rng).prefix(rng.int(2...chosen.count))
            var capabilities: [Capability] = []
            for target in served {
                let pair = LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag(target))
                let translates = !fourEyes || rng.chance(0.75)
                if translates {
                    capabilities.append(
                        SyntheticLSP.capability(
                            pair, .translation, wph: rng.int(2...5) * 100, cost: "0.0\(rng.int(5...9))"))
                }
                if fourEyes, !translates || rng.chance(0.6) {
                    capabilities.append(
                        SyntheticLSP.capability(
                            pair, .revision, wph: rng.int(6...12) * 100, cost: "0.0\(rng.int(2...4))"))
                }
            }
            var booked: [Booking] = []
            for _ in 0..<rng.int(0...2) {
                let s = start.minutes + rng.int(0...(5 * 24)) * 60
                booked.append(
                    Booking(
                        range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + rng.int(1...8) * 60))))
            }
            var absences: [Absence] = []
            if rng.chance(0.2) {
                let d = start.minutes / 1440 + rng.int(0...4)
                absences.append(Absence(from: LocalDay(dayNumber: d), to: LocalDay(dayNumber: d)))
            }
            return PlanningVendor(
                id: VendorID("v\(v)"), timeZone: zones[rng.int(0...zones.count - 1)],
                workingHours: [
                    WorkingPeriod(
                        days: [.mon, .tue, .wed, .thu, .fri], fromMinute: from, toMinute: from + rng.int(6...9) * 60)
                ],
                absences: absences, booked: booked, capabilities: capabilities)
        }
        let targetRequests = chosen.map { target in
            let words = rng.int(10...40) * 100
            var steps = [StepRequest(service: .translation, words: words)]
            if fourEyes { steps.append(StepRequest(service: .revision, words: words)) }
            return TargetRequest(source: try! LanguageTag("en"), target: try! LanguageTag(target), steps: steps)
        }
        return (
            vendors,
            FeasibilityRequest(
                start: start, deadline: Instant(minutes: start.minutes + 7 * 1440), maxVendorsPerStep: rng.int(2...3),
                targets: targetRequests)
        )
    }
}
