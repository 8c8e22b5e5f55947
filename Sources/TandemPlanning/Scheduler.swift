import Foundation
import TandemDomain

/// One vendor's share of a step as the scheduler found it.
struct AssignmentOutcome: Sendable {
    var slot: Int
    var capability: Capability
    var words: Int
    var start: Int
    var end: Int
    var spans: [Span]
}

struct StepOutcome: Sendable {
    var service: Service
    var words: Int
    /// When the previous step of the target finished (or the request start).
    var ready: Int
    var assignments: [AssignmentOutcome]
    var eligible: [Int]
    var fourEyesExcluded: [Int]
    var start: Int { assignments.map(\.start).min() ?? ready }
    var end: Int { assignments.map(\.end).max() ?? ready }
}

enum StepFailure: Sendable, Equatable {
    case noVendor(excludedByFourEyes: Int, excludedByRequest: Int)
    case beyondHorizon
}

struct TargetOutcome: Sendable {
    var steps: [StepOutcome] = []
    /// Index of the step that could not be planned, and why.
    var failure: (step: Int, reason: StepFailure)?
    var delivery: Int? { failure == nil ? steps.last?.end : nil }
}

struct RunOutcome: Sendable {
    var order: [Int]
    var targets: [TargetOutcome]
    /// Work reserved per vendor slot in this run, with what it was for.
    var reserved: [Int: [(span: Span, label: String)]]

    var delivery: Int? {
        var latest = Int.min
        for target in targets { guard let d = target.delivery else { return nil }; latest = max(latest, d) }
        return latest
    }
    var hitHorizon: Bool { targets.contains { $0.failure?.reason == .beyondHorizon } }
    var sumOfDeliveries: Int { targets.reduce(0) { $0 + ($1.delivery ?? 0) } }
    var totalCostAmount: Decimal {
        targets.reduce(Decimal(0)) { acc, t in t.steps.reduce(acc) { a, s in s.assignments.reduce(a) { $0 + $1.capability.costPerWord.amount * Decimal($1.words) } } }
    }

    /// Earlier overall delivery first, then earlier deliveries overall, then cheaper.
    func isBetter(than other: RunOutcome) -> Bool {
        switch (delivery, other.delivery) {
        case (nil, nil): return targets.filter { $0.failure == nil }.count > other.targets.filter { $0.failure == nil }.count
        case (.some, nil): return true
        case (nil, .some): return false
        case let (.some(a), .some(b)):
            if a != b { return a < b }
            if sumOfDeliveries != other.sumOfDeliveries { return sumOfDeliveries < other.sumOfDeliveries }
            return totalCostAmount < other.totalCostAmount
        }
    }
}

/// Plans one request against one index: list scheduling of each target's chain of steps, the
/// targets taken in several orders, vendors' free time shared across targets.
struct Scheduler {
    let index: CapacityIndex
    let request: FeasibilityRequest
    let origin: Int
    let horizon: Int
    let weighTentative: Bool
    private let preferred: Set<Int>
    private let excluded: Set<Int>
    private var baseCache: [Int: FreeTime] = [:]

    init(index: CapacityIndex, request: FeasibilityRequest, origin: Int, horizon: Int, weighTentative: Bool) {
        self.index = index; self.request = request; self.origin = origin; self.horizon = horizon; self.weighTentative = weighTentative
        preferred = Set(request.preferredVendors.compactMap { index.slot(of: $0) })
        excluded = Set(request.excludedVendors.compactMap { index.slot(of: $0) })
    }

