import Foundation
import TandemDomain

/// One vendor's share of a step as the scheduler found it.
struct AssignmentOutcome: Sendable {
    var slot: Int
    /// The vendor's index among this check's candidates.
    var local: Int
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
    /// The request's target languages, for `reserved`'s labels.
    var targetNames: [String]

    /// Work reserved per vendor slot in this run, with what it was for. Built on demand: the
    /// search plans many runs and reads this of one.
    var reserved: [Int: [(span: Span, label: String)]] {
        var out: [Int: [(span: Span, label: String)]] = [:]
        for t in order where t < targets.count {
            for step in targets[t].steps {
                let label = "\(targetNames[t]) \(step.service)"
                for assignment in step.assignments {
                    out[assignment.slot, default: []].append(contentsOf: assignment.spans.map { ($0, label) })
                }
            }
        }
        return out
    }

    /// `reserved` of one vendor slot.
    func reserved(of slot: Int) -> [(span: Span, label: String)] {
        var out: [(span: Span, label: String)] = []
        for t in order where t < targets.count {
            for step in targets[t].steps {
                for assignment in step.assignments where assignment.slot == slot {
                    let label = "\(targetNames[t]) \(step.service)"
                    out.append(contentsOf: assignment.spans.map { ($0, label) })
                }
            }
        }
        return out
    }

    var delivery: Int? {
        var latest = Int.min
        for target in targets {
            guard let d = target.delivery else { return nil }
            latest = max(latest, d)
        }
        return latest
    }
    var hitHorizon: Bool { targets.contains { $0.failure?.reason == .beyondHorizon } }
    var sumOfDeliveries: Int { targets.reduce(0) { $0 + ($1.delivery ?? 0) } }
    var totalCostAmount: Decimal {
        targets.reduce(Decimal(0)) { acc, t in
            t.steps.reduce(acc) { a, s in
                s.assignments.reduce(a) { $0 + $1.capability.costPerWord.amount * Decimal($1.words) }
            }
        }
    }

    /// Earlier overall delivery first, then earlier deliveries overall, then cheaper.
    func isBetter(than other: RunOutcome) -> Bool {
        switch (delivery, other.delivery) {
        case (nil, nil):
            return targets.filter { $0.failure == nil }.count > other.targets.filter { $0.failure == nil }.count
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
    let excluded: Set<Int>
    /// Candidates per target and step.
    let stepCandidates: [[[Candidate]]]
    /// Free time per candidate (by `Candidate.local`), filled on first use.
    private var baseCache: [FreeTime?]
    let localCount: Int
    let targetNames: [String]
    /// Vendors kept off particular steps by the improvement rounds and the local search.
    var forbidden: Set<StepVendor> = []
    /// Vendors who, on particular steps, only take what the step's other vendors cannot do by
    /// the end of their working block (set by the local search): the step may end a little
    /// later, but the vendor is free sooner for other work.
    var lastResort: Set<StepVendor> = []
    /// Vendors who, on particular steps, take at most half of what they would take (set by the
    /// local search); the step's other vendors do the rest, later if need be.
    var halved: Set<StepVendor> = []

    struct StepVendor: Hashable, Sendable {
        var target: Int
        var step: Int
        var slot: Int
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
        for target in lists { for step in target { for c in step where c.local > highest { highest = c.local } } }
        localCount = highest + 1
        baseCache = Array(repeating: nil, count: localCount)
        targetNames = request.targets.map { "\($0.target)" }
    }

    static func candidates(index: CapacityIndex, request: FeasibilityRequest) -> [[[Candidate]]] {
        request.targets.map { target in
            target.steps.map { index.candidates(source: target.source, target: target.target, service: $0.service) }
        }
    }

    /// Numbers the distinct vendors among the candidates 0..<n (`Candidate.local`) so the
    /// planner can keep per-vendor state in arrays; returns n.
    @discardableResult
    static func localize(_ lists: inout [[[Candidate]]], slotCount: Int) -> Int {
        // A flat table indexed by slot: cheaper than hashing for the few thousand candidates.
        var localOf = [Int32](repeating: -1, count: slotCount)
        var next: Int32 = 0
        for t in lists.indices {
            for s in lists[t].indices {
                for c in lists[t][s].indices {
                    let slot = lists[t][s][c].slot
                    if localOf[slot] < 0 {
                        localOf[slot] = next
                        next += 1
                    }
                    lists[t][s][c].local = Int(localOf[slot])
                }
            }
        }
        return Int(next)
    }

    /// Whether the order in which targets are planned can change `run`: only if some target's
    /// plan uses a vendor who could also work on another target. If not, every target got the
    /// plan it would get alone, whatever the order.
    func orderMatters(for run: RunOutcome) -> Bool {
        guard request.targets.count > 1 else { return false }
        var owners = [Int](repeating: -2, count: localCount)  // target, or -1 if several
        for (t, target) in stepCandidates.enumerated() {
            for step in target {
                for c in step { owners[c.local] = owners[c.local] == -2 || owners[c.local] == t ? t : -1 }
            }
        }
        for target in run.targets {
            for step in target.steps { for a in step.assignments where owners[a.local] == -1 { return true } }
        }
        for (t, target) in run.targets.enumerated() where target.failure != nil {
            // A target that could not be planned might be planned if it went first.
            if stepCandidates[t].contains(where: { $0.contains { owners[$0.local] == -1 } }) { return true }
        }
        return false
    }

    /// The orders in which targets are planned: all of them for a few targets, otherwise
    /// heuristics (as given, biggest first, scarcest vendors first, reversed).
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
    mutating func base(_ local: Int, slot: Int) -> FreeTime {
        if let cached = baseCache[local] { return cached }
        var made: FreeTime
        if let window = index.window, window.start.minutes <= origin, horizon <= window.end.minutes,
            let precomputed = index.precomputed(slot)
        {
            made = precomputed
            if weighTentative, let weighted = index.weightedTentative(slot) { made = made.subtracting(weighted) }
        } else {
            made = index.entry(slot).calendar.freeTime(from: origin, to: horizon, weighTentative: weighTentative)
        }
        baseCache[local] = made
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
        var effective = [FreeTime?](repeating: nil, count: localCount)
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
                for assignment in step.assignments {
                    effective[assignment.local] =
                        (effective[assignment.local] ?? base(assignment.local, slot: assignment.slot)).subtracting(
                            assignment.spans)
                }
            }
        }
        return RunOutcome(order: order, targets: targets, targetNames: targetNames)
    }

