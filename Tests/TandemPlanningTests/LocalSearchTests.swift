import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// The shape of optimality instance #40 (seed 2027), moved to UTC: its best plan needs two
/// coordinated changes that the greedy plan and one-change improvement rounds did not find.
@Suite("Local search on small requests")
struct LocalSearchTests {
    static func weekdays(_ from: Int, _ to: Int) -> [WorkingPeriod] {
        [WorkingPeriod(days: [.mon, .tue, .wed, .thu, .fri], fromMinute: from * 60, toMinute: to * 60)]
    }

    /// All UTC, Monday to Friday. Only v0 revises fr; only v2 can help with everything.
    static let vendors = [
        Fixtures.vendor(
            "v0", hours: weekdays(15, 21), Fixtures.capability("en", "fr", service: .revision, wph: 1100, cost: "0.04"),
            Fixtures.capability("en", "de", .translation, wph: 400, cost: "0.07")),
        Fixtures.vendor(
            "v1", hours: weekdays(14, 20), Fixtures.capability("en", "de", service: .revision, wph: 600, cost: "0.02"),
            Fixtures.capability("en", "es", .translation, wph: 300, cost: "0.06")),
        Fixtures.vendor(
            "v2", hours: weekdays(12, 18), Fixtures.capability("en", "fr", .translation, wph: 500, cost: "0.07"),
            Fixtures.capability("en", "de", .translation, wph: 300, cost: "0.06"),
            Fixtures.capability("en", "es", .translation, wph: 300, cost: "0.05")),
        Fixtures.vendor(
            "v3", hours: weekdays(8, 15), Fixtures.capability("en", "fr", .translation, wph: 200, cost: "0.06"),
            Fixtures.capability("en", "de", service: .revision, wph: 1200, cost: "0.04")),
    ]

    static let request = Fixtures.request(
        deadline: "2027-03-08T08:00:00Z", maxVendors: 3,
        Fixtures.target("en", "es", steps: (.translation, 5500)),
        Fixtures.target("en", "fr", steps: (.translation, 2800), (.revision, 2800)),
        Fixtures.target("en", "de", steps: (.translation, 2600), (.revision, 2600)))

    /// A plan by Tue 18:00 (34 h, the CP-SAT optimum of the hour-slot model) exists:
    /// - de translation: v0 Mon 15–21 (6 h × 400 = 2,400 words), v2 only the other 200 (40 min),
    ///   so de is translated by Mon 21:00 and v2 stays free; de revision: v3 Tue 08:00–10:10.
    /// - fr translation: v3 Mon 08–15 and Tue 10:10–15:00 (2,366 words at 200 w/h), v2 the other
    ///   434; fr revision: v0 Tue 15:00–17:33 (2,800 / 1,100 w/h = 2 h 33 min).
    /// - es translation: v1 and v2 in their remaining hours, Mon 13:33 → Tue 16:57.
    /// The old planner translated de with v0 alone (until Tue 15:30, so fr revision waited) and
    /// delivered Wed 08:15; the greedy split of de (v2 until Mon 17:26) leaves es late.
    @Test func twoCoordinatedChangesAreFound() throws {
        let result = try Fixtures.check(Self.vendors, Self.request)

        let delivery = try #require(result.earliestDelivery)
        #expect(delivery <= Fixtures.t("2027-03-02T18:00:00Z"), "\(delivery)")
        #expect(delivery == Fixtures.t("2027-03-02T17:33:00Z"))
        let de = try #require(result.targets.first { $0.target == Fixtures.tag("de") })
        // de's translation is split so that it ends with v0's Monday, v2 taking the remainder.
        #expect(de.steps[0].end == Fixtures.t("2027-03-01T21:00:00Z"))
        #expect(de.steps[0].assignments.first { $0.vendor == "v2" }?.words == 200)
        #expect(de.steps[1].assignments.map(\.vendor) == ["v3"])
    }

