import Foundation

/// The pipeline's admin-set rule values (one row per installation, edited under Settings).
public struct PipelineSettings: Hashable, Codable, Sendable {
    /// Deals whose expected value in the base currency is above this need Solution design; nil: no threshold.
    public var solutionDesignThreshold: Decimal?
    public init(solutionDesignThreshold: Decimal?) { self.solutionDesignThreshold = solutionDesignThreshold }
    public static let initial = PipelineSettings(solutionDesignThreshold: 50_000)
}

/// Why a deal needs Solution design before it may pass it; empty when it does not.
public enum SolutionDesignReason: String, Codable, Sendable, Hashable, CaseIterable {
    case aboveThreshold = "above_threshold"
    /// The value cannot be compared with the threshold: no exchange rate for its currency.
    case valueUnknown = "value_unknown"
    case newLanguagePair = "new_language_pair"
    case newDomain = "new_domain"
    case capabilityBuilding = "capability_building"
}

/// What the organisation has delivered before: for now, what appears on won opportunities.
public struct DeliveryHistory: Sendable, Equatable {
    public var languagePairs: Set<LanguagePair>
    public var domains: Set<String>
    public init(languagePairs: Set<LanguagePair> = [], domains: Set<String> = []) {
        self.languagePairs = languagePairs
        self.domains = domains
    }
}

/// The rules of moving a deal between stages (docs/pipeline.md, "Solution design").
public enum PipelineRules {
    /// Why `opportunity` needs Solution design. `domains` are the subject domains it concerns
    /// (its account's); `valueInBase` its expected value in the base currency (nil: no rate).
    public static func solutionDesignReasons(
        for opportunity: Opportunity, domains: Set<String>, valueInBase: Money?, settings: PipelineSettings,
        history: DeliveryHistory
    ) -> [SolutionDesignReason] {
        var reasons: [SolutionDesignReason] = []
        if let threshold = settings.solutionDesignThreshold {
            if let value = valueInBase {
                if value.amount > threshold { reasons.append(.aboveThreshold) }
            } else {
                reasons.append(.valueUnknown)
            }
        }
        if opportunity.languagePairs.contains(where: { !history.languagePairs.contains($0) }) {
            reasons.append(.newLanguagePair)
        }
        if domains.contains(where: { !history.domains.contains($0.lowercased()) }) { reasons.append(.newDomain) }
        if opportunity.capabilityBuilding { reasons.append(.capabilityBuilding) }
        return reasons
    }

    /// Checks a move of `opportunity` to `target`; throws every broken rule at once.
    /// `needsSolutionDesign` comes from `solutionDesignReasons`; `lostReason` is the reason
    /// given with the move, looked up (nil when none was given, `.some(nil)` when unknown).
    public static func checkMove(
        _ opportunity: Opportunity, to target: Stage, stages: StageList, needsSolutionDesign: Bool,
        lostReasonID: LostReason.ID?, lostReason: LostReason?
    ) throws {
        var errors: [DomainError] = []
        let design = stages.milestone(.solutionDesign)
        if target.milestone == .solutionDesign, opportunity.partnerPmID == nil {
            errors.append(
                .invalid(
                    "partnerPmId", "error.opportunity.partner_pm_required", ["stage": target.name],
                    fallback: "Choose a PM partner before moving the deal to \(target.name)."))
        }
        if needsSolutionDesign, !opportunity.hasSolutionNotes, let design, passes(target, beyond: design) {
            errors.append(
                .invalid(
                    "solutionNotes", "error.opportunity.solution_notes_required", ["stage": design.name],
                    fallback: "This deal needs \(design.name): the PM partner's solution notes come first."))
        }
        if target.outcome == .lost {
            if lostReasonID == nil {
                errors.append(
                    .invalid(
                        "lostReasonId", "error.opportunity.lost_reason_required",
                        fallback: "Say why the deal was lost: choose a reason."))
            } else if lostReason == nil || lostReason?.isActive == false {
                errors.append(
                    .invalid(
                        "lostReasonId", "error.opportunity.lost_reason_unknown",
                        fallback: "Choose one of the listed reasons."))
            }
        }
        try ValidationErrors.check(errors)
    }

    /// True when `target` lies past `design`: a later open stage, or a won one.
    static func passes(_ target: Stage, beyond design: Stage) -> Bool {
        switch target.outcome {
        case .won: return true
        case .lost: return false
        case .open: return target.order > design.order
        }
    }
}