    /// Whether four-eyes may have cost this target time: it could not be planned, or a reviser
    /// kept off a review step (because they wrote the text) is faster than one who got it.
    mutating func needsLookAhead(_ t: Int, _ outcome: TargetOutcome) -> Bool {
        if outcome.failure != nil { return true }
        for (s, step) in outcome.steps.enumerated() where step.service.isReview && !step.fourEyesExcluded.isEmpty {
            if step.eligible.count < request.maxVendorsPerStep { return true }
            let slowestChosen = step.assignments.map(\.capability.wordsPerHour).min() ?? 0
            for c in stepCandidates[t][s] where step.fourEyesExcluded.contains(c.slot) {
                if c.rate > slowestChosen { return true }
                // The review waited while a writer (now excluded) would have been free sooner.
                if step.start > step.ready, let free = base(c.local, slot: c.slot).firstFree(atOrAfter: step.ready),
                    free < step.start
                {
                    return true
                }
            }
        }
        return false
    }

    /// Sets of vendors to keep off a target's writing steps so they stay free to revise it.
    func fourEyesVariants(_ t: Int) -> [Set<Int>] {
        let target = request.targets[t]
        var writers = Set<Int>()
        var reviewers: [(slot: Int, rate: Int)] = []
        for (s, step) in target.steps.enumerated() {
            let candidates = stepCandidates[t][s]
            if step.service.isReview {
                reviewers += candidates.map { ($0.slot, $0.rate) }
            } else {
                writers.formUnion(candidates.map(\.slot))
            }
        }
        let both = reviewers.filter { writers.contains($0.slot) && !excluded.contains($0.slot) }.sorted {
            $0.rate > $1.rate
        }
        guard !both.isEmpty else { return [] }
        var variants = [Set(both.map(\.slot))]
        for r in both.prefix(2) where both.count > 1 { variants.append([r.slot]) }
        return variants
    }

