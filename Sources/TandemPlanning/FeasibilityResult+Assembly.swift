import Foundation
import TandemDomain

extension FeasibilityCheck {
    /// The result of the check: the plan as public values, the verdict and the reasons.
    func result(riskDelivery: Int?, confidence: Double, widerSplit: (vendors: Int, delivery: Int)?)
        -> FeasibilityResult
    {
        var costs: [CurrencyCode: Decimal] = [:]
        var currencyOrder: [CurrencyCode] = []
        var targets: [PlannedTarget] = []
        for (t, target) in request.targets.enumerated() {
            let outcome = best.targets[t]
            let steps = outcome.steps.map { step in
                PlannedStep(
                    service: step.service, words: step.words, start: Instant(minutes: step.start),
                    end: Instant(minutes: step.end),
                    assignments: step.assignments.map { a in
                        let cost = (a.capability.costPerWord * Decimal(a.words)).rounded
                        if costs[cost.currency] == nil { currencyOrder.append(cost.currency) }
                        costs[cost.currency, default: 0] += cost.amount
                        return PlannedAssignment(
                            vendor: index.entry(a.slot).vendor.id, words: a.words,
                            start: Instant(minutes: a.start), end: Instant(minutes: a.end), cost: cost)
                    })
            }
            targets.append(
                PlannedTarget(
                    source: target.source, target: target.target,
                    delivery: outcome.delivery.map(Instant.init(minutes:)), steps: steps))
        }
        var (verdict, reasons) = verdictAndReasons(riskDelivery: riskDelivery)
        if let widerSplit {
            let delivery = Instant(minutes: widerSplit.delivery)
            reasons.insert(
                widerSplit.delivery <= request.deadline.minutes
                    ? .widerSplitInTime(vendors: widerSplit.vendors, delivery: delivery)
                    : .widerSplit(vendors: widerSplit.vendors, delivery: delivery),
                at: 1)
        }
        if best.delivery == nil { verdict = .red }
        return FeasibilityResult(
            verdict: verdict, earliestDelivery: best.delivery.map(Instant.init(minutes:)), deadline: request.deadline,
            confidence: confidence, riskAdjustedDelivery: riskDelivery.map(Instant.init(minutes:)),
            targets: targets, reasons: reasons,
            cost: currencyOrder.map { Money(costs[$0]!, $0) })
    }
}
