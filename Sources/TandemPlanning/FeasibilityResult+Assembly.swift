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
            let steps = outcome.steps.enumerated().map { s, step in
                PlannedStep(
                    service: step.service, words: step.words,
                    unit: target.steps[s].unit == .word ? nil : target.steps[s].unit,
                    start: Instant(minutes: step.start), end: Instant(minutes: step.end),
                    assignments: step.assignments.map { a in
                        let cost = Self.cost(
                            of: a, step: target.steps[s], vendorGrid: index.grid(a.slot), request: request)
                        if costs[cost.currency] == nil { currencyOrder.append(cost.currency) }
                        costs[cost.currency, default: 0] += cost.amount
                        return PlannedAssignment(
                            vendor: index.vendorID(a.slot), words: a.words, start: Instant(minutes: a.start),
                            end: Instant(minutes: a.end), cost: cost)
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
        var baseCost: Money?
        if let rates = request.exchangeRates, rates.complete {
            let total = currencyOrder.reduce(Decimal(0)) { $0 + costs[$1]! * (rates.rate(for: $1) ?? 0) }
            baseCost = Money(total, rates.currency).rounded
        }
        return FeasibilityResult(
            verdict: verdict, earliestDelivery: best.delivery.map(Instant.init(minutes:)), deadline: request.deadline,
            confidence: confidence, riskAdjustedDelivery: riskDelivery.map(Instant.init(minutes:)),
            targets: targets, reasons: reasons,
            cost: currencyOrder.map { Money(costs[$0]!, $0) }, baseCost: baseCost)
    }

    /// A vendor's cost for one assignment, in the vendor's currency: the price (the rush price
    /// on a rush request) per word or page of the share, weighted by the grid when the step
    /// has match bands, or per hour of the worker-time it takes; at least the minimum fee.
    static func cost(of a: AssignmentOutcome, step: StepRequest, vendorGrid: CostGrid?, request: FeasibilityRequest)
        -> Money
    {
        let rate = a.capability.rate
        let price = request.rush ? (rate.rushPrice ?? rate.price) : rate.price
        var amount: Decimal
        switch rate.unit {
        case .hour:
            // Worker-minutes: the share at the capability's throughput (minutes for hour steps).
            let perHour = a.capability.unitsPerHour
            let minutes = (a.words * 60 + perHour - 1) / perHour
            amount = price.amount * Decimal(minutes) / 60
        case .word, .page:
            amount = price.amount * Decimal(a.words)
            if rate.unit == .word, let bands = step.bands, step.words > 0,
                let grid = vendorGrid ?? request.grid
            {
                amount = amount * grid.weightedWords(bands) / Decimal(step.words)
            }
        }
        if let minimum = rate.minimumFee, minimum.amount > amount { amount = minimum.amount }
        return Money(amount, price.currency).rounded
    }
}