    @Test func theOldPlannerWasOverFivePercentLate() throws {
        let index = try CapacityIndex(vendors: Self.vendors)
        let greedy = try index.check(
            Self.request, now: Self.request.start, options: PlanningOptions(localSearchPlans: 0))
        let searched = try index.check(Self.request, now: Self.request.start)
        let g = try #require(greedy.earliestDelivery)
        let s = try #require(searched.earliestDelivery)
        #expect(s < g)
        // Without it (greedy plan, orders, improvement rounds: the old planner) delivery was Wed
        // 08:15, 48 h 15 min after the start: more than 5% over the 34 h optimum.
        let start = Self.request.start.minutes
        #expect(Double(g.minutes - start) > 1.05 * Double(34 * 60), "\(g)")
        #expect(Double(s.minutes - start) <= Double(34 * 60), "\(s)")
    }

    /// The re-split rule alone: with v2 as de translation's last resort, v0 works to the end of
    /// their block (Mon 21:00) and v2 does only what v0 cannot.
    @Test func lastResortTakesOnlyTheRemainder() throws {
        let index = try CapacityIndex(vendors: Self.vendors)
        let request = Fixtures.request(
            deadline: "2027-03-08T08:00:00Z", maxVendors: 3, Fixtures.target("en", "de", steps: (.translation, 2600)))
        let origin = request.start.minutes
        var scheduler = Scheduler(
            index: index, request: request, origin: origin, horizon: origin + 28 * 1440, weighTentative: false)
        let greedy = scheduler.plan(order: [0])
        // Greedy: v2 from Mon 12:00 and v0 from 15:00 together reach 2,600 words at 17:26.
        #expect(greedy.delivery == Fixtures.t("2027-03-01T17:26:00Z").minutes)
        let v2 = try #require(index.slot(of: "v2"))
        let resplit = scheduler.plan(
            order: [0], rules: Scheduler.Rules(lastResort: [Scheduler.StepVendor(target: 0, step: 0, slot: v2)]))
        #expect(resplit.delivery == Fixtures.t("2027-03-01T21:00:00Z").minutes)
        let shares = Dictionary(
            uniqueKeysWithValues: resplit.targets[0].steps[0].assignments.map { ($0.slot, $0.words) })
        #expect(shares[v2] == 200)
        #expect(
            resplit.targets[0].steps[0].assignments.first { $0.slot == v2 }?.end
                == Fixtures.t("2027-03-01T12:40:00Z").minutes)
    }

    /// The halving rule (instance #175 of seed 2028): ana alone would translate 2,400 words Mon
    /// 10:00–16:00 UTC; halved, she does 1,200 (Mon 10:00–13:00) and ben, in Tokyo, the other
    /// 1,200 in his Tuesday 07:00–13:00 local (Mon 22:00 – Tue 04:00 UTC).
    @Test func halvedVendorTakesHalfAndTheOthersTheRest() throws {
        let vendors = [
            Fixtures.vendor(
                "ana", hours: Self.weekdays(10, 16),
                Fixtures.capability("en", "es", .translation, wph: 400, cost: "0.05")),
            Fixtures.vendor(
                "ben", zone: "Asia/Tokyo", hours: Self.weekdays(7, 14),
                Fixtures.capability("en", "es", .translation, wph: 200, cost: "0.06")),
        ]
        let index = try CapacityIndex(vendors: vendors)
        let request = Fixtures.request(
            deadline: "2027-03-08T08:00:00Z", maxVendors: 2, Fixtures.target("en", "es", steps: (.translation, 2400)))
        let origin = request.start.minutes
        var scheduler = Scheduler(
            index: index, request: request, origin: origin, horizon: origin + 28 * 1440, weighTentative: false)
        #expect(scheduler.plan(order: [0]).delivery == Fixtures.t("2027-03-01T16:00:00Z").minutes)
        let ana = try #require(index.slot(of: "ana"))
        let ben = try #require(index.slot(of: "ben"))
        let halved = scheduler.plan(
            order: [0], rules: Scheduler.Rules(reduced: [Scheduler.StepVendor(target: 0, step: 0, slot: ana): 2]))
        let step = halved.targets[0].steps[0]
        #expect(step.assignments.first { $0.slot == ana }?.words == 1200)
        #expect(step.assignments.first { $0.slot == ana }?.end == Fixtures.t("2027-03-01T13:00:00Z").minutes)
        #expect(step.assignments.first { $0.slot == ben }?.words == 1200)
        #expect(halved.delivery == Fixtures.t("2027-03-02T04:00:00Z").minutes)
    }
}
