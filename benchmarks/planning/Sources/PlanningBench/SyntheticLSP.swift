import Foundation
import TandemDomain
import TandemPlanning

/// SplitMix64: the same seed gives the same synthetic LSP.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

enum SyntheticLSP {
    static let zones = [
        "Europe/Paris", "Europe/London", "Europe/Berlin", "America/New_York", "America/Sao_Paulo",
        "Asia/Tokyo", "Asia/Shanghai", "Asia/Kolkata", "Australia/Sydney", "UTC",
    ]
    static let targetsList = [
        "fr", "de", "es", "it", "pt", "nl", "sv", "da", "fi", "nb", "pl", "cs", "sk", "hu", "ro", "bg", "el", "tr",
        "ru", "uk", "ja", "ko", "zh-Hans", "zh-Hant", "ar", "he", "th", "vi", "id", "ms", "hi", "lt", "lv", "et",
        "sl", "hr", "sr", "ca", "eu", "gl", "is", "ga", "mt", "sq", "mk", "bs", "ka", "hy", "fa", "ur",
    ]
    /// en → 50 targets.
    static let pairs: [LanguagePair] = targetsList.map {
        LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag($0))
    }
    static let start = Instant(iso8601: "2027-03-01T08:00:00Z")!

    static func capability(_ pair: LanguagePair, _ service: Service, wph: Int, cost: String) -> Capability {
        Capability(pair: pair, service: service, wordsPerHour: wph, costPerWord: Money(Decimal(string: cost)!, .eur))
    }

    /// `vendors` vendors, each with one or two pairs, translating and/or revising; `jobsPerVendor`
    /// booked jobs of 2–8 hours over the next 8 weeks; a tentative job for one in five.
    static func vendors(count: Int, jobsPerVendor: Int, seed: UInt64) -> [PlanningVendor] {
        var rng = Seeded(state: seed)
        return (0..<count).map { n in
            let from = rng.int(7...10) * 60
            var capabilities: [Capability] = []
            for _ in 0..<rng.int(1...2) {
                let pair = pairs[rng.int(0...pairs.count - 1)]
                let translates = rng.chance(0.75)
                let revises = !translates || rng.chance(0.5)
                if translates {
                    capabilities.append(
                        capability(pair, .translation, wph: rng.int(20...45) * 10, cost: "0.\(rng.int(6...12))"))
                }
                if revises {
                    capabilities.append(
                        capability(pair, .revision, wph: rng.int(7...12) * 100, cost: "0.0\(rng.int(2...5))"))
                }
            }
            var booked: [Booking] = []
            for j in 0..<jobsPerVendor {
                let s = start.minutes + rng.int(0...(56 * 24)) * 60
                booked.append(
                    Booking(
                        id: BookingID("v\(n)-j\(j)"),
                        range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + rng.int(2...8) * 60))))
            }
            var tentative: [TentativeBooking] = []
            if rng.chance(0.2) {
                let s = start.minutes + rng.int(0...(14 * 24)) * 60
                tentative.append(
                    TentativeBooking(
                        range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + rng.int(4...16) * 60)),
                        probability: Double(rng.int(1...9)) / 10))
            }
            var absences: [Absence] = []
            if rng.chance(0.1) {
                let d = start.minutes / 1440 + rng.int(0...30)
                absences.append(Absence(from: LocalDay(dayNumber: d), to: LocalDay(dayNumber: d + rng.int(0...9))))
            }
            return PlanningVendor(
                id: VendorID("v\(n)"), timeZone: zones[rng.int(0...zones.count - 1)],
                workingHours: [
                    WorkingPeriod(days: [.mon, .tue, .wed, .thu, .fri], fromMinute: from, toMinute: from + 8 * 60)
                ],
                absences: absences, booked: booked, tentative: tentative, capabilities: capabilities)
        }
    }

    /// A quote: `targets` random targets, translation then revision, 2,000–20,000 words.
    static func request(targets: Int, rng: inout Seeded, maxVendors: Int = 3) -> FeasibilityRequest {
        let chosen = Array(pairs.shuffled(using: &rng).prefix(targets))
        let targetRequests = chosen.map { pair -> TargetRequest in
            let words = rng.int(20...200) * 100
            return TargetRequest(
                source: pair.source, target: pair.target,
                steps: [
                    StepRequest(service: .translation, words: words), StepRequest(service: .revision, words: words),
                ])
        }
        let startMinute = start.minutes + rng.int(0...(14 * 24)) * 60
        return FeasibilityRequest(
            start: Instant(minutes: startMinute), deadline: Instant(minutes: startMinute + rng.int(3...10) * 1440),
            maxVendorsPerStep: maxVendors, targets: targetRequests)
    }
}
