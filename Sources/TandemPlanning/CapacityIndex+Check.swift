import Foundation
import TandemDomain

extension CapacityIndex {
    /// Earliest delivery, plan, verdict, reasons and confidence for `request`. Planning starts at
    /// the later of `request.start` and `now`; nothing reads the system clock.
    public func check(_ request: FeasibilityRequest, now: Instant, options: PlanningOptions = .standard) throws
        -> FeasibilityResult
    {
        try PlanningValidation.validate(request, index: self)
        let origin = max(request.start.minutes, now.minutes)

        var candidates = Scheduler.candidates(index: self, request: request)
        Scheduler.localize(&candidates, slotCount: slotCount)
        var horizonDays = max(28, (max(request.deadline.minutes, origin) - origin) / 1440 + 21)
        var scheduler: Scheduler
        var best: RunOutcome
        repeat {
            horizonDays = min(horizonDays, options.maxHorizonDays)
            scheduler = Scheduler(
                index: self, request: request, origin: origin, horizon: origin + horizonDays * 1440,
                weighTentative: false,
                candidates: candidates)
            best = scheduler.plan(order: Array(request.targets.indices))
            // Other orders are tried when they could change the plan: always for a few targets,
            // for more only when the first plan is not comfortably on time.
            let comfortable =
                best.delivery.map {
                    Double(request.deadline.minutes - $0) >= options.amberSlackFraction
                        * Double(request.deadline.minutes - origin)
                } ?? false
            if scheduler.orderMatters(for: best), request.targets.count > 1,
                request.targets.count <= options.exhaustiveOrderLimit || !comfortable
            {
                let orders = scheduler.targetOrders(limit: options.exhaustiveOrderLimit)
                let others = scheduler.bestRun(orders: Array(orders.dropFirst()))
                if others.isBetter(than: best) { best = others }
            }
            if !best.hitHorizon || horizonDays >= options.maxHorizonDays { break }
            horizonDays *= 4
        } while true

        // Improvement rounds: keep one vendor of the plan off one step, plan again, keep the
        // change if the plan is better (a vendor used for translation may be worth more as a
        // reviser elsewhere). Only on small requests: on big ones it would cost milliseconds.
        let candidateCount = candidates.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let small = candidateCount <= options.smallRequestCandidates
        let rounds = small ? options.improvementRounds : 0
        if rounds > 0 {
            var rng = SeededGenerator(seed: options.seed &+ 1)
            var kept: Set<Scheduler.StepVendor> = []
            for _ in 0..<rounds {
                var used: [Scheduler.StepVendor] = []
                for (t, target) in best.targets.enumerated() {
                    for (s, step) in target.steps.enumerated() {
                        used += step.assignments.map { Scheduler.StepVendor(target: t, step: s, slot: $0.slot) }
                    }
                }
                guard !used.isEmpty else { break }
                scheduler.forbidden = kept.union([used[Int(rng.next() % UInt64(used.count))]])
                let trial = scheduler.plan(order: best.order)
                if trial.isBetter(than: best) {
                    best = trial
                    kept = scheduler.forbidden
                }
            }
            scheduler.forbidden = kept
        }
        // Local search, on the same small requests: single changes, then pairs of changes
        // (e.g. who translates one target and how another's translation is split).
        if small, options.localSearchPlans > 0 {
            let orders =
                scheduler.orderMatters(for: best) ? scheduler.targetOrders(limit: options.exhaustiveOrderLimit) : []
            best =
                scheduler.localSearch(
                    from: best, rules: Scheduler.Rules(forbidden: scheduler.forbidden), orders: orders,
                    budget: options.localSearchPlans, bound: scheduler.deliveryLowerBound()
                ).run
        }

        // Tentative work at its weighted share: if the plan leaves that time alone it stands as
        // is; otherwise plan again without it.
        // A cheap bound first: the same plan slid later around that time. Only if it misses the
        // deadline is a full re-plan needed to know.
        var riskRun = best
        var riskDelivery = best.delivery
        if best.delivery != nil,
            best.reserved.contains(where: { slot, spans in
                guard let weighted = weightedTentative(slot) else { return false }
                return spans.contains { reserved in weighted.contains { Spans.overlap($0, reserved.span) > 0 } }
            })
        {
            riskDelivery = ConfidenceSimulation.shiftedDelivery(of: best, scheduler: &scheduler, index: self)
        }
        if let shifted = riskDelivery, shifted != best.delivery, shifted > request.deadline.minutes {
            var riskScheduler = Scheduler(
                index: self, request: request, origin: origin, horizon: scheduler.horizon, weighTentative: true,
                candidates: scheduler.stepCandidates)
            riskScheduler.forbidden = scheduler.forbidden
            riskScheduler.lastResort = scheduler.lastResort
            riskScheduler.halved = scheduler.halved
            riskRun = riskScheduler.bestRun(orders: [best.order])
            riskDelivery = min(shifted, riskRun.delivery ?? Int.max)
        }

        let confidence =
            best.delivery == nil
            ? 0
            : ConfidenceSimulation.probability(
                of: best, meeting: request.deadline.minutes, scheduler: &scheduler, index: self, options: options)

        // When late, what one more vendor per step would give: a lever sales can offer.
        var widerSplit: (vendors: Int, delivery: Int)?
        if let delivery = best.delivery, delivery > request.deadline.minutes, request.maxVendorsPerStep < 5,
            candidates.contains(where: { $0.contains { $0.count > request.maxVendorsPerStep } })
        {
            var wider = request
            wider.maxVendorsPerStep += 1
            var widerScheduler = Scheduler(
                index: self, request: wider, origin: origin, horizon: scheduler.horizon, weighTentative: false,
                candidates: candidates)
            if let d = widerScheduler.plan(order: best.order).delivery, d < delivery {
                widerSplit = (wider.maxVendorsPerStep, d)
            }
        }

        var result = Self.result(
            request: request, origin: origin, best: best, riskDelivery: riskDelivery, confidence: confidence,
            horizonDays: horizonDays, index: self, options: options)
        if let widerSplit {
            result.reasons.insert(
                "With up to \(widerSplit.vendors) vendors per step, delivery could be \(Instant(minutes: widerSplit.delivery).readable)\(widerSplit.delivery <= request.deadline.minutes ? ", in time" : "").",
                at: 1)
        }
        return result
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        var out: [[Int]] = []
        for (i, item) in items.enumerated() {
            var rest = items
            rest.remove(at: i)
            for tail in permutations(rest) { out.append([item] + tail) }
        }
        return out
    }
}
