import Foundation

/// A small seeded generator (SplitMix64): the same input gives the same confidence figure.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Standard normal by Box–Muller.
    mutating func gaussian() -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}

/// Monte Carlo over the chosen plan: each tentative job is won with its probability (and then
/// blocks its vendor), each assignment runs at its vendor's throughput times a random factor.
/// Assignments keep their vendors and order; each starts when its step is ready and its vendor
/// has finished their previous assignment, and runs through the vendor's free working time.
enum ConfidenceSimulation {
    static func probability(of run: RunOutcome, meeting deadline: Int, scheduler: inout Scheduler, index: CapacityIndex, options: PlanningOptions) -> Double {
        struct Item { var target: Int; var step: Int; var slot: Int; var words: Int; var rate: Int; var plannedStart: Int }
        var items: [Item] = []
        for (t, target) in run.targets.enumerated() {
            for (s, step) in target.steps.enumerated() {
                for a in step.assignments {
                    items.append(Item(target: t, step: s, slot: a.slot, words: a.words, rate: a.capability.wordsPerHour, plannedStart: a.start))
                }
            }
        }
        items.sort { ($0.plannedStart, $0.target, $0.step) < ($1.plannedStart, $1.target, $1.step) }
        let slots = Array(Set(items.map(\.slot)))
        var base: [Int: FreeTime] = [:]
        var tentative: [Int: [(span: Span, probability: Double)]] = [:]
        for slot in slots {
            base[slot] = scheduler.base(slot)
            let relevant = index.entry(slot).calendar.tentative.filter { $0.span.end > scheduler.origin && $0.span.start < scheduler.horizon && $0.probability > 0 }
            if !relevant.isEmpty { tentative[slot] = relevant }
        }
        let samples = max(1, options.confidenceSamples)
        var rng = SeededGenerator(seed: options.seed)
        var met = 0
        let stepCounts = run.targets.map(\.steps.count)
        for _ in 0..<samples {
            var times = base
            for (slot, list) in tentative {
                let won = list.filter { rng.unit() < $0.probability }.map(\.span)
                if !won.isEmpty { times[slot] = times[slot]!.subtracting(Spans.normalized(won)) }
            }
            var cursor: [Int: Int] = [:]
            var stepEnd = stepCounts.map { Array(repeating: Int.min, count: $0) }
            var late = false
            for item in items {
                let ready = item.step == 0 ? scheduler.origin : stepEnd[item.target][item.step - 1]
                let begin = max(ready, cursor[item.slot] ?? scheduler.origin)
                let factor = min(1.5, max(0.5, 1 + options.throughputVariation * rng.gaussian()))
                let minutes = Int((Double(item.words) * 60 / (Double(item.rate) * factor)).rounded(.up))
                let time = times[item.slot]!
                guard let end = time.instant(afterMinutes: time.minutes(before: begin) + minutes) else { late = true; break }
                cursor[item.slot] = end
                stepEnd[item.target][item.step] = max(stepEnd[item.target][item.step], end)
            }
            if !late, stepEnd.allSatisfy({ ($0.last ?? Int.min) <= deadline }) { met += 1 }
        }
        return (Double(met) / Double(samples) * 1000).rounded() / 1000
    }
}
