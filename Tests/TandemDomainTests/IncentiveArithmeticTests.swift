import Foundation
import Testing

@testable import TandemDomain

/// The earnings formula (docs/metrics.md, "The formula") on hand-computed cases.
@Suite("Incentive arithmetic")
struct IncentiveArithmeticTests {
    func d(_ text: String) -> Decimal { Decimal(string: text)! }
    let bonus = Money(Decimal(3000), .eur)

    func component(_ kind: ComponentKind, weight: String, threshold: String, target: String, cap: String)
        -> PlanComponent
    {
        PlanComponent(kind: kind, weight: d(weight), threshold: d(threshold), target: d(target), cap: d(cap))
    }

    @Test func belowTheThresholdNothingAtTargetTheWeightAboveUpToTheCap() {
        let margin = component(.deliveredMargin, weight: "60", threshold: "10000", target: "20000", cap: "30000")
        // 3000 × 60 % = 1800 at target.
        #expect(IncentiveArithmetic.contribution(margin, value: d("9999.99"), bonus: bonus).amount == 0)
        #expect(IncentiveArithmetic.contribution(margin, value: d("10000"), bonus: bonus).amount == d("900"))
        #expect(IncentiveArithmetic.contribution(margin, value: d("20000"), bonus: bonus).amount == d("1800"))
        // 1800 × 25000 / 20000 = 2250.
        #expect(IncentiveArithmetic.contribution(margin, value: d("25000"), bonus: bonus).amount == d("2250"))
        // Capped at 30000: 1800 × 1.5 = 2700.
        #expect(IncentiveArithmetic.contribution(margin, value: d("90000"), bonus: bonus).amount == d("2700"))
        #expect(IncentiveArithmetic.contribution(margin, value: nil, bonus: bonus).amount == 0)
    }

    @Test func amountsAreRoundedToTheCentHalfAwayFromZero() {
        let kept = component(.promisesKept, weight: "40", threshold: "0", target: "3", cap: "10")
        // 3000 × 40 % × 1/3 = 400; × 2/3 = 800; 7/3 → 2800.
        #expect(IncentiveArithmetic.contribution(kept, value: d("1"), bonus: bonus).amount == d("400"))
        let odd = component(.promisesKept, weight: "33.33", threshold: "0", target: "7", cap: "10")
        // 3000 × 0.3333 × 1/7 = 142.842857… → 142.84.
        #expect(IncentiveArithmetic.contribution(odd, value: d("1"), bonus: bonus).amount == d("142.84"))
    }

    @Test func forReviewTurnaroundLowerIsBetter() {
        let review = component(.reviewTurnaround, weight: "100", threshold: "48", target: "24", cap: "12")
        #expect(IncentiveArithmetic.factor(review, value: d("49")) == 0)
        #expect(IncentiveArithmetic.factor(review, value: d("48")) == d("0.5"))
        #expect(IncentiveArithmetic.factor(review, value: d("24")) == 1)
        // Faster than the cap counts as the cap: 24 / 12 = 2.
        #expect(IncentiveArithmetic.factor(review, value: d("6")) == 2)
    }

    @Test func aPlansEarningsAreTheSumOfItsComponents() {
        let plan = IncentivePlan(
            id: .init(UUID()), name: "Shared", roles: [.sales, .pm], targetBonus: bonus,
            components: [
                component(.deliveredMargin, weight: "60", threshold: "10000", target: "20000", cap: "30000"),
                component(.promisesKept, weight: "40", threshold: "2", target: "10", cap: "15"),
            ], createdBy: .init(UUID()), createdAt: Date(timeIntervalSince1970: 0))
        var metrics = ScorecardMetrics.compute(SubjectFigures(subjectID: "x"), base: .eur) { $0 }
        metrics.deliveredMargin = Money(d("25000"), .eur)
        metrics.promisesKept = 12
        let earnings = PlanEarnings.compute(plan, metrics: metrics)
        // 2250 + 1200 × 12/10 = 2250 + 1440.
        #expect(earnings.components.map(\.contribution.amount) == [d("2250"), d("1440")])
        #expect(earnings.total == Money(d("3690"), .eur))
    }

    @Test func aRevenueOnlyPlanIsFlaggedWhenDeliveryFell() {
        let revenue = IncentivePlan(
            id: .init(UUID()), name: "Commission", roles: [.sales], targetBonus: bonus,
            components: [component(.bookedRevenue, weight: "100", threshold: "0", target: "10000", cap: "50000")],
            createdBy: .init(UUID()), createdAt: Date(timeIntervalSince1970: 0))
        var before = ScorecardMetrics.compute(SubjectFigures(subjectID: "x"), base: .eur) { $0 }
        before.onTimeRate = d("90")
        before.deliveredMarginPercent = d("50")
        var now = before
        now.bookedRevenue = Money(d("20000"), .eur)
        let person = User.ID(UUID())
        let earnings = PlanEarnings.compute(revenue, metrics: now)
        #expect(IncentiveAlignment.check(revenue, person: person, earnings: earnings, now: now, before: before).isEmpty)
        now.onTimeRate = d("70")
        let warnings = IncentiveAlignment.check(revenue, person: person, earnings: earnings, now: now, before: before)
        #expect(warnings.map(\.code) == [.volumeRewardedWhileDeliveryFell])
        #expect(warnings.first?.paid == Money(d("6000"), .eur))
        #expect(warnings.first?.evidence.first { $0.metric == .onTimeRate }?.worse == true)
        // A plan that also pays for kept promises is not flagged.
        var shared = revenue
        shared.components = [
            component(.bookedRevenue, weight: "50", threshold: "0", target: "10000", cap: "50000"),
            component(.promisesKept, weight: "50", threshold: "0", target: "10", cap: "20"),
        ]
        let sharedEarnings = PlanEarnings.compute(shared, metrics: now)
        #expect(
            IncentiveAlignment.check(shared, person: person, earnings: sharedEarnings, now: now, before: before).isEmpty
        )
    }
}
