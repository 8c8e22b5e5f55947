import Foundation
import TandemDomain
import TandemPlanning

/// Exports small random instances (up to 30 vendors, two or three targets competing for the
/// same vendors) with the engine's earliest delivery, for `optimality.py` to solve with CP-SAT.
/// Everything is on whole hours (time zones with whole-hour offsets, bookings, hours), so an
/// hour-slot model describes the same problem.
enum Optimality {
    static let zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo"]
    static let targets = ["fr", "de", "es"]

    /// `family`: `mixed` (the original instances) or `multi` (`multiTargetInstance`); written to
    /// `DIR/instances.json` and `DIR/multi-instances.json`.
    static func export(to directory: String, count: Int, seed: UInt64, family: String = "mixed") throws {
        var rng = Seeded(state: seed)
        var instances: [[String: Any]] = []
        var engineTime = 0.0
        for n in 0..<count {
            let (vendors, request) = family == "multi" ? multiTargetInstance(&rng) : instance(&rng)
            let index = try CapacityIndex(vendors: vendors)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let result = try index.check(request, now: request.start, options: PlanningOptions(confidenceSamples: 1))
            engineTime += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            instances.append([
                "id": n,
                "file": planFile(vendors, request),
                "engine": [
                    "delivery": result.earliestDelivery?.iso8601 as Any,
                    "minutes": result.earliestDelivery.map { $0.minutes - request.start.minutes } as Any,
                ],
            ])
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = try JSONSerialization.data(
            withJSONObject: ["instances": instances], options: [.prettyPrinted, .sortedKeys])
        let path = directory + (family == "multi" ? "/multi-instances.json" : "/instances.json")
        try data.write(to: URL(fileURLWithPath: path))
        print(
            String(
                format: "Exported %d instances to %@ (engine: %.2f ms per instance on average)", count, path,
                engineTime / Double(count)))
    }

    static func instance(_ rng: inout Seeded) -> ([PlanningVendor], FeasibilityRequest) {
        let start = Instant(iso8601: "2027-03-01T08:00:00Z")!
        let vendorCount = rng.int(3...30)
        let vendors: [PlanningVendor] = (0..<vendorCount).map { v in
            let from = rng.int(7...10) * 60
            var capabilities: [Capability] = []
            for target in targets where rng.chance(0.6) {
                let pair = LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag(target))
                let translates = rng.chance(0.7)
                if translates {
                    capabilities.append(
                        SyntheticLSP.capability(
                            pair, .translation, wph: rng.int(2...5) * 100, cost: "0.0\(rng.int(5...9))"))
                }
                if !translates || rng.chance(0.4) {
                    capabilities.append(
                        SyntheticLSP.capability(
                            pair, .revision, wph: rng.int(6...12) * 100, cost: "0.0\(rng.int(2...4))"))
                }
            }
            var booked: [Booking] = []
            for _ in 0..<rng.int(0...3) {
                let s = start.minutes + rng.int(0...(6 * 24)) * 60
                booked.append(
                    Booking(
                        range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + rng.int(1...12) * 60))))
            }
            var absences: [Absence] = []
            if rng.chance(0.2) {
                let d = start.minutes / 1440 + rng.int(0...6)
                absences.append(Absence(from: LocalDay(dayNumber: d), to: LocalDay(dayNumber: d + rng.int(0...1))))
            }
            return PlanningVendor(
                id: VendorID("v\(v)"), timeZone: zones[rng.int(0...zones.count - 1)],
                workingHours: [
                    WorkingPeriod(
                        days: [.mon, .tue, .wed, .thu, .fri], fromMinute: from, toMinute: from + rng.int(6...9) * 60)
                ],
                absences: absences, booked: booked, capabilities: capabilities)
        }
        var targetRequests: [TargetRequest] = []
        for target in targets.shuffled(using: &rng).prefix(rng.int(2...3)) {
            let words = rng.int(5...60) * 100
            var steps = [StepRequest(service: .translation, words: words)]
            if rng.chance(0.7) { steps.append(StepRequest(service: .revision, words: words)) }
            targetRequests.append(
                TargetRequest(source: try! LanguageTag("en"), target: try! LanguageTag(target), steps: steps))
        }
        return (
            vendors,
            FeasibilityRequest(
                start: start, deadline: Instant(minutes: start.minutes + 7 * 1440), maxVendorsPerStep: rng.int(1...3),
                targets: targetRequests)
        )
    }

    /// The `tandem plan` file format.
    static func planFile(_ vendors: [PlanningVendor], _ request: FeasibilityRequest) -> [String: Any] {
        func clock(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
        return [
            "vendors": vendors.map { v -> [String: Any] in
                [
                    "id": v.id.rawValue, "timeZone": v.timeZone,
                    "workingHours": v.workingHours.map {
                        [
                            "days": $0.days.sorted().map(\.rawValue), "from": clock($0.fromMinute),
                            "to": clock($0.toMinute),
                        ]
                    },
                    "absences": v.absences.map { ["from": $0.from.description, "to": $0.to.description] },
                    "booked": v.booked.map { ["from": $0.range.start.iso8601, "to": $0.range.end.iso8601] },
                    "capabilities": v.capabilities.map {
                        [
                            "source": $0.pair.source.description, "target": $0.pair.target.description,
                            "service": $0.service.rawValue,
                            "wordsPerHour": $0.wordsPerHour, "costPerWord": $0.costPerWord.amount.canonicalString,
                            "currency": $0.costPerWord.currency.code,
                        ]
                    },
                ]
            },
            "request": [
                "start": request.start.iso8601, "deadline": request.deadline.iso8601,
                "maxVendorsPerStep": request.maxVendorsPerStep,
                "targets": request.targets.map { t in
                    [
                        "source": t.source.description, "target": t.target.description,
                        "steps": t.steps.map { ["service": $0.service.rawValue, "words": $0.words] },
                    ]
                },
            ],
        ]
    }
}