    /// Free time from the origin to the horizon, before this request takes any.
    mutating func base(_ slot: Int) -> FreeTime {
        if let cached = baseCache[slot] { return cached }
        let made = index.entry(slot).calendar.freeTime(from: origin, to: horizon, weighTentative: weighTentative)
        baseCache[slot] = made
        return made
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
        var reserved: [Int: [(span: Span, label: String)]] = [:]
        var effective: [Int: FreeTime] = [:]
        for t in order {
            // Four-eyes look-ahead: when some of this target's revisers could also translate it,
            // also try keeping them (all, or the fastest one or two) off the writing steps, and
            // keep whichever variant delivers the target first.
            var best = planTarget(t, effective: effective, keepOff: [])
            for keepOff in fourEyesVariants(t) {
                let alternative = planTarget(t, effective: effective, keepOff: keepOff)
                if let a = alternative.outcome.delivery, a < (best.outcome.delivery ?? Int.max) { best = alternative }
            }
            targets[t] = best.outcome
            let label = "\(request.targets[t].target)"
            for step in best.outcome.steps {
                for assignment in step.assignments {
                    reserved[assignment.slot, default: []].append(contentsOf: assignment.spans.map { ($0, "\(label) \(step.service)") })
                    effective[assignment.slot] = (effective[assignment.slot] ?? base(assignment.slot)).subtracting(assignment.spans)
                }
            }
        }
        return RunOutcome(order: order, targets: targets, reserved: reserved)
    }

    /// Plans one target's chain on top of `effective` (free time left by targets planned before).
    /// Sets of vendors to keep off a target's writing steps so they stay free to revise it.
    func fourEyesVariants(_ t: Int) -> [Set<Int>] {
        let target = request.targets[t]
        var writers = Set<Int>(), reviewers: [(slot: Int, rate: Int)] = []
        for step in target.steps {
            let candidates = index.candidates(source: target.source, target: target.target, service: step.service)
            if step.service.isReview { reviewers += candidates.map { ($0.slot, $0.capability.wordsPerHour) } }
            else { writers.formUnion(candidates.map(\.slot)) }
        }
        let both = reviewers.filter { writers.contains($0.slot) && !excluded.contains($0.slot) }.sorted { $0.rate > $1.rate }
        guard !both.isEmpty else { return [] }
        var variants = [Set(both.map(\.slot))]
        for r in both.prefix(2) where both.count > 1 { variants.append([r.slot]) }
        return variants
    }

    mutating func planTarget(_ t: Int, effective initial: [Int: FreeTime], keepOff: Set<Int>) -> (outcome: TargetOutcome, effective: [Int: FreeTime]) {
        let target = request.targets[t]
        var effective = initial
        var ready = origin
        var worked = Set<Int>()
        var outcome = TargetOutcome()
        let candidateLists = target.steps.map { index.candidates(source: target.source, target: target.target, service: $0.service) }
        for (s, step) in target.steps.enumerated() {
            var eligible: [(slot: Int, capability: Capability)] = []
            var fourEyes: [Int] = [], byRequest = 0
            for candidate in candidateLists[s] {
                if excluded.contains(candidate.slot) { byRequest += 1; continue }
                if step.service.isReview, worked.contains(candidate.slot) { fourEyes.append(candidate.slot); continue }
                eligible.append(candidate)
            }
            if !keepOff.isEmpty, !step.service.isReview {
                let narrowed = eligible.filter { !keepOff.contains($0.slot) }
                if !narrowed.isEmpty { eligible = narrowed }
            }
            if eligible.isEmpty {
                outcome.failure = (s, .noVendor(excludedByFourEyes: fourEyes.count, excludedByRequest: byRequest))
                break
            }
            var times: [FreeTime] = []
            times.reserveCapacity(eligible.count)
            for candidate in eligible { times.append(effective[candidate.slot] ?? base(candidate.slot)) }
            guard let assignments = scheduleStep(ready: ready, words: step.words, candidates: eligible, times: times) else {
                outcome.failure = (s, .beyondHorizon)
                break
            }
            for assignment in assignments {
                effective[assignment.slot] = (effective[assignment.slot] ?? base(assignment.slot)).subtracting(assignment.spans)
                if !step.service.isReview { worked.insert(assignment.slot) }
            }
            let stepOutcome = StepOutcome(service: step.service, words: step.words, ready: ready, assignments: assignments,
                                          eligible: eligible.map(\.slot), fourEyesExcluded: fourEyes)
            outcome.steps.append(stepOutcome)
            ready = stepOutcome.end
        }
        return (outcome, effective)
    }

