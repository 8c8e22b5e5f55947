import Foundation
import TandemDomain

extension CapacityIndex {
    /// Earliest delivery, plan, verdict, reasons and confidence for `request`. Planning starts at
    /// the later of `request.start` and `now`; nothing reads the system clock.
    public func check(_ request: FeasibilityRequest, now: Instant, options: PlanningOptions = .standard) throws
        -> FeasibilityResult
    {
        try PlanningValidation.validate(request, index: self)
        var check = FeasibilityCheck(index: self, request: request, now: now, options: options)
        check.planInTheBestOrder()
        check.improveByRounds()
        check.searchLocally()
        let riskDelivery = check.riskAdjustedDelivery()
        let confidence = check.confidence()
        let widerSplit = check.widerSplit()
        return check.result(riskDelivery: riskDelivery, confidence: confidence, widerSplit: widerSplit)
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

/// One feasibility check, phase by phase: a first plan in the best order of targets, then
/// (small requests only) improvement rounds and a local search, then the plan's delivery with
/// tentative work counted, its confidence, and what one more vendor per step would give.
struct FeasibilityCheck {
    let index: CapacityIndex
    let request: FeasibilityRequest
    let options: PlanningOptions
    let origin: Int
    let candidates: [[[Candidate]]]
    /// Whether the request is small enough for the improvement rounds and the local search.
    let isSmall: Bool
    private(set) var scheduler: Scheduler
    private(set) var best: RunOutcome
    private(set) var horizonDays: Int

    init(index: CapacityIndex, request: FeasibilityRequest, now: Instant, options: PlanningOptions) {
        self.index = index
        self.request = request
        self.options = options
        origin = max(request.start.minutes, now.minutes)
        var candidates = Scheduler.candidates(index: index, request: request)
        Scheduler.localize(&candidates, slotCount: index.slotCount)
        self.candidates = candidates
        isSmall = candidates.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } <= options.smallRequestCandidates
        horizonDays = min(
            options.maxHorizonDays, max(28, (max(request.deadline.minutes, origin) - origin) / 1440 + 21))
        scheduler = Scheduler(
            index: index, request: request, origin: origin, horizon: origin + horizonDays * 1440,
            weighTentative: false, candidates: candidates)
        best = RunOutcome(order: [], targets: [])
    }

    /// Whether `delivery` leaves at least the amber share of the window (start of planning to
    /// deadline) as slack: what separates green from amber.
    func isComfortable(delivery: Int) -> Bool {
        Double(request.deadline.minutes - delivery) >= options.amberSlackFraction
            * Double(request.deadline.minutes - origin)
    }

    /// The end of planning for the current `horizonDays`.
    private var horizon: Int { origin + horizonDays * 1440 }

    /// A scheduler over this check's candidates, for its request or a variant of it (same targets and steps).
    private func makeScheduler(for request: FeasibilityRequest, horizon: Int, weighTentative: Bool) -> Scheduler {
        Scheduler(
            index: index, request: request, origin: origin, horizon: horizon, weighTentative: weighTentative,
            candidates: candidates)
    }

    /// Plans the targets as given, and in other orders when the order could change the plan:
    /// always for a few targets, for more only when the first plan is not comfortably on time.
    /// A plan that runs into the horizon is made again with a horizon four times as long.
    mutating func planInTheBestOrder() {
        while true {
            if scheduler.horizon != horizon {
                scheduler = makeScheduler(for: request, horizon: horizon, weighTentative: false)
            }
            best = scheduler.plan(order: Array(request.targets.indices))
            let comfortable = best.delivery.map(isComfortable(delivery:)) ?? false
            if scheduler.orderMatters(for: best), request.targets.count > 1,
                request.targets.count <= options.exhaustiveOrderLimit || !comfortable
            {
                let orders = scheduler.targetOrders(limit: options.exhaustiveOrderLimit)
                let others = scheduler.bestRun(orders: Array(orders.dropFirst()))
                if others.isBetter(than: best) { best = others }
            }
            if !best.hitHorizon || horizonDays >= options.maxHorizonDays { return }
            horizonDays = min(horizonDays * 4, options.maxHorizonDays)
        }
    }

    /// Keeps one vendor of the plan off one step, plans again, keeps the change if the plan is
    /// better (a vendor used for translation may be worth more as a reviser elsewhere). Seeded.
    mutating func improveByRounds() {
        guard isSmall, options.improvementRounds > 0 else { return }
        var rng = SeededGenerator(seed: options.seed &+ 1)
        var kept: Set<Scheduler.StepVendor> = []
        for _ in 0..<options.improvementRounds {
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

    /// Single changes, then pairs of changes (see `Scheduler.localSearch`), on small requests;
    /// then the same from the result with finer shares (a quarter or three quarters of a
    /// vendor's share), which targets sharing vendors need (e.g. a translator who does only the
    /// few words the other cannot finish by the next morning, and is free for a second target).
    mutating func searchLocally() {
        guard isSmall, options.localSearchPlans > 0 else { return }
        let orders =
            scheduler.orderMatters(for: best) ? scheduler.targetOrders(limit: options.exhaustiveOrderLimit) : []
        let lowerBound = scheduler.deliveryLowerBound()
        let bound = lowerBound?.delivery
        var start = (run: best, rules: Scheduler.Rules(forbidden: scheduler.forbidden))
        if let lowerBound, let delivery = best.delivery, delivery > lowerBound.delivery {
            // The writers that reach the bound: for one target that plan is the answer. Taken
            // only when it does reach the bound (starting the search from it otherwise could
            // end elsewhere, and a benchmark instance ended later that way).
            let rules = scheduler.rulesReaching(lowerBound)
            let run = scheduler.plan(order: best.order, rules: rules)
            if let delivery = run.delivery, delivery <= lowerBound.delivery { start = (run, rules) }
        }
        var found = scheduler.localSearch(
            from: start.run, rules: start.rules, orders: orders, budget: options.localSearchPlans, bound: bound)
        if options.refinementPlans > 0, let delivery = found.run.delivery, delivery > bound ?? Int.min {
            found = scheduler.localSearch(
                from: found.run, rules: found.rules, orders: orders, budget: options.refinementPlans, bound: bound,
                finerShares: true)
        }
        best = found.run
    }

    /// The delivery with tentative work at its weighted share. If the plan leaves that time
    /// alone it stands; otherwise the same plan slid later around it (a cheap upper bound), and
    /// only if that misses the deadline, a new plan.
    mutating func riskAdjustedDelivery() -> Int? {
        guard best.delivery != nil else { return nil }
        let usesTentativeTime = best.reserved.contains { slot, work in
            guard let weighted = index.weightedTentative(slot) else { return false }
            return work.contains { reserved in weighted.contains { Spans.overlap($0, reserved.span) > 0 } }
        }
        guard usesTentativeTime else { return best.delivery }
        guard let shifted = ConfidenceSimulation.shiftedDelivery(of: best, scheduler: &scheduler, index: index) else {
            return nil
        }
        guard shifted != best.delivery, shifted > request.deadline.minutes else { return shifted }
        var riskScheduler = makeScheduler(for: request, horizon: scheduler.horizon, weighTentative: true)
        riskScheduler.forbidden = scheduler.forbidden
        riskScheduler.lastResort = scheduler.lastResort
        riskScheduler.reduced = scheduler.reduced
        return min(shifted, riskScheduler.bestRun(orders: [best.order]).delivery ?? Int.max)
    }

    /// The probability of meeting the deadline (`ConfidenceSimulation`).
    mutating func confidence() -> Double {
        guard best.delivery != nil else { return 0 }
        return ConfidenceSimulation.probability(
            of: best, meeting: request.deadline.minutes, scheduler: &scheduler, index: index, options: options)
    }

    /// When late, what one more vendor per step would give: a lever sales can offer.
    func widerSplit() -> (vendors: Int, delivery: Int)? {
        guard let delivery = best.delivery, delivery > request.deadline.minutes, request.maxVendorsPerStep < 5,
            candidates.contains(where: { $0.contains { $0.count > request.maxVendorsPerStep } })
        else { return nil }
        var wider = request
        wider.maxVendorsPerStep += 1
        var widerScheduler = makeScheduler(for: wider, horizon: scheduler.horizon, weighTentative: false)
        guard let d = widerScheduler.plan(order: best.order).delivery, d < delivery else { return nil }
        return (wider.maxVendorsPerStep, d)
    }
}
