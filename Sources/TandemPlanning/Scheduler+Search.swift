/// Bounded local search over the planner's rules, for small requests.
///
/// A state is an order of the targets and a set of rules: vendors kept off particular steps
/// (`forbidden`), vendors who only take a step's remainder (`lastResort`) and vendors who take a
/// part of their share (`reduced`, in quarters). A move changes one thing: keeps one vendor of
/// the plan off one step, makes one vendor of a shared step its last resort or reduces its
/// share (re-splitting the step), undoes a rule, or plans the targets in another order. The search takes the
/// first move that gives a better plan; when no single move does, it tries pairs of moves (a
/// second move on top of each first one, most promising first), so two coordinated changes that
/// are each worse alone are found. It stops at a local optimum or when `budget` plans are spent,
/// and returns the best plan it saw. It does not start, and it stops, once the plan delivers
/// by a lower bound (`deliveryLowerBound`).
extension Scheduler {
    struct Rules: Hashable, Sendable {
        var forbidden: Set<StepVendor> = []
        var lastResort: Set<StepVendor> = []
        /// Quarters (1, 2 or 3) of its share a vendor takes on a step.
        var reduced: [StepVendor: Int] = [:]

        /// Without any rule on `key`.
        func clearing(_ key: StepVendor) -> Rules {
            var r = self
            r.forbidden.remove(key)
            r.lastResort.remove(key)
            r.reduced[key] = nil
            return r
        }
    }

    private struct State: Hashable {
        var order: [Int]
        var rules: Rules
    }

    mutating func plan(order: [Int], rules: Rules) -> RunOutcome {
        forbidden = rules.forbidden
        lastResort = rules.lastResort
        reduced = rules.reduced
        return plan(order: order)
    }

    /// The states one move away from `run` (planned under `rules`), in a fixed order (rules are
    /// sets, whose iteration order changes from one process to the next).
    /// With `finerShares`, also a quarter and three quarters of a share.
    private func neighbours(of run: RunOutcome, rules: Rules, orders: [[Int]], finerShares: Bool) -> [State] {
        var out: [State] = []
        var finer: [State] = []
        let splits = request.maxVendorsPerStep > 1
        for (t, target) in run.targets.enumerated() {
            for (s, step) in target.steps.enumerated() {
                for a in step.assignments {
                    let key = StepVendor(target: t, step: s, slot: a.slot)
                    if !rules.forbidden.contains(key) {
                        var r = rules.clearing(key)
                        r.forbidden.insert(key)
                        out.append(State(order: run.order, rules: r))
                    }
                    if splits, !rules.lastResort.contains(key) {
                        var r = rules.clearing(key)
                        r.forbidden = rules.forbidden
                        r.lastResort.insert(key)
                        out.append(State(order: run.order, rules: r))
                    }
                    guard splits else { continue }
                    // Halving; with `finerShares` also a quarter and three quarters, after every
                    // other move, so they refine rather than crowd the search.
                    let current = rules.reduced[key]
                    for quarters in finerShares ? [2, 1, 3] : [2] where quarters != current {
                        var r = rules.clearing(key)
                        r.forbidden = rules.forbidden
                        r.reduced[key] = quarters
                        if quarters == 2 {
                            out.append(State(order: run.order, rules: r))
                        } else {
                            finer.append(State(order: run.order, rules: r))
                        }
                    }
                }
            }
        }
        // Undoing a rule, or softening a kept-off vendor to a last resort.
        for key in rules.forbidden.sorted(by: StepVendor.precedes) {
            var r = rules
            r.forbidden.remove(key)
            out.append(State(order: run.order, rules: r))
            r.lastResort.insert(key)
            out.append(State(order: run.order, rules: r))
        }
        for key in rules.lastResort.sorted(by: StepVendor.precedes) {
            var r = rules
            r.lastResort.remove(key)
            out.append(State(order: run.order, rules: r))
        }
        for key in rules.reduced.keys.sorted(by: StepVendor.precedes) {
            var r = rules
            r.reduced[key] = nil
            out.append(State(order: run.order, rules: r))
        }
        for order in orders where order != run.order { out.append(State(order: order, rules: rules)) }
        return out + finer
    }

    /// Improves `start` (planned under `rules`) by single moves, then pairs of moves, within
    /// `budget` plans. Leaves the scheduler's rules set to the returned ones.
    /// Stops early once the delivery reaches `bound` (nothing can deliver earlier).
    mutating func localSearch(
        from start: RunOutcome, rules: Rules, orders: [[Int]], budget: Int, bound: Int? = nil, finerShares: Bool = false
    ) -> (run: RunOutcome, rules: Rules) {
        var best = start
        var bestRules = rules
        var remaining = budget
        var seen: Set<State> = [State(order: start.order, rules: rules)]
        search: while remaining > 0 {
            if let bound, let delivery = best.delivery, delivery <= bound { break }
            var tried: [(run: RunOutcome, rules: Rules)] = []
            for state in neighbours(of: best, rules: bestRules, orders: orders, finerShares: finerShares) {
                guard remaining > 0 else { break search }
                guard seen.insert(state).inserted else { continue }
                remaining -= 1
                let run = plan(order: state.order, rules: state.rules)
                if run.isBetter(than: best) {
                    best = run
                    bestRules = state.rules
                    continue search
                }
                tried.append((run, state.rules))
            }
            // No single move helps: a second move on top of each first one, best first.
            tried.sort { $0.run.isBetter(than: $1.run) }
            for first in tried {
                for state in neighbours(of: first.run, rules: first.rules, orders: orders, finerShares: finerShares) {
                    guard remaining > 0 else { break search }
                    guard seen.insert(state).inserted else { continue }
                    remaining -= 1
                    let run = plan(order: state.order, rules: state.rules)
                    if run.isBetter(than: best) {
                        best = run
                        bestRules = state.rules
                        continue search
                    }
                }
            }
            break
        }
        forbidden = bestRules.forbidden
        lastResort = bestRules.lastResort
        reduced = bestRules.reduced
        return (best, bestRules)
    }
}