    /// The earliest instant T by which the best `maxVendorsPerStep` vendors together can do the
    /// words, then the words split among them (preferred vendors first, then the cheapest).
    func scheduleStep(ready: Int, words: Int, candidates: [(slot: Int, capability: Capability)], times: [FreeTime]) -> [AssignmentOutcome]? {
        let k = min(request.maxVendorsPerStep, candidates.count)
        let n = candidates.count
        var startMinutes = [Int](repeating: 0, count: n)
        var rates = [Int](repeating: 0, count: n)
        for i in 0..<n {
            startMinutes[i] = times[i].minutes(before: ready)
            rates[i] = candidates[i].capability.wordsPerHour
        }
        var top = [Int](repeating: 0, count: k)
        func capacity(_ i: Int, _ t: Int) -> Int { (times[i].minutes(before: t) - startMinutes[i]) * rates[i] / 60 }
        func topSum(_ t: Int) -> Int {
            for j in 0..<k { top[j] = 0 }
            for i in 0..<n {
                let c = capacity(i, t)
                if c > top[k - 1] {
                    var j = k - 1
                    while j > 0, top[j - 1] < c { top[j] = top[j - 1]; j -= 1 }
                    top[j] = c
                }
            }
            return top.reduce(0, +)
        }
        guard topSum(horizon) >= words else { return nil }
        // Lower bound: even working non-stop from `ready`, the k fastest need this long.
        let fastest = rates.sorted(by: >).prefix(k).reduce(0, +)
        var lo = ready + max(1, (words * 60) / max(1, fastest)), hi = horizon
        lo = min(lo, hi)
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if topSum(mid) >= words { hi = mid } else { lo = mid + 1 }
        }
        let finish = lo
        let caps = (0..<n).map { capacity($0, finish) }
        func cheaper(_ a: Int, _ b: Int) -> Bool {
            let ca = candidates[a].capability.costPerWord.amount, cb = candidates[b].capability.costPerWord.amount
            if ca != cb { return ca < cb }
            return index.entry(candidates[a].slot).vendor.id < index.entry(candidates[b].slot).vendor.id
        }
        let byCapacity = (0..<n).filter { caps[$0] > 0 }.sorted { a, b in
            if caps[a] != caps[b] { return caps[a] > caps[b] }
            let pa = preferred.contains(candidates[a].slot), pb = preferred.contains(candidates[b].slot)
            if pa != pb { return pa }
            return cheaper(a, b)
        }
        var chosen = Array(byCapacity.prefix(k))
        if !preferred.isEmpty {
            let favoured = byCapacity.filter { preferred.contains(candidates[$0].slot) }.prefix(k)
            let others = byCapacity.filter { !preferred.contains(candidates[$0].slot) }
            let alternative = Array(favoured) + others.prefix(k - favoured.count)
            if alternative.reduce(0, { $0 + caps[$1] }) >= words { chosen = alternative }
        }
        // Fill preferred vendors first, then the cheapest, each up to what it can do by `finish`.
        chosen.sort { a, b in
            let pa = preferred.contains(candidates[a].slot), pb = preferred.contains(candidates[b].slot)
            if pa != pb { return pa }
            return cheaper(a, b)
        }
        var remaining = words
        var out: [AssignmentOutcome] = []
        for i in chosen where remaining > 0 {
            let share = min(caps[i], remaining)
            remaining -= share
            let minutesNeeded = (share * 60 + rates[i] - 1) / rates[i]
            guard let end = times[i].instant(afterMinutes: startMinutes[i] + minutesNeeded),
                  let start = times[i].firstFree(atOrAfter: ready) else { return nil }
            out.append(AssignmentOutcome(slot: candidates[i].slot, capability: candidates[i].capability, words: share,
                                         start: start, end: end, spans: times[i].spans(from: ready, to: end)))
        }
        return remaining == 0 ? out : nil
    }
}
