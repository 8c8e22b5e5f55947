import Foundation
import TandemDomain

/// Plans one request against one index: list scheduling of each target's chain of steps, the
/// targets taken in several orders, vendors' free time shared across targets.
struct Scheduler {
    let index: CapacityIndex
    let request: FeasibilityRequest
    let origin: Int
    let horizon: Int
    let weighTentative: Bool
    private let preferred: Set<VendorSlot>
    let excluded: Set<VendorSlot>
    /// Candidates per target and step.
    let stepCandidates: [[[Candidate]]]
    /// Free time per candidate vendor (by `RequestVendor`), filled on first use.
    private var baseCache: [FreeTime?]
    let vendorCount: Int
    /// Vendors kept off particular steps by the improvement rounds and the local search.
    var forbidden: Set<StepVendor> = []
    /// Vendors who, on particular steps, only take what the step's other vendors cannot do by
    /// the end of their working block (set by the local search): the step may end a little
    /// later, but the vendor is free sooner for other work.
    var lastResort: Set<StepVendor> = []
    /// Vendors who, on particular steps, take only 1, 2 or 3 quarters of what they would take
    /// (set by the local search); the step's other vendors do the rest, later if need be.
    var reduced: [StepVendor: Int] = [:]

    /// One vendor on one step of one target.
    struct StepVendor: Hashable, Sendable {
        var target: Int
        var step: Int
        var slot: VendorSlot

        /// A fixed order, for walking sets of these the same way in every process.
        static func precedes(_ a: StepVendor, _ b: StepVendor) -> Bool {
            (a.target, a.step, a.slot.index) < (b.target, b.step, b.slot.index)
        }
    }

    init(
        index: CapacityIndex, request: FeasibilityRequest, origin: Int, horizon: Int, weighTentative: Bool,
        candidates: [[[Candidate]]]? = nil
    ) {
        self.index = index
        self.request = request
        self.origin = origin
        self.horizon = horizon
        self.weighTentative = weighTentative
        preferred = Set(request.preferredVendors.compactMap { index.slot(of: $0) })
        excluded = Set(request.excludedVendors.compactMap { index.slot(of: $0) })
        var lists = candidates ?? Self.candidates(index: index, request: request)
        if candidates == nil { Self.localize(&lists, slotCount: index.slotCount) }
        stepCandidates = lists
        var highest = -1
        for target in lists {
            for step in target { for c in step where c.vendor.index > highest { highest = c.vendor.index } }
        }
        vendorCount = highest + 1
        baseCache = Array(repeating: nil, count: vendorCount)
    }

    static func candidates(index: CapacityIndex, request: FeasibilityRequest) -> [[[Candidate]]] {
        let costs = CostScale(currencies: index.currencies, exchangeRates: request.exchangeRates)
        return request.targets.map { target in
            target.steps.map {
                index.candidates(
                    source: target.source, target: target.target, step: $0, costs: costs,
                    pricing: StepPricing(request: request, step: $0), minimumQuality: request.minimumQuality)
            }
        }
    }

    /// Numbers the distinct vendors among the candidates 0..<n (`Candidate.vendor`) so the
    /// planner can keep per-vendor state in arrays; returns n.
    @discardableResult
    static func localize(_ lists: inout [[[Candidate]]], slotCount: Int) -> Int {
        var numbers = [Int](repeating: -1, count: slotCount)
        var next = 0
        for t in lists.indices {
            for s in lists[t].indices {
                for c in lists[t][s].indices {
                    let slot = lists[t][s][c].slot.index
                    if numbers[slot] < 0 {
                        numbers[slot] = next
                        next += 1
                    }
                    lists[t][s][c].vendor = RequestVendor(index: numbers[slot])
                }
            }
        }
        return next
    }

    /// Whether the order in which targets are planned can change `run`: only if some target's
    /// plan uses a vendor who could also work on another target. If not, every target got the
    /// plan it would get alone, whatever the order.
    func orderMatters(for run: RunOutcome) -> Bool {
        guard request.targets.count > 1 else { return false }
        var owners = [Int](repeating: -2, count: vendorCount)  // target, or -1 if several
        for (t, target) in stepCandidates.enumerated() {
            for step in target {
                for c in step {
                    let v = c.vendor.index
                    owners[v] = owners[v] == -2 || owners[v] == t ? t : -1
                }
            }
        }
        for target in run.targets {
            for step in target.steps { for a in step.assignments where owners[a.vendor.index] == -1 { return true } }
        }
        for (t, target) in run.targets.enumerated() where target.failure != nil {
            // A target that could not be planned might be planned if it went first.
            if stepCandidates[t].contains(where: { $0.contains { owners[$0.vendor.index] == -1 } }) { return true }
        }
        return false
    }

