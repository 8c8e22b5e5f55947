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
    /// Approximately standard normal: the sum of four uniforms, centred and scaled (Irwin–Hall).
    /// Plenty for a throughput factor, and far cheaper than logarithms and cosines.
    mutating func gaussian() -> Double {
        let sum = unit() + unit() + unit() + unit()
        return (sum - 2) * 1.7320508075688772  // sqrt(12 / 4)
    }
}

/// Monte Carlo over the chosen plan: each tentative job is won with its probability (and then
/// blocks its vendor), each assignment runs at its vendor's throughput times a random factor.
/// Assignments keep their vendors and order; each starts when its step is ready and its vendor
/// has finished their previous assignment, and runs through the vendor's free working time.
enum ConfidenceSimulation {
    static func probability(
        of run: RunOutcome, meeting deadline: Int, scheduler: inout Scheduler, index: CapacityIndex,
        options: PlanningOptions
    ) -> Double {
        struct Item {
            var target: Int
            var step: Int
            var vendor: Int
            var words: Int
            var rate: Int
            var plannedStart: Int
        }
        var slots: [VendorSlot] = []
        var vendors: [RequestVendor] = []
        var local: [VendorSlot: Int] = [:]
        var items: [Item] = []
        for (t, target) in run.targets.enumerated() {
            for (s, step) in target.steps.enumerated() {
                for a in step.assignments {
                    let v: Int
                    if let known = local[a.slot] {
                        v = known
                    } else {
                        v = slots.count
                        local[a.slot] = v
                        slots.append(a.slot)
                        vendors.append(a.vendor)
                    }
                    items.append(
                        Item(
                            target: t, step: s, vendor: v, words: a.words, rate: a.capability.wordsPerHour,
                            plannedStart: a.start))
                }
            }
        }
        items.sort { ($0.plannedStart, $0.target, $0.step) < ($1.plannedStart, $1.target, $1.step) }
        var base: [FreeTime] = []
        var tentative: [[(span: Span, probability: Double)]] = []
        for (slot, vendor) in zip(slots, vendors) {
            base.append(scheduler.base(vendor, slot: slot))
            tentative.append(
                index.entry(slot).calendar.tentative.filter {
                    $0.span.end > scheduler.origin && $0.span.start < scheduler.horizon && $0.probability > 0
                })
        }
        let samples = max(1, options.confidenceSamples)
        var rng = SeededGenerator(seed: options.seed)
        var met = 0
        let stepOffsets = run.targets.reduce(into: [0]) { $0.append($0.last! + $1.steps.count) }
        var stepEnd = [Int](repeating: Int.min, count: stepOffsets.last!)
        var cursor = [Int](repeating: 0, count: slots.count)
        var times = base
        // Free time per vendor and set of won tentative jobs (bit mask), computed once each.
        var byOutcome = [[Int: FreeTime]](repeating: [:], count: slots.count)
        /// Whether the plan meets the deadline on `times`, each assignment at its rate times
        /// `fixedFactor`, or a random factor when nil.
        func meetsDeadline(fixedFactor: Double?) -> Bool {
            for i in stepEnd.indices { stepEnd[i] = Int.min }
            for v in cursor.indices { cursor[v] = scheduler.origin }
            for item in items {
                let ready = item.step == 0 ? scheduler.origin : stepEnd[stepOffsets[item.target] + item.step - 1]
                let begin = max(ready, cursor[item.vendor])
                let factor = fixedFactor ?? min(1.5, max(0.5, 1 + options.throughputVariation * rng.gaussian()))
                let minutes = Int((Double(item.words) * 60 / (Double(item.rate) * factor)).rounded(.up))
                guard
                    let end = times[item.vendor].instant(
                        afterMinutes: times[item.vendor].minutes(before: begin) + minutes)
                else { return false }
                cursor[item.vendor] = end
                let k = stepOffsets[item.target] + item.step
                stepEnd[k] = max(stepEnd[k], end)
            }
            return run.targets.indices.allSatisfy { t in
                stepOffsets[t + 1] == stepOffsets[t] || stepEnd[stepOffsets[t + 1] - 1] <= deadline
            }
        }
        // The simulation only gets later with slower work and more tentative work won, so if the
        // worst case is in time every sample is, and if the best case is late none is.
        let spread = options.throughputVariation * 3.4641016151377544  // the draw's reach: ±2√3 σ
        for v in slots.indices where !tentative[v].isEmpty {
            times[v] = base[v].subtracting(Spans.normalized(tentative[v].map(\.span)))
        }
        if meetsDeadline(fixedFactor: max(0.5, 1 - spread)) { return 1 }
        times = base
        if !meetsDeadline(fixedFactor: min(1.5, 1 + spread)) { return 0 }

        for _ in 0..<samples {
            for v in slots.indices where !tentative[v].isEmpty {
                var mask = 0
                for (j, job) in tentative[v].prefix(16).enumerated() where rng.unit() < job.probability {
                    mask |= 1 << j
                }
                if mask == 0 {
                    times[v] = base[v]
                    continue
                }
                if let known = byOutcome[v][mask] {
                    times[v] = known
                    continue
                }
                let won = tentative[v].prefix(16).enumerated().filter { mask & (1 << $0.offset) != 0 }.map(
                    \.element.span)
                let made = base[v].subtracting(Spans.normalized(won))
                byOutcome[v][mask] = made
                times[v] = made
            }
            if meetsDeadline(fixedFactor: nil) { met += 1 }
        }
        return (Double(met) / Double(samples) * 1000).rounded() / 1000
    }

    /// The plan's delivery if tentative work took its probability-weighted share of each
    /// vendor's time and every assignment slid later as needed (same vendors, same order, stated
    /// throughput). An upper bound on re-planning under the same conditions; nil if beyond reach.
    static func shiftedDelivery(of run: RunOutcome, scheduler: inout Scheduler, index: CapacityIndex) -> Int? {
        var items: [(target: Int, step: Int, a: AssignmentOutcome)] = []
        for (t, target) in run.targets.enumerated() {
            for (s, step) in target.steps.enumerated() { for a in step.assignments { items.append((t, s, a)) } }
        }
        items.sort { ($0.a.start, $0.target, $0.step) < ($1.a.start, $1.target, $1.step) }
        var times: [VendorSlot: FreeTime] = [:]
        var cursor: [VendorSlot: Int] = [:]
        var stepEnd: [[Int]] = run.targets.map { Array(repeating: Int.min, count: $0.steps.count) }
        for item in items {
            let slot = item.a.slot
            if times[slot] == nil {
                let base = scheduler.base(item.a.vendor, slot: slot)
                times[slot] = index.weightedTentative(slot).map { base.subtracting($0) } ?? base
            }
            let time = times[slot]!
            let ready = item.step == 0 ? scheduler.origin : stepEnd[item.target][item.step - 1]
            let begin = max(ready, cursor[slot] ?? scheduler.origin)
            let minutes = (item.a.words * 60 + item.a.capability.wordsPerHour - 1) / item.a.capability.wordsPerHour
            guard let end = time.instant(afterMinutes: time.minutes(before: begin) + minutes) else { return nil }
            cursor[slot] = end
            stepEnd[item.target][item.step] = max(stepEnd[item.target][item.step], end)
        }
        return stepEnd.map { $0.last ?? Int.min }.max()
    }
}
