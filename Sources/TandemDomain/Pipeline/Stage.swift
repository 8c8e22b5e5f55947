import Foundation

/// What reaching a stage means for a deal.
public enum StageOutcome: String, CaseIterable, Codable, Sendable {
    case open, won, lost
}

/// A stage with a rule attached to it; at most one stage carries each milestone.
public enum StageMilestone: String, CaseIterable, Codable, Sendable {
    /// Sales and a PM design the answer together: entering needs a PM partner, and deals that
    /// need it cannot move past it without solution notes.
    case solutionDesign = "solution_design"
    /// Where a quote created straight from an account puts its opportunity.
    case proposal
}

/// A step of the sales pipeline, configured by admins (docs/pipeline.md).
public struct Stage: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<Stage>

    public var id: ID
    public var name: String
    /// Position on the board and in lists, smallest first.
    public var order: Int
    /// The default probability of winning, in whole percent (0–100).
    public var probability: Int
    public var outcome: StageOutcome
    public var milestone: StageMilestone?

    public init(
        id: ID, name: String, order: Int, probability: Int, outcome: StageOutcome, milestone: StageMilestone? = nil
    ) {
        self.id = id
        self.name = name
        self.order = order
        self.probability = probability
        self.outcome = outcome
        self.milestone = milestone
    }

    /// Checks a stage as an admin enters it: every wrong field at once.
    public static func validate(name: String, order: Int, probability: Int) throws -> String {
        var errors: [DomainError] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 60 {
            errors.append(
                .invalid(
                    "name", "error.stage.name", ["max": "60"], fallback: "A stage needs a name of 1 to 60 characters."))
        }
        if !(0...10_000).contains(order) {
            errors.append(
                .invalid("order", "error.stage.order", fallback: "The order is a whole number from 0 to 10000."))
        }
        if let problem = Probability.check(probability, field: "probability") { errors.append(problem) }
        try ValidationErrors.check(errors)
        return trimmed
    }
}

/// Probabilities are whole percentages from 0 to 100.
public enum Probability {
    public static func check(_ value: Int, field: String) -> DomainError? {
        (0...100).contains(value)
            ? nil
            : .invalid(
                field, "error.probability.out_of_range", ["value": String(value)],
                fallback: "A probability is a whole percentage from 0 to 100.")
    }
}

/// Why a deal was lost, from a list admins maintain.
public struct LostReason: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<LostReason>
    public var id: ID
    public var name: String
    /// Retired reasons stay on the deals that used them but are no longer offered.
    public var isActive: Bool

    public init(id: ID, name: String, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.isActive = isActive
    }

    public static func validate(name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 120 else {
            throw ValidationErrors([
                .invalid(
                    "name", "error.lost_reason.name", ["max": "120"],
                    fallback: "A lost reason needs a name of 1 to 120 characters.")
            ])
        }
        return trimmed
    }
}

/// The stages in board order, with the lookups the rules need.
public struct StageList: Sendable, Equatable {
    public let stages: [Stage]

    public init(_ stages: [Stage]) {
        self.stages = stages.sorted { ($0.order, $0.name, $0.id) < ($1.order, $1.name, $1.id) }
    }

    public var open: [Stage] { stages.filter { $0.outcome == .open } }
    /// Where a new opportunity starts.
    public var firstOpen: Stage? { open.first }
    public func stage(_ id: Stage.ID) -> Stage? { stages.first { $0.id == id } }
    public func milestone(_ milestone: StageMilestone) -> Stage? { stages.first { $0.milestone == milestone } }
    public var wonStageIDs: Set<Stage.ID> { Set(stages.filter { $0.outcome == .won }.map(\.id)) }
}