    /// The orders in which targets are planned: all of them for a few targets, otherwise
    /// heuristics (as given, biggest first, scarcest vendors first).
    func targetOrders(limit: Int) -> [[Int]] {
        let n = request.targets.count
        let given = Array(0..<n)
        if n <= limit { return CapacityIndex.permutations(given) }
        let work = request.targets.map { $0.steps.reduce(0) { $0 + $1.words } }
        let pool = stepCandidates.map { $0.map(\.count).min() ?? 0 }
        var seen = Set<[Int]>()
        return [given, given.sorted { work[$0] > work[$1] }, given.sorted { pool[$0] < pool[$1] }].filter {
            seen.insert($0).inserted
        }
    }

    /// Free time from the origin to the horizon, before this request takes any: from the
    /// index's precomputed window when it covers the horizon, otherwise from the calendar.
    mutating func base(_ vendor: RequestVendor, slot: VendorSlot) -> FreeTime {
        if let cached = baseCache[vendor.index] { return cached }
        var made: FreeTime
        if let window = index.window, window.start.minutes <= origin, horizon <= window.end.minutes,
            let precomputed = index.precomputed(slot)
        {
            made =
                index.isCapped(slot)
                ? index.startingWithin(precomputed, slot: slot, origin: origin, horizon: horizon) : precomputed
            if weighTentative, let weighted = index.weightedTentative(slot) { made = made.subtracting(weighted) }
        } else {
            made = index.entry(slot).calendar.freeTime(from: origin, to: horizon, weighTentative: weighTentative)
        }
        baseCache[vendor.index] = made
        return made
    }

    /// `time` less `spans`, keeping only the pieces that reach into this check's span: the
    /// search copies these many times (the index's window is months long), and no plan reads
    /// outside them.
    func taking(_ spans: [Span], from time: FreeTime) -> FreeTime {
        time.clipped(from: origin, to: horizon).subtracting(spans)
    }

    mutating func bestRun(orders: [[Int]]) -> RunOutcome {
        var best: RunOutcome?
        for order in orders {
            let run = plan(order: order)
            if best == nil || run.isBetter(than: best!) { best = run }
        }
        return best!
    }

    mutating func plan(order: [Int]) -> RunOutcome {
        var targets = Array(repeating: TargetOutcome(), count: request.targets.count)
        var effective = [FreeTime?](repeating: nil, count: vendorCount)
        for t in order {
            // Four-eyes look-ahead: when some of this target's revisers could also translate it,
            // also try keeping them (all, or the fastest one or two) off the writing steps, and
            // keep whichever variant delivers the target first.
            var best = planTarget(t, effective: effective, keepOff: [])
            for keepOff in needsLookAhead(t, best) ? fourEyesVariants(t) : [] {
                let alternative = planTarget(t, effective: effective, keepOff: keepOff)
                if let a = alternative.delivery, a < (best.delivery ?? Int.max) { best = alternative }
            }
            targets[t] = best
            for step in best.steps {
                for a in step.assignments {
                    effective[a.vendor.index] = taking(
                        a.spans, from: effective[a.vendor.index] ?? base(a.vendor, slot: a.slot))
                }
            }
        }
        return RunOutcome(order: order, targets: targets)
    }

    /// Plans one target's chain on top of `effective` (free time left by targets planned before),
    /// keeping the vendors in `keepOff` off its writing steps when others can do them.
    mutating func planTarget(_ t: Int, effective: [FreeTime?], keepOff: Set<VendorSlot>) -> TargetOutcome {
        let target = request.targets[t]
        // Time this target's own earlier steps took, kept aside (a handful of vendors) so the
        // shared table is never copied.
        var overlay: [(vendor: RequestVendor, time: FreeTime)] = []
        func current(_ vendor: RequestVendor) -> FreeTime? {
            for entry in overlay where entry.vendor == vendor { return entry.time }
            return effective[vendor.index]
        }
        var ready = origin
        var worked = Set<VendorSlot>()
        var outcome = TargetOutcome()
        for (s, step) in target.steps.enumerated() {
            let pool = eligibleVendors(target: t, step: s, service: step.service, worked: worked, keepOff: keepOff)
            if pool.eligible.isEmpty {
                outcome.failure = (
                    s, .noVendor(excludedByFourEyes: pool.fourEyes.count, excludedByRequest: pool.byRequest)
                )
                break
            }
            let times = pool.eligible.map { current($0.vendor) ?? base($0.vendor, slot: $0.slot) }
            let rules = stepRules(target: t, step: s, eligible: pool.eligible)
            guard
                let assignments = scheduleStep(
                    ready: ready, words: step.words, candidates: pool.eligible, times: times,
                    lastResort: rules.lastResort, reduced: rules.reduced)
            else {
                outcome.failure = (s, .beyondHorizon)
                break
            }
            for a in assignments {
                let updated = taking(a.spans, from: current(a.vendor) ?? base(a.vendor, slot: a.slot))
                if let i = overlay.firstIndex(where: { $0.vendor == a.vendor }) {
                    overlay[i].time = updated
                } else {
                    overlay.append((a.vendor, updated))
                }
                if !step.service.isReview { worked.insert(a.slot) }
            }
            let stepOutcome = StepOutcome(
                service: step.service, words: step.words, ready: ready, assignments: assignments,
                eligible: pool.eligible.map(\.slot), fourEyesExcluded: pool.fourEyes)
            outcome.steps.append(stepOutcome)
            ready = stepOutcome.end
        }
        return outcome
    }

