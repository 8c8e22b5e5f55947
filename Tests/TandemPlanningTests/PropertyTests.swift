import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

@Suite("Properties on seeded random instances")
struct PropertyTests {
    static let count = 100

    func delivery(_ vendors: [PlanningVendor], _ request: FeasibilityRequest) throws -> Int {
        let result = try CapacityIndex(vendors: vendors).check(
            request, now: request.start,
            options: PlanningOptions(confidenceSamples: 1, improvementRounds: 4, localSearchPlans: 40))
        return result.earliestDelivery?.minutes ?? Int.max
    }

    /// Deliveries before and after adding capacity (another vendor, a faster one, a freed booking).
    func capacityChanges(seed: UInt64, dualRole: Bool) throws -> [(before: Int, after: Int, label: String)] {
        var random = RandomInstances(seed: seed)
        var out: [(before: Int, after: Int, label: String)] = []
        for i in 0..<Self.count {
            let (vendors, request) = random.instance(dualRole: dualRole)
            let before = try delivery(vendors, request)
            var more = vendors
            more.append(random.vendor(99, dualRole: dualRole))
            var faster = vendors
            let v = random.int(0...vendors.count - 1)
            faster[v].capabilities = faster[v].capabilities.map {
                var c = $0
                c.wordsPerHour *= 2
                return c
            }
            var freed = vendors
            freed[v].booked.removeAll()
            for (name, variant) in [("extra vendor", more), ("faster vendor", faster), ("freed booking", freed)] {
                out.append((before, try delivery(variant, request), "#\(i) \(name)"))
            }
        }
        return out
    }

    @Test func moreCapacityNeverLater() throws {
        let violations = try capacityChanges(seed: 1, dualRole: false).filter { $0.after > $0.before }
        #expect(violations.isEmpty, "\(violations)")
    }

    /// With vendors who both translate and revise, the four-eyes rule makes list scheduling
    /// non-monotone in rare cases (a faster translator is then no longer free to revise). The
    /// engine tries a look-ahead variant and, on small requests, a local search. The promise is
    /// what the name says: at most 2% of capacity changes make delivery later (rarely), each by
    /// at most 5% of the time to delivery (barely). Over seeds 1–12 (3,600 changes) one was
    /// 6 minutes later with the first version of the local search (seed 3, #59 freed booking),
    /// and without the local search one other, by 11 minutes (seed 7, #99). These checks use 4
    /// improvement rounds and 40 search plans.
    @Test func moreCapacityRarelyAndBarelyLaterWithFourEyes() throws {
        let changes = try capacityChanges(seed: 3, dualRole: true)

        let later = changes.filter { $0.after > $0.before }

        #expect(changes.count == 3 * Self.count)
        // The sample has teeth: the changes do move deliveries earlier.
        #expect(changes.filter { $0.after < $0.before }.count >= Self.count / 4)
        #expect(Double(later.count) <= 0.02 * Double(changes.count), "rarely: \(later)")
        for v in later {
            #expect(Double(v.after - v.before) <= 0.05 * Double(v.before - RandomInstances.start), "barely: \(v)")
        }
    }

    @Test func moreBookedWorkNeverEarlier() throws {
        var random = RandomInstances(seed: 2)
        var violations: [String] = []
        for i in 0..<Self.count {
            let (vendors, request) = random.instance(dualRole: true)
            let before = try delivery(vendors, request)
            var index = try CapacityIndex(vendors: vendors)
            let v = random.int(0...vendors.count - 1)
            let s = RandomInstances.start + random.int(0...(5 * 24)) * 60
            try index.book(
                Booking(
                    range: TimeRange(start: Instant(minutes: s), end: Instant(minutes: s + random.int(2...24) * 60))),
                for: vendors[v].id)
            let after =
                try index.check(
                    request, now: request.start,
                    options: PlanningOptions(confidenceSamples: 1, improvementRounds: 4, localSearchPlans: 40)
                ).earliestDelivery?.minutes ?? Int.max
            if after < before { violations.append("#\(i): \(before) → \(after)") }
        }
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func planRespectsHoursBookingsCapacityOrderAndFourEyes() throws {
        var random = RandomInstances(seed: 3)
        for _ in 0..<Self.count {
            let (vendors, request) = random.instance(dualRole: true)
            let index = try CapacityIndex(vendors: vendors)
            let origin = request.start.minutes
            let horizon = origin + 60 * 1440
            var scheduler = Scheduler(
                index: index, request: request, origin: origin, horizon: horizon, weighTentative: false)
            let run = scheduler.bestRun(orders: scheduler.targetOrders(limit: 4))
            var used: [VendorSlot: [Span]] = [:]
            for (t, target) in run.targets.enumerated() {
                var previousEnd = origin
                var wrote = Set<VendorSlot>()
                for step in target.steps {
                    #expect(step.assignments.reduce(0) { $0 + $1.words } == step.words)
                    #expect(step.assignments.count <= request.maxVendorsPerStep)
                    for a in step.assignments {
                        let calendar = index.entry(a.slot).calendar
                        let allowed = Spans.subtracting(
                            calendar.busy, from: calendar.workingSpans(from: origin, to: horizon))
                        // Every worked minute is inside working hours and outside booked work.
                        #expect(Spans.subtracting(allowed, from: a.spans).isEmpty)
                        // Enough minutes for the words at the vendor's rate.
                        let minutes = a.spans.reduce(0) { $0 + $1.end - $1.start }
                        #expect(minutes * a.capability.wordsPerHour >= a.words * 60)
                        #expect(a.start >= previousEnd && a.end <= step.end)
                        used[a.slot, default: []].append(contentsOf: a.spans)
                        if step.service.isReview { #expect(!wrote.contains(a.slot), "four-eyes in target \(t)") }
                    }
                    for a in step.assignments where !step.service.isReview { wrote.insert(a.slot) }
                    previousEnd = step.end
                }
            }
            // Never two things at once.
            for spans in used.values {
                let total = spans.reduce(0) { $0 + $1.end - $1.start }
                let merged = Spans.normalized(spans).reduce(0) { $0 + $1.end - $1.start }
                #expect(total == merged)
            }
        }
    }
}
