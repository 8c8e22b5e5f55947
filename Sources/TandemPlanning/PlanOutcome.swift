import Foundation
import TandemDomain

/// A vendor's position in a `CapacityIndex`: stable while the vendor stays in the index.
struct VendorSlot: Hashable, Comparable, Sendable {
    var index: Int
    static func < (a: VendorSlot, b: VendorSlot) -> Bool { a.index < b.index }
}

/// A vendor's number among the distinct candidates of one check, 0..<n, so the planner keeps
/// per-vendor state in arrays (see `Scheduler.localize`).
struct RequestVendor: Hashable, Sendable {
    var index: Int
}

/// One vendor's share of a step as the scheduler found it.
struct AssignmentOutcome: Sendable {
    var slot: VendorSlot
    var vendor: RequestVendor
    var capability: Capability
    /// The capability's per-word cost, for comparing plans by cost.
    var cost: CostKey
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
    var eligible: [VendorSlot]
    var fourEyesExcluded: [VendorSlot]
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

/// What a vendor's reserved time is for: a step of one of the request's targets.
struct ReservedWork: Sendable {
    var span: Span
    var target: Int
    var service: Service
}

/// A whole plan: every target's outcome, planned in `order`.
struct RunOutcome: Sendable {
    var order: [Int]
    var targets: [TargetOutcome]

    /// Work reserved per vendor in this run. Built on demand: the search plans many runs and
    /// reads this of one.
    var reserved: [VendorSlot: [ReservedWork]] {
        var out: [VendorSlot: [ReservedWork]] = [:]
        for t in order where t < targets.count {
            for step in targets[t].steps {
                for assignment in step.assignments {
                    out[assignment.slot, default: []].append(
                        contentsOf: assignment.spans.map { ReservedWork(span: $0, target: t, service: step.service) })
                }
            }
        }
        return out
    }

    /// `reserved` of one vendor.
    func reserved(of slot: VendorSlot) -> [ReservedWork] {
        var out: [ReservedWork] = []
        for t in order where t < targets.count {
            for step in targets[t].steps {
                for assignment in step.assignments where assignment.slot == slot {
                    out.append(
                        contentsOf: assignment.spans.map { ReservedWork(span: $0, target: t, service: step.service) })
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

    /// The plan's cost per `CostKey` group (one comparison currency, then one group per other
    /// currency), never adding amounts of different currencies.
    var costByGroup: [Int: Int] {
        var out: [Int: Int] = [:]
        for target in targets {
            for step in target.steps {
                for a in step.assignments {
                    let (product, overflow) = a.cost.amount.multipliedReportingOverflow(by: a.words)
                    out[a.cost.group, default: 0] &+= overflow ? Int.max / 4 : product
                }
            }
        }
        return out
    }

    /// Cheaper: lower cost in the last group (highest number) where the two plans differ. As
    /// with vendors (`CostKey`), a cost in a later group counts as dearer than any in an earlier
    /// one, so a plan that moves work into an unconverted currency is not cheaper for it.
    func isCheaper(than other: RunOutcome) -> Bool {
        let mine = costByGroup
        let theirs = other.costByGroup
        for group in Set(mine.keys).union(theirs.keys).sorted(by: >)
        where mine[group, default: 0] != theirs[group, default: 0] {
            return mine[group, default: 0] < theirs[group, default: 0]
        }
        return false
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
            return isCheaper(than: other)
        }
    }
}
