import Foundation
import TandemDomain

extension CapacityIndex {
    /// Earliest delivery, plan, verdict, reasons and confidence for `request`. Planning starts at
    /// the later of `request.start` and `now`; nothing reads the system clock.
    public func check(_ request: FeasibilityRequest, now: Instant, options: PlanningOptions = .standard) throws -> FeasibilityResult {
        try PlanningValidation.validate(request, index: self)
        let origin = max(request.start.minutes, now.minutes)
        let orders = Self.targetOrders(for: request, index: self, limit: options.exhaustiveOrderLimit)

        var horizonDays = max(28, (max(request.deadline.minutes, origin) - origin) / 1440 + 21)
        var scheduler: Scheduler
        var best: RunOutcome
        repeat {
            horizonDays = min(horizonDays, options.maxHorizonDays)
            scheduler = Scheduler(index: self, request: request, origin: origin, horizon: origin + horizonDays * 1440, weighTentative: false)
            best = scheduler.bestRun(orders: orders)
            if !best.hitHorizon || horizonDays >= options.maxHorizonDays { break }
            horizonDays *= 4
        } while true

        var riskScheduler = Scheduler(index: self, request: request, origin: origin, horizon: scheduler.horizon, weighTentative: true)
        let riskRun = riskScheduler.bestRun(orders: [best.order] + orders.filter { $0 != best.order }.prefix(3))

        let confidence = best.delivery == nil ? 0 :
            ConfidenceSimulation.probability(of: best, meeting: request.deadline.minutes, scheduler: &scheduler, index: self, options: options)

        return Self.result(request: request, origin: origin, best: best, riskRun: riskRun, confidence: confidence,
                           horizonDays: horizonDays, index: self, options: options)
    }

    /// The orders in which targets are planned: all of them for a few targets, otherwise
    /// heuristics (as given, biggest first, scarcest vendors first, reversed).
    static func targetOrders(for request: FeasibilityRequest, index: CapacityIndex, limit: Int) -> [[Int]] {
        let n = request.targets.count
        let given = Array(0..<n)
        if n <= limit { return permutations(given) }
        let work = request.targets.map { $0.steps.reduce(0) { $0 + $1.words } }
        let pool = request.targets.map { t in t.steps.map { index.candidates(source: t.source, target: t.target, service: $0.service).count }.min() ?? 0 }
        var orders = [given, given.sorted { work[$0] > work[$1] }, given.sorted { pool[$0] < pool[$1] }, given.reversed()]
        var seen = Set<[Int]>()
        orders = orders.filter { seen.insert($0).inserted }
        return orders
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
