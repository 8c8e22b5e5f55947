import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning

/// Several targets whose steps compete for the same vendors: the shape of multi-target
/// optimality instance #2 (seed 2031), moved to UTC (the same hours; no daylight-saving change
/// in that week).
@Suite("Targets sharing vendors")
struct SharedVendorsTests {
    static func weekdays(_ from: Int, _ to: Int) -> [WorkingPeriod] {
        [WorkingPeriod(days: [.mon, .tue, .wed, .thu, .fri], fromMinute: from * 60, toMinute: to * 60)]
    }

    /// v1 is the only es translator and one of two de translators; whoever translates de may
    /// not revise it.
    static let vendors = [
        Fixtures.vendor(
            "v0", hours: weekdays(1, 8), booked: [("2027-03-02T03:00:00Z", "2027-03-02T07:00:00Z")],
            Fixtures.capability("en", "es", service: .revision, wph: 1200, cost: "0.03"),
            Fixtures.capability("en", "de", .translation, wph: 500, cost: "0.07"),
            Fixtures.capability("en", "de", service: .revision, wph: 1100, cost: "0.02")),
        Fixtures.vendor(
            "v1", hours: weekdays(13, 21), Fixtures.capability("en", "es", .translation, wph: 200, cost: "0.07"),
            Fixtures.capability("en", "es", service: .revision, wph: 1100, cost: "0.04"),
            Fixtures.capability("en", "de", .translation, wph: 200, cost: "0.07"),
            Fixtures.capability("en", "de", service: .revision, wph: 1200, cost: "0.02")),
        Fixtures.vendor(
            "v2", hours: weekdays(7, 15), Fixtures.capability("en", "es", service: .revision, wph: 1000, cost: "0.04"),
            Fixtures.capability("en", "de", service: .revision, wph: 1000, cost: "0.02")),
    ]

    static let request = Fixtures.request(
        deadline: "2027-03-08T08:00:00Z", maxVendors: 3,
        Fixtures.target("en", "de", steps: (.translation, 1900), (.revision, 1900)),
        Fixtures.target("en", "es", steps: (.translation, 2500), (.revision, 2500)))

    /// The best plan: v1 translates only the 400 words of de that v0 cannot do by Tue 08:00
    /// (Mon 13:00–15:00), then es (to Tue 19:30); v0 translates the rest of de on Tuesday
    /// (01:00–03:00 and 07:00–08:00), v2 revises de on Tuesday, v0 revises es on Wednesday from
    /// 01:00. Delivery Wed 03:05, within the CP-SAT optimum of the hour model (44 h: Wed 04:00).
    @Test func aSharedTranslatorTakesOnlyTheRemainder() throws {
        let result = try Fixtures.check(Self.vendors, Self.request)

        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T03:05:00Z"))
        let de = result.targets[0]
        #expect(de.steps[0].assignments.first { $0.vendor == "v1" }?.words == 400)
        #expect(de.steps[0].end == Fixtures.t("2027-03-02T08:00:00Z"))
        #expect(de.steps[1].assignments.map(\.vendor) == ["v2"])
    }

    /// Without the finer shares (halving only), the plan was Wed 08:54: 11% over the optimum.
    @Test func withoutFinerSharesItWasOverFivePercentLate() throws {
        let index = try CapacityIndex(vendors: Self.vendors)

        let coarse = try index.check(
            Self.request, now: Self.request.start, options: PlanningOptions(refinementPlans: 0))

        let delivery = try #require(coarse.earliestDelivery)
        #expect(delivery == Fixtures.t("2027-03-03T08:54:00Z"))
        #expect(Double(delivery.minutes - Self.request.start.minutes) > 1.05 * Double(44 * 60))
    }
}
