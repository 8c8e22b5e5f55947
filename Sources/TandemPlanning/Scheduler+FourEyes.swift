import TandemDomain

/// The four-eyes look-ahead: when the rule may have cost a target time, plan it again keeping
/// revisers off its writing steps.
extension Scheduler {
    /// Whether four-eyes may have cost this target time: it could not be planned, or a reviser
    /// kept off a review step (because they wrote the text) is faster than one who got it.
    mutating func needsLookAhead(_ t: Int, _ outcome: TargetOutcome) -> Bool {
        if outcome.failure != nil { return true }
        for (s, step) in outcome.steps.enumerated() where step.service.isReview && !step.fourEyesExcluded.isEmpty {
            if step.eligible.count < request.maxVendorsPerStep { return true }
            let slowestChosen = step.assignments.map(\.capability.wordsPerHour).min() ?? 0
            for c in stepCandidates[t][s] where step.fourEyesExcluded.contains(c.slot) {
                if c.rate * Int(c.workers) > slowestChosen { return true }
                // The review waited while a writer (now excluded) would have been free sooner.
                if step.start > step.ready, let free = base(c.vendor, slot: c.slot).firstFree(atOrAfter: step.ready),
                    free < step.start
                {
                    return true
                }
            }
        }
        return false
    }

    /// Sets of vendors to keep off a target's writing steps so they stay free to revise it.
    func fourEyesVariants(_ t: Int) -> [Set<VendorSlot>] {
        let target = request.targets[t]
        var writers = Set<VendorSlot>()
        var reviewers: [(slot: VendorSlot, rate: Int)] = []
        for (s, step) in target.steps.enumerated() {
            let candidates = stepCandidates[t][s]
            if step.service.isReview {
                reviewers += candidates.map { ($0.slot, $0.rate * Int($0.workers)) }  // an agency's pooled speed
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
}
