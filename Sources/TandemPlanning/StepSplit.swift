import TandemDomain

/// The order in which a step's candidates are considered: `fillsFirst` (preferred vendors
/// first, then the cheaper, then the lower slot, so ties never depend on input order), and
/// `canDoMore` (more words by the time in question first, then `fillsFirst`). The one place
/// the planner ranks vendors.
struct VendorRanking {
    let candidates: [Candidate]
    /// Per candidate: listed in the request's `preferredVendors`.
    let preferred: [Bool]

    func fillsFirst(_ a: Int, _ b: Int) -> Bool {
        if preferred[a] != preferred[b] { return preferred[a] }
        if candidates[a].cost != candidates[b].cost { return candidates[a].cost < candidates[b].cost }
        if candidates[a].quality != candidates[b].quality { return candidates[a].quality > candidates[b].quality }
        return candidates[a].slot < candidates[b].slot
    }

    /// Candidates with some capacity, most words first.
    func byCapacity(_ ids: [Int], _ words: [Int]) -> [Int] {
        ids.filter { words[$0] > 0 }.sorted { a, b in words[a] != words[b] ? words[a] > words[b] : fillsFirst(a, b) }
    }
}

/// Splits one step's words over at most `maxVendors` of its candidates: finds the earliest
/// instant T by which the best of them together can do the words (`earliestFinish`), picks
/// them (`chooseVendors`), optionally re-splits for the local search's rules (`lastResort`,
/// `halved`), and turns each share into the vendor's working spans (`assignments`).
struct StepSplit {
    let ready: Int
    let words: Int
    let horizon: Int
    let candidates: [Candidate]
    let times: [FreeTime]
    let maxVendors: Int
    let ranking: VendorRanking
    /// Free minutes before `ready`, per candidate: capacities are differences from these.
    private let startMinutes: [Int]
    /// Words each candidate can do by the instant last evaluated.
    private var capacity: [Int]
    /// Candidates still able to be among the best `maxVendors`.
    private var active: [Int]
    /// The best `maxVendors` capacities at the instant last evaluated, largest first.
    private var top: [Int]

    init(
        ready: Int, words: Int, horizon: Int, candidates: [Candidate], times: [FreeTime], maxVendors: Int,
        preferred: Set<VendorSlot>
    ) {
        self.ready = ready
        self.words = words
        self.horizon = horizon
        self.candidates = candidates
        self.times = times
        self.maxVendors = min(maxVendors, candidates.count)
        ranking = VendorRanking(
            candidates: candidates,
            preferred: preferred.isEmpty
                ? [Bool](repeating: false, count: candidates.count) : candidates.map { preferred.contains($0.slot) })
        startMinutes = times.map { $0.minutes(before: ready) }
        capacity = [Int](repeating: 0, count: candidates.count)
        active = Array(candidates.indices)
        top = [Int](repeating: 0, count: self.maxVendors)
    }

    /// Inserts `value` into `best` (largest first) if it beats its smallest.
    private static func keepLargest(_ value: Int, in best: inout [Int]) {
        let k = best.count
        guard value > best[k - 1] else { return }
        var j = k - 1
        while j > 0, best[j - 1] < value {
            best[j] = best[j - 1]
            j -= 1
        }
        best[j] = value
    }

    /// Words candidate `i` can do between `ready` and `t`.
    private func words(_ i: Int, by t: Int) -> Int {
        (times[i].minutes(before: t) - startMinutes[i]) * candidates[i].rate / 60
    }

    /// Fills `capacity` at `t` for the active candidates; returns the sum of the best
    /// `maxVendors` and the smallest of them.
    private mutating func evaluate(_ t: Int) -> (sum: Int, kth: Int) {
        for j in top.indices { top[j] = 0 }
        for i in active {
            let c = words(i, by: t)
            capacity[i] = c
            Self.keepLargest(c, in: &top)
        }
        return (top.reduce(0, +), top[maxVendors - 1])
    }