    /// A step's candidates less those the request excludes and (on review steps) those who
    /// wrote the text; then less those the search keeps off it and `keepOff` (writing steps),
    /// unless that would leave nobody.
    private func eligibleVendors(
        target t: Int, step s: Int, service: Service, worked: Set<VendorSlot>, keepOff: Set<VendorSlot>
    ) -> (eligible: [Candidate], fourEyes: [VendorSlot], byRequest: Int) {
        var eligible: [Candidate] = []
        var fourEyes: [VendorSlot] = []
        var byRequest = 0
        for candidate in stepCandidates[t][s] {
            if !excluded.isEmpty, excluded.contains(candidate.slot) {
                byRequest += 1
            } else if service.isReview, worked.contains(candidate.slot) {
                fourEyes.append(candidate.slot)
            } else {
                eligible.append(candidate)
            }
        }
        if !forbidden.isEmpty {
            let allowed = eligible.filter { !forbidden.contains(StepVendor(target: t, step: s, slot: $0.slot)) }
            if !allowed.isEmpty { eligible = allowed }
        }
        if !keepOff.isEmpty, !service.isReview {
            let narrowed = eligible.filter { !keepOff.contains($0.slot) }
            if !narrowed.isEmpty { eligible = narrowed }
        }
        return (eligible, fourEyes, byRequest)
    }

    /// Positions among `eligible` of the step's last resorts, and of its reduced vendors with
    /// their quarters.
    private func stepRules(target t: Int, step s: Int, eligible: [Candidate]) -> (
        lastResort: [Int], reduced: [Int: Int]
    ) {
        guard !lastResort.isEmpty || !reduced.isEmpty else { return ([], [:]) }
        var spare: [Int] = []
        var shares: [Int: Int] = [:]
        for (i, candidate) in eligible.enumerated() {
            let key = StepVendor(target: t, step: s, slot: candidate.slot)
            if lastResort.contains(key) { spare.append(i) }
            if let quarters = reduced[key] { shares[i] = quarters }
        }
        return (spare, shares)
    }

    /// The step's words split over at most `maxVendorsPerStep` candidates (see `StepSplit`).
    /// Chosen vendors listed in `lastResort` (positions in `candidates`) only take what the best
    /// others cannot do by the end of their working block; a chosen vendor listed in `reduced`
    /// takes only that many quarters of its share, the best others the rest.
    func scheduleStep(
        ready: Int, words: Int, candidates: [Candidate], times: [FreeTime], lastResort: [Int] = [],
        reduced: [Int: Int] = [:]
    ) -> [AssignmentOutcome]? {
        var split = StepSplit(
            ready: ready, words: words, horizon: horizon, candidates: candidates, times: times,
            maxVendors: request.maxVendorsPerStep, preferred: preferred)
        guard let finish = split.earliestFinish() else { return nil }
        var chosen = split.chooseVendors()
        if !lastResort.isEmpty, chosen.contains(where: lastResort.contains) {
            chosen = split.lastResort(lastResort, chosen: chosen, finish: finish)
        } else if !reduced.isEmpty, split.maxVendors > 1, let h = chosen.first(where: { reduced[$0] != nil }),
            split.capacity(of: h) * reduced[h]! / 4 > 0
        {
            chosen = split.reduce(
                h, toQuarters: reduced[h]!, excluding: Array(reduced.keys), chosen: chosen, finish: finish)
        }
        return split.assignments(chosen, index: index)
    }
}
