/// A lower bound on the last delivery, for stopping the local search once a plan reaches it.
///
/// Each target is planned alone with every vendor free (other targets can only take time away).
/// Four-eyes is what makes the bound tight: a review step may not use whoever wrote the text,
/// so when a later review step shares vendors with a writing step, the bound tries every set
/// of writers (at most `maxVendorsPerStep` of them, as any plan does) and keeps the earliest
/// end. Without that, on a pair whose translators are also its revisers, the bound let the
/// fastest translators revise their own text and was days too early to ever stop the search.
extension Scheduler {
    /// Writer sets tried per writing step; a step with more falls back to ignoring four-eyes
    /// there (still a bound, only a looser one).
    static let lowerBoundWriterSets = 256

    /// The bound, and per target the writers of one of its writing steps that reach that
    /// target's part of it (when writer sets were tried).
    struct LowerBound {
        var delivery: Int
        var writers: [(step: Int, slots: [VendorSlot])?]
    }

    /// The earliest any plan could deliver every target; nil when some target cannot be
    /// planned even with every vendor free.
    mutating func deliveryLowerBound() -> LowerBound? {
        var bound = LowerBound(delivery: origin, writers: [])
        for t in request.targets.indices {
            guard let chain = earliestChainEnd(target: t, from: 0, ready: origin, writers: [], trySets: true) else {
                return nil
            }
            bound.delivery = max(bound.delivery, chain.end)
            bound.writers.append(chain.chosen)
        }
        return bound
    }

    /// The rules that keep every other candidate off the bound's writing steps (and nothing
    /// else): for targets of a writing step then a review step that share no vendors,
    /// planning under them reaches the bound.
    func rulesReaching(_ bound: LowerBound) -> Rules {
        var rules = Rules()
        for (t, chosen) in bound.writers.enumerated() {
            guard let chosen else { continue }
            for candidate in stepCandidates[t][chosen.step] where !chosen.slots.contains(candidate.slot) {
                rules.forbidden.insert(StepVendor(target: t, step: chosen.step, slot: candidate.slot))
            }
        }
        return rules
    }

    /// The earliest end of target `t`'s steps from `s` on, ready at `ready`, when `writers`
    /// wrote the text (kept off later review steps), and the writers tried at the step where
    /// sets were tried. Writer sets are tried for one writing step at most (`trySets`), so
    /// that a chain of several costs no more than one.
    private mutating func earliestChainEnd(
        target t: Int, from s: Int, ready: Int, writers: [VendorSlot], trySets: Bool
    ) -> (end: Int, chosen: (step: Int, slots: [VendorSlot])?)? {
        let steps = request.targets[t].steps
        guard s < steps.count else { return (ready, nil) }
        let step = steps[s]
        let eligible = stepCandidates[t][s].filter {
            !excluded.contains($0.slot) && !(step.service.isReview && writers.contains($0.slot))
        }
        guard !eligible.isEmpty else { return nil }
        let reviewers = Set(
            steps[(s + 1)...].indices.filter { steps[$0].service.isReview }.flatMap {
                stepCandidates[t][$0].map(\.slot)
            })
        let writerCount = min(request.maxVendorsPerStep, eligible.count)
        guard trySets, !step.service.isReview, eligible.contains(where: { reviewers.contains($0.slot) }),
            Self.subsetCount(eligible.count, upTo: writerCount) <= Self.lowerBoundWriterSets
        else {
            guard let end = earliestStepEnd(ready: ready, words: step.words, candidates: eligible) else { return nil }
            return earliestChainEnd(target: t, from: s + 1, ready: end, writers: writers, trySets: trySets)
        }
        var best: (end: Int, chosen: (step: Int, slots: [VendorSlot])?)?
        for set in Self.subsets(of: eligible.count, upTo: writerCount) {
            let chosen = set.map { eligible[$0].slot }
            guard let end = earliestStepEnd(ready: ready, words: step.words, candidates: set.map { eligible[$0] }),
                end < best?.end ?? Int.max
            else { continue }
            if let chain = earliestChainEnd(
                target: t, from: s + 1, ready: end, writers: writers + chosen, trySets: false),
                chain.end < best?.end ?? Int.max
            {
                best = (chain.end, (s, chosen))
            }
        }
        return best
    }

    /// When the step would end at the earliest, done by the best of `candidates` from `ready`
    /// on their free time before this request.
    private mutating func earliestStepEnd(ready: Int, words: Int, candidates: [Candidate]) -> Int? {
        let times = candidates.map { base($0.vendor, slot: $0.slot) }
        guard let assignments = scheduleStep(ready: ready, words: words, candidates: candidates, times: times)
        else { return nil }
        return assignments.map(\.end).max() ?? ready
    }

    /// The number of non-empty subsets of n items with at most k of them.
    static func subsetCount(_ n: Int, upTo k: Int) -> Int {
        var total = 0
        var choose = 1
        for size in 1...max(1, k) {
            choose = choose * (n - size + 1) / size
            total += choose
            if total > lowerBoundWriterSets { break }
        }
        return total
    }

    /// The non-empty subsets of 0..<n with at most k members, as sorted positions.
    static func subsets(of n: Int, upTo k: Int) -> [[Int]] {
        var out: [[Int]] = []
        var current: [Int] = []
        func extend(from next: Int) {
            if !current.isEmpty { out.append(current) }
            guard current.count < k else { return }
            for i in next..<n {
                current.append(i)
                extend(from: i + 1)
                current.removeLast()
            }
        }
        extend(from: 0)
        return out
    }
}