    /// The earliest T by which the best `maxVendors` can do the words, or nil within the
    /// horizon: gallop from a lower bound (the fastest working non-stop), then bisect. A
    /// candidate whose capacity at an upper bound is below the k-th best at a lower bound can
    /// never be among the best and drops out. Leaves `capacity` evaluated at T.
    mutating func earliestFinish() -> Int? {
        var fastestRates = [Int](repeating: 0, count: maxVendors)
        for candidate in candidates { Self.keepLargest(candidate.rate * Int(candidate.workers), in: &fastestRates) }
        let fastest = fastestRates.reduce(0, +)
        var lo = min(horizon, ready + max(1, (words * 60) / max(1, fastest)))
        var hi = horizon
        var kthAtLo = 0
        var capacityAtHi = [Int](repeating: 0, count: candidates.count)
        var probe = lo
        var stride = max(240, lo - ready)
        while true {
            let (sum, kth) = evaluate(probe)
            if sum >= words {
                hi = probe
                for i in active { capacityAtHi[i] = capacity[i] }
                break
            }
            if probe >= horizon { return nil }
            kthAtLo = kth
            lo = probe + 1
            probe = min(horizon, probe + stride)
            stride *= 2
        }
        func prune() { active = active.filter { capacityAtHi[$0] >= kthAtLo || ranking.preferred[$0] } }
        prune()
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let (sum, kth) = evaluate(mid)
            if sum >= words {
                hi = mid
                for i in active { capacityAtHi[i] = capacity[i] }
            } else {
                lo = mid + 1
                kthAtLo = kth
            }
            prune()
        }
        _ = evaluate(lo)
        return lo
    }

    /// The vendors doing the step by `finish` (capacity evaluated there), in the order they are
    /// filled: the `maxVendors` who can do most, unless the preferred ones and the best others
    /// can do the words too.
    func chooseVendors() -> [Int] {
        let byCapacity = ranking.byCapacity(active, capacity)
        var chosen = Array(byCapacity.prefix(maxVendors))
        if ranking.preferred.contains(true) {
            let favoured = byCapacity.filter { ranking.preferred[$0] }.prefix(maxVendors)
            let others = byCapacity.filter { !ranking.preferred[$0] }
            let alternative = Array(favoured) + others.prefix(maxVendors - favoured.count)
            if alternative.reduce(0, { $0 + capacity[$1] }) >= words { chosen = alternative }
        }
        return chosen.sorted(by: ranking.fillsFirst)
    }

    /// Re-splits so the chosen last resorts (`spare`) only do what the best others cannot by the
    /// end of the others' working block (the first end of one of their free pieces after `finish`).
    mutating func lastResort(_ spare: [Int], chosen: [Int], finish: Int) -> [Int] {
        let resorts = chosen.filter { spare.contains($0) }
        let others = candidates.indices.filter { !spare.contains($0) }
        var blockEnd = Int.max
        for i in others { if let end = times[i].pieceEnd(after: finish) { blockEnd = min(blockEnd, end) } }
        guard !others.isEmpty, blockEnd <= horizon else { return chosen }
        for i in candidates.indices { capacity[i] = words(i, by: blockEnd) }
        let best = ranking.byCapacity(others, capacity).prefix(maxVendors - resorts.count).sorted(
            by: ranking.fillsFirst)
        return best.isEmpty ? chosen : best + resorts
    }

    /// Words candidate `i` can do by the instant last evaluated.
    func capacity(of i: Int) -> Int { capacity[i] }

    /// Re-splits so `reduced` does `quarters` quarters of what it could by `finish` and the
    /// best `maxVendors − 1` others (not in `excluded`) the rest, by the earliest instant they can.
    mutating func reduce(
        _ reduced: Int, toQuarters quarters: Int, excluding excluded: [Int], chosen: [Int], finish: Int
    )
        -> [Int]
    {
        let share = capacity[reduced] * quarters / 4
        let need = words - share
        let others = candidates.indices.filter { !excluded.contains($0) }
        func best(by t: Int) -> (sum: Int, ids: [Int]) {
            for i in others { capacity[i] = words(i, by: t) }
            let ids = Array(ranking.byCapacity(others, capacity).prefix(maxVendors - 1))
            return (ids.reduce(0) { $0 + capacity[$1] }, ids)
        }
        var lo = finish
        var hi = finish
        var stride = 240
        guard !others.isEmpty else { return chosen }
        while best(by: hi).sum < need {
            if hi >= horizon {
                _ = evaluate(finish)
                return chosen
            }
            lo = hi + 1
            hi = min(horizon, hi + stride)
            stride *= 2
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if best(by: mid).sum >= need { hi = mid } else { lo = mid + 1 }
        }
        let ids = best(by: hi).ids.sorted(by: ranking.fillsFirst)
        capacity[reduced] = share
        return ids + [reduced]
    }

    /// Fills `chosen` in order, each up to its capacity; nil if the words do not fit.
    func assignments(_ chosen: [Int], index: CapacityIndex) -> [AssignmentOutcome]? {
        var remaining = words
        var out: [AssignmentOutcome] = []
        for i in chosen where remaining > 0 {
            let share = min(capacity[i], remaining)
            remaining -= share
            let rate = candidates[i].rate
            let minutesNeeded = (share * 60 + rate - 1) / rate
            guard let end = times[i].instant(afterMinutes: startMinutes[i] + minutesNeeded),
                let start = times[i].firstFree(atOrAfter: ready)
            else { return nil }
            out.append(
                AssignmentOutcome(
                    slot: candidates[i].slot, vendor: candidates[i].vendor,
                    capability: index.capability(of: candidates[i]), cost: candidates[i].cost, words: share,
                    start: start, end: end, spans: times[i].spans(from: ready, to: end)))
        }
        return remaining == 0 ? out : nil
    }
}