    /// Plans one target's chain on top of `effective` (free time left by targets planned before),
    /// keeping the vendors in `keepOff` off its writing steps when others can do them.
    mutating func planTarget(_ t: Int, effective: [FreeTime?], keepOff: Set<Int>) -> TargetOutcome {
        let target = request.targets[t]
        // Time this target's own earlier steps took, kept aside (a handful of vendors) so the
        // shared table is never copied.
        var overlay: [(local: Int, time: FreeTime)] = []
        func current(_ local: Int) -> FreeTime? {
            for entry in overlay where entry.local == local { return entry.time }
            return effective[local]
        }
        var ready = origin
        var worked = Set<Int>()
        var outcome = TargetOutcome()
        let candidateLists = stepCandidates[t]
        for (s, step) in target.steps.enumerated() {
            var eligible: [Candidate] = []
            var fourEyes: [Int] = []
            var byRequest = 0
            for candidate in candidateLists[s] {
                if !excluded.isEmpty, excluded.contains(candidate.slot) {
                    byRequest += 1
                    continue
                }
                if step.service.isReview, worked.contains(candidate.slot) {
                    fourEyes.append(candidate.slot)
                    continue
                }
                eligible.append(candidate)
            }
            if !forbidden.isEmpty {
                let allowed = eligible.filter { !forbidden.contains(StepVendor(target: t, step: s, slot: $0.slot)) }
                if !allowed.isEmpty { eligible = allowed }
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
            for candidate in eligible {
                times.append(current(candidate.local) ?? base(candidate.local, slot: candidate.slot))
            }
            var spare: [Int] = []
            if !lastResort.isEmpty {
                for (i, candidate) in eligible.enumerated()
                where lastResort.contains(StepVendor(target: t, step: s, slot: candidate.slot)) { spare.append(i) }
            }
            var halves: [Int] = []
            if !halved.isEmpty {
                for (i, candidate) in eligible.enumerated()
                where halved.contains(StepVendor(target: t, step: s, slot: candidate.slot)) { halves.append(i) }
            }
            guard
                let assignments = scheduleStep(
                    ready: ready, words: step.words, candidates: eligible, times: times, lastResort: spare,
                    halved: halves)
            else {
                outcome.failure = (s, .beyondHorizon)
                break
            }
            for assignment in assignments {
                let updated = (current(assignment.local) ?? base(assignment.local, slot: assignment.slot)).subtracting(
                    assignment.spans)
                if let i = overlay.firstIndex(where: { $0.local == assignment.local }) {
                    overlay[i].time = updated
                } else {
                    overlay.append((assignment.local, updated))
                }
                if !step.service.isReview { worked.insert(assignment.slot) }
            }
            let stepOutcome = StepOutcome(
                service: step.service, words: step.words, ready: ready, assignments: assignments,
                eligible: eligible.map(\.slot), fourEyesExcluded: fourEyes)
            outcome.steps.append(stepOutcome)
            ready = stepOutcome.end
        }
        return outcome
    }

    /// The earliest instant T by which the best `maxVendorsPerStep` vendors together can do the
    /// words, then the words split among them (preferred vendors first, then the cheapest).
    /// T is found by galloping then bisecting; vendors who cannot be among the best k at T
    /// (their capacity at an upper bound is below the k-th best at a lower bound) drop out early.
    /// Chosen vendors listed in `lastResort` (indices into `candidates`) only take what the best
    /// other candidates cannot do by the first end of one of their working blocks after T.
    /// A chosen vendor listed in `halved` takes at most half of its share at T; the best others
    /// do the rest by the earliest time they can.
    func scheduleStep(
        ready: Int, words: Int, candidates: [Candidate], times: [FreeTime], lastResort: [Int] = [], halved: [Int] = []
    ) -> [AssignmentOutcome]? {
        let k = min(request.maxVendorsPerStep, candidates.count)
        let n = candidates.count
        var startMinutes = [Int](repeating: 0, count: n)
        var rates = [Int](repeating: 0, count: n)
        for i in 0..<n {
            startMinutes[i] = times[i].minutes(before: ready)
            rates[i] = candidates[i].rate
        }
        var top = [Int](repeating: 0, count: k)
        var caps = [Int](repeating: 0, count: n)
        var capsHi = [Int](repeating: 0, count: n)
        var active = Array(0..<n)
        let keep =
            preferred.isEmpty
            ? [Bool](repeating: false, count: n) : active.map { preferred.contains(candidates[$0].slot) }
        func evaluate(_ t: Int) -> (sum: Int, kth: Int) {
            for j in 0..<k { top[j] = 0 }
            for i in active {
                let c = (times[i].minutes(before: t) - startMinutes[i]) * rates[i] / 60
                caps[i] = c
                if c > top[k - 1] {
                    var j = k - 1
                    while j > 0, top[j - 1] < c {
                        top[j] = top[j - 1]
                        j -= 1
                    }
                    top[j] = c
                }
            }
            return (top.reduce(0, +), top[k - 1])
        }
        // Even working non-stop from `ready`, the k fastest need this long.
        var fastestRates = [Int](repeating: 0, count: k)
        for r in rates where r > fastestRates[k - 1] {
            var j = k - 1
            while j > 0, fastestRates[j - 1] < r {
                fastestRates[j] = fastestRates[j - 1]
                j -= 1
            }
            fastestRates[j] = r
        }
        let fastest = fastestRates.reduce(0, +)
        var lo = min(horizon, ready + max(1, (words * 60) / max(1, fastest)))
        var hi = horizon
        var kthLo = 0
        var probe = lo
        var stride = max(240, lo - ready)
        while true {
            let (sum, kth) = evaluate(probe)
            if sum >= words {
                hi = probe
                for i in active { capsHi[i] = caps[i] }
                break
            }
            if probe >= horizon { return nil }
            kthLo = kth
            lo = probe + 1
            probe = min(horizon, probe + stride)
            stride *= 2
        }
        func prune() { active = active.filter { capsHi[$0] >= kthLo || keep[$0] } }
        prune()
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let (sum, kth) = evaluate(mid)
            if sum >= words {
                hi = mid
                for i in active { capsHi[i] = caps[i] }
            } else {
                lo = mid + 1
                kthLo = kth
            }
            prune()
        }
        let finish = lo
        _ = evaluate(finish)
        func cheaper(_ a: Int, _ b: Int) -> Bool {
            let ca = candidates[a].costOrder
            let cb = candidates[b].costOrder
            if ca != cb { return ca < cb }
            return candidates[a].slot < candidates[b].slot
        }
        let byCapacity = active.filter { caps[$0] > 0 }.sorted { a, b in
            if caps[a] != caps[b] { return caps[a] > caps[b] }
            if keep[a] != keep[b] { return keep[a] }
            return cheaper(a, b)
        }
        var chosen = Array(byCapacity.prefix(k))
        if !preferred.isEmpty {
            let favoured = byCapacity.filter { keep[$0] }.prefix(k)
            let others = byCapacity.filter { !keep[$0] }
            let alternative = Array(favoured) + others.prefix(k - favoured.count)
            if alternative.reduce(0, { $0 + caps[$1] }) >= words { chosen = alternative }
        }
        // Fill preferred vendors first, then the cheapest, each up to what it can do by `finish`.
        chosen.sort { a, b in
            if keep[a] != keep[b] { return keep[a] }
            return cheaper(a, b)
        }
        if !lastResort.isEmpty, chosen.contains(where: { lastResort.contains($0) }) {
            // The last resorts only do what the others cannot by the end of the others' working
            // block: the first end of another eligible vendor's free piece after T.
            let resorts = chosen.filter { lastResort.contains($0) }
            let others = (0..<n).filter { !lastResort.contains($0) }
            var blockEnd = Int.max
            for i in others { if let end = times[i].pieceEnd(after: finish) { blockEnd = min(blockEnd, end) } }
            if !others.isEmpty, blockEnd <= horizon {
                for i in 0..<n { caps[i] = (times[i].minutes(before: blockEnd) - startMinutes[i]) * rates[i] / 60 }
                let best = others.filter { caps[$0] > 0 }.sorted { a, b in
                    if caps[a] != caps[b] { return caps[a] > caps[b] }
                    if keep[a] != keep[b] { return keep[a] }
                    return cheaper(a, b)
                }.prefix(k - resorts.count).sorted { a, b in
                    if keep[a] != keep[b] { return keep[a] }
                    return cheaper(a, b)
                }
                if !best.isEmpty { chosen = best + resorts }
            }
        } else if !halved.isEmpty, k > 1, let h = chosen.first(where: { halved.contains($0) }), caps[h] / 2 > 0 {
            let share = caps[h] / 2
            let need = words - caps[h] / 2
            let others = (0..<n).filter { !halved.contains($0) }
            // The best k − 1 others' capacity by t (filling `caps`).
            func top(_ t: Int) -> (sum: Int, ids: [Int]) {
                for i in others { caps[i] = (times[i].minutes(before: t) - startMinutes[i]) * rates[i] / 60 }
                let ids = Array(others.filter { caps[$0] > 0 }.sorted { caps[$0] > caps[$1] }.prefix(k - 1))
                return (ids.reduce(0) { $0 + caps[$1] }, ids)
            }
            var lo = finish
            var hi = finish
            var stride = 240
            var reachable = !others.isEmpty
            while reachable, top(hi).sum < need {
                if hi >= horizon {
                    reachable = false
                    break
                }
                lo = hi + 1
                hi = min(horizon, hi + stride)
                stride *= 2
            }
            if reachable {
                while lo < hi {
                    let mid = lo + (hi - lo) / 2
                    if top(mid).sum >= need { hi = mid } else { lo = mid + 1 }
                }
                let ids = top(hi).ids.sorted { a, b in
                    if keep[a] != keep[b] { return keep[a] }
                    return cheaper(a, b)
                }
                caps[h] = share
                chosen = ids + [h]
            } else {
                _ = evaluate(finish)
            }
        }
        var remaining = words
        var out: [AssignmentOutcome] = []
        for i in chosen where remaining > 0 {
            let share = min(caps[i], remaining)
            remaining -= share
            let minutesNeeded = (share * 60 + rates[i] - 1) / rates[i]
            guard let end = times[i].instant(afterMinutes: startMinutes[i] + minutesNeeded),
                let start = times[i].firstFree(atOrAfter: ready)
            else { return nil }
            out.append(
                AssignmentOutcome(
                    slot: candidates[i].slot, local: candidates[i].local,
                    capability: index.capability(of: candidates[i]), words: share,
                    start: start, end: end, spans: times[i].spans(from: ready, to: end)))
        }
        return remaining == 0 ? out : nil
    }
}
