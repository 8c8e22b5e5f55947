import Foundation

/// Due dates for a target's jobs, in workflow order. With the plan's step ends, 80 % of the
/// slack between the last end and the promised instant is spread over the steps (step i of n
/// gets i/n of it), so every step keeps its planned order and the last leaves a fifth of the
/// slack before the promise. Without a plan, the window from `start` to the promise is shared
/// by effort and the last step is due at 80 % of it. A due date is never after the promise.
public enum JobSchedule {
    public struct Step: Sendable, Equatable {
        /// When the plan finishes the step; nil when it has no plan (no vendor, no capacity).
        public var planEnd: Date?
        /// The step's weight without a plan (hours of effort, roughly).
        public var weight: Decimal
        public init(planEnd: Date?, weight: Decimal) {
            self.planEnd = planEnd
            self.weight = weight
        }
    }

    public static let slackShare: Double = 0.8

    public static func dues(_ steps: [Step], start: Date, promise: Date) -> [Date] {
        guard !steps.isEmpty else { return [] }
        let n = Double(steps.count)
        if steps.allSatisfy({ $0.planEnd != nil }) {
            var ends: [Date] = []
            for step in steps { ends.append(max(step.planEnd!, ends.last ?? step.planEnd!)) }
            let slack = promise.timeIntervalSince(ends.last!)
            return ends.enumerated().map { i, end in
                let spread = slack > 0 ? slack * slackShare * Double(i + 1) / n : 0
                return min(end.addingTimeInterval(spread), promise)
            }
        }
        let window = max(0, promise.timeIntervalSince(start))
        let weights = steps.map { max(0, NSDecimalNumber(decimal: $0.weight).doubleValue) }
        let total = weights.reduce(0, +)
        var cumulative = 0.0
        return weights.enumerated().map { i, weight in
            cumulative += total > 0 ? weight / total : 1 / n
            let share = total > 0 ? cumulative : Double(i + 1) / n
            return min(start.addingTimeInterval(window * slackShare * share), promise)
        }
    }
}
