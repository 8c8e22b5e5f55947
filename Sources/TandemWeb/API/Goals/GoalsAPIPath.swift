/// The scorecards' and incentive plans' API paths under `/api/v1` (a case of `APIRoute`;
/// docs/metrics.md).
enum GoalsAPIPath: Sendable, Equatable {
    case scorecards(PathParameter)
    case incentivePlans
    case incentivePlansSimulate

    var segments: [String] {
        switch self {
        case .scorecards(let subject): return ["scorecards", subject.segment]
        case .incentivePlans: return ["incentive-plans"]
        case .incentivePlansSimulate: return ["incentive-plans", "simulate"]
        }
    }
}
