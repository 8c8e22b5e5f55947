import Foundation

extension LinguisticService {
    /// Monolingual or bilingual review after post-editing.
    public static let review = LinguisticService("review")
    /// Quality assurance, an internal step done by the project manager.
    public static let qa = LinguisticService("qa")
}

/// What a workflow step's effort is counted on (see `EffortGrid`).
public enum EffortBasis: String, CaseIterable, Codable, Sendable {
    /// Words weighted by the organisation's effort grid (translation, post-editing).
    case weightedWords = "weighted-words"
    /// Every word except context matches (revision, review).
    case wordsExceptContext = "words-except-context"
    /// The line's own quantity, in pages or hours (DTP).
    case quantity
    /// A fixed duration, whatever the size (internal steps).
    case fixed
}

/// Who does a step: a vendor proposed by the capacity check, or the project manager.
public enum StepPerformer: String, CaseIterable, Codable, Sendable {
    case vendor
    case projectManager = "project-manager"
}

/// One step of a workflow: a vendor service counted in a unit, or an internal step with a fixed
/// duration and no vendor.
public struct WorkflowStep: Hashable, Sendable, Codable {
    public var service: LinguisticService
    public var performer: StepPerformer
    public var unit: PriceUnit
    public var effort: EffortBasis
    /// Internal steps: how long the step takes, in working hours.
    public var fixedHours: Decimal?

    public init(
        service: LinguisticService, performer: StepPerformer = .vendor, unit: PriceUnit = .word,
        effort: EffortBasis, fixedHours: Decimal? = nil
    ) {
        self.service = service
        self.performer = performer
        self.unit = unit
        self.effort = effort
        self.fixedHours = fixedHours
    }

    public static func vendor(_ service: LinguisticService, _ effort: EffortBasis, unit: PriceUnit = .word) -> Self {
        WorkflowStep(service: service, unit: unit, effort: effort)
    }

    public static func internalStep(_ service: LinguisticService, hours: Decimal) -> Self {
        WorkflowStep(service: service, performer: .projectManager, unit: .hour, effort: .fixed, fixedHours: hours)
    }

    public var isInternal: Bool { performer == .projectManager }
}

/// The steps a quoted service goes through, in order; used by a quote's feasibility check and
/// later by the project's jobs. Admins edit them; `version` guards concurrent edits.
public struct WorkflowTemplate: Hashable, Sendable, Codable {
    public var service: LinguisticService
    public var steps: [WorkflowStep]
    public var version: Int
    public var updatedAt: Date?

    public init(service: LinguisticService, steps: [WorkflowStep], version: Int = 1, updatedAt: Date? = nil) {
        self.service = service
        self.steps = steps
        self.version = version
        self.updatedAt = updatedAt
    }

    /// Translation → revision; post-editing → review; DTP in pages; transcreation → review;
    /// proofreading alone. A service with no template is done as one vendor step.
    public static let defaults: [WorkflowTemplate] = [
        WorkflowTemplate(
            service: .translation,
            steps: [.vendor(.translation, .weightedWords), .vendor(.revision, .wordsExceptContext)]),
        WorkflowTemplate(
            service: .postEditing,
            steps: [.vendor(.postEditing, .weightedWords), .vendor(.review, .wordsExceptContext)]),
        WorkflowTemplate(service: .dtp, steps: [.vendor(.dtp, .quantity, unit: .page)]),
        WorkflowTemplate(
            service: .transcreation,
            steps: [.vendor(.transcreation, .weightedWords), .vendor(.review, .wordsExceptContext)]),
        WorkflowTemplate(service: .proofreading, steps: [.vendor(.proofreading, .wordsExceptContext)]),
    ]

    /// The template for `service` among `templates`, else a single vendor step.
    public static func template(for service: LinguisticService, in templates: [WorkflowTemplate]) -> WorkflowTemplate {
        templates.first { $0.service == service }
            ?? WorkflowTemplate(service: service, steps: [.vendor(service, .weightedWords)])
    }

    /// Checks an admin's edit: at least one step, internal steps with a duration above zero.
    public static func validate(_ template: WorkflowTemplate) throws {
        var errors: [DomainError] = []
        if template.steps.isEmpty {
            errors.append(
                .invalid("steps", "error.workflow.steps.required", fallback: "A workflow needs at least one step."))
        }
        for (index, step) in template.steps.enumerated() where step.isInternal {
            if (step.fixedHours ?? 0) <= 0 || (step.fixedHours ?? 0) > 80 {
                errors.append(
                    .invalid(
                        "steps[\(index)].fixedHours", "error.workflow.hours.invalid", [:],
                        fallback: "An internal step needs a duration in hours, above 0 and at most 80."))
            }
        }
        try ValidationErrors.check(errors)
    }
}

/// How much work a step is: translation on words weighted by this grid (default context 0 %,
/// repetition 10 %, 100 20 %, 95–99 40 %, 85–94 60 %, 75–84 80 %, 50–74 and new 100 %);
/// revision and review on every word except context matches. Time is planned on effort, not price.
public struct EffortGrid: Hashable, Sendable, Codable {
    public var percents: [MatchBand: Decimal]

    public init(percents: [MatchBand: Decimal]) { self.percents = percents }

    public static let standard = EffortGrid(percents: [
        .context: 0, .repetition: 10, .exact: 20, .fuzzyHigh: 40, .fuzzyMiddle: 60, .fuzzyLow: 80,
        .fuzzyLowest: 100, .new: 100,
    ])

    public func percent(of band: MatchBand) -> Decimal { percents[band] ?? 100 }

    /// The effort count of `step` for a line: words for word steps, the quantity for page or hour
    /// steps, the fixed hours for internal steps.
    public func effort(of step: WorkflowStep, tallies: BandTallies?, quantity: Decimal? = nil) -> Decimal {
        switch step.effort {
        case .weightedWords:
            guard let tallies else { return quantity ?? 0 }
            return tallies.byBand.keys.sorted().reduce(Decimal(0)) { $0 + tallies[$1].words * percent(of: $1) / 100 }
        case .wordsExceptContext:
            guard let tallies else { return quantity ?? 0 }
            return tallies.totalWords - tallies[.context].words
        case .quantity: return quantity ?? 0
        case .fixed: return step.fixedHours ?? 0
        }
    }
}
