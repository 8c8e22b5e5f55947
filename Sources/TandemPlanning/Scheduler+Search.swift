/// Bounded local search over the planner's rules, for small requests.
///
/// A state is an order of the targets and a set of rules: vendors kept off particular steps
/// (`forbidden`) and vendors who only take a step's remainder (`lastResort`). A move changes one
/// thing: keeps one vendor of the plan off one step, makes one vendor of a shared step its last
/// resort (re-splitting the step), or plans the targets in another order. The search takes the
/// first move that gives a better plan; when no single move does, it tries pairs of moves (a
/// second move on top of each first one, most promising first), so two coordinated changes that
/// are each worse alone are found. It stops at a local optimum or when `budget` plans are spent,
/// and returns the best plan it saw. It does not start, and it stops, once the plan delivers
/// by a lower bound (`deliveryLowerBound`).
extension Scheduler {
    struct Rules: Hashable, Sendable {
        var forbidden: Set<StepVendor> = []
        var lastResort: Set<StepVendor> = []
        var halved: Set<StepVendor> = []
    }

    private struct State: Hashable {
        var order: [Int]
        var rules: Rules
    }

    mutating func plan(order: [Int], rules: Rules) -> RunOutcome {
        forbidden = rules.forbidden
        lastResort = rules.lastResort
        halved = rules.halved
        return plan(order: order)
    }

    /// The states one move away from `run` (planned under `rules`).
    private func neighbours(of run: RunOutcome, rules: Rules, orders: [[Int]]) -> [State] {
        var out: [State] = []
        for (t, target) in run.targets.enumerated() {
            for (s, step) in target.steps.enumerated() {
                for a in step.assignments {
                    let key = StepVendor(target: t, step: s, slot: a.slot)
                    if !rules.forbidden.contains(key) {
                        var r = rules
                        r.forbidden.insert(key)
                        r.lastResort.remove(key)
                        r.halved.remove(key)
                        out.append(State(order: run.order, rules: r))
                    }
                    if request.maxVendorsPerStep > 1, !rules.lastResort.contains(key) {
                        var r = rules
                        r.lastResort.insert(key)
                        r.halved.remove(key)
                        out.append(State(order: run.order, rules: r))
                    }
                    if request.maxVendorsPerStep > 1, !rules.halved.contains(key) {
                        var r = rules
                        r.halved.insert(key)
                        r.lastResort.remove(key)
                        out.append(State(order: run.order, rules: r))
                    }
                }
            }
        }
        // Undoing a rule, or softening a kept-off vendor to a last resort.
        for key in rules.forbidden {
            var r = rules
            r.forbidden.remove(key)
            out.append(State(order: run.order, rules: r))
            r.lastResort.insert(key)
            out.append(State(order: run.order, rules: r))
        }
        for key in rules.lastResort {
            var r = rules
            r.lastResort.remove(key)
            out.append(State(order: run.order, rules: r))
        }
        for key in rules.halved {
            var r = rules
            r.halved.remove(key)
            out.append(State(order: run.order, rules: r))
        }
        for order in orders where order != run.order { out.append(State(order: order, rules: rules)) }
        return out
    }

    /// A lower bound on the last delivery: each target planned alone, with every vendor free
    /// and four-eyes ignored (each step then ends as early as any plan can end it, given when
    /// the previous one ended). nil when some target cannot be planned that way.
    mutating func deliveryLowerBound() -> Int? {
        var latest = origin
        for t in request.targets.indices {
            var ready = origin
            for (s, step) in request.targets[t].steps.enumerated() {
                let eligible = stepCandidates[t][s].filter { !excluded.contains($0.slot) }
                guard !eligible.isEmpty else { return nil }
                var times: [FreeTime] = []
                for candidate in eligible { times.append(base(candidate.vendor, slot: candidate.slot)) }
                guard
                    let assignments = scheduleStep(ready: ready, words: step.words, candidates: eligible, times: times)
                else { return nil }
                ready = assignments.map(\.end).max() ?? ready
            }
            latest = max(latest, ready)
        }
        return latest
    }

    /// Improves `start` (planned under `rules`) by single moves, then pairs of moves, within
    /// `budget` plans. Leaves the scheduler's rules set to the returned ones.
    /// Stops early once the delivery reaches `bound` (nothing can deliver earlier).
    mutating func localSearch(from start: RunOutcome, rules: Rules, orders: [[Int]], budget: Int, bound: Int? = nil)
        -> (run: RunOutcome, rules: Rules)
    {
        var best = start
        var bestRules = rules
        var remaining = budget
        var seen: Set<State> = [State(order: start.order, rules: rules)]
        search: while remaining > 0 {
            if let bound, let delivery = best.delivery, delivery <= bound { break }
            var tried: [(run: RunOutcome, rules: Rules)] = []
            for state in neighbours(of: best, rules: bestRules, orders: orders) {
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
                for state in neighbours(of: first.run, rules: first.rules, orders: orders) {
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
        halved = bestRules.halved
        return (best, bestRules)
    }
}
