/// The guidance API's paths under `/api/v1` (a case of `APIRoute`; docs/guidance.md).
enum GuidanceAPIPath: Sendable, Equatable {
    case accountFit(PathParameter)
    case opportunityFit(PathParameter)
    case whereToSell
    case parity

    var segments: [String] {
        switch self {
        case .accountFit(let id): return ["fit", "accounts", id.segment]
        case .opportunityFit(let id): return ["fit", "opportunities", id.segment]
        case .whereToSell: return ["where-to-sell"]
        case .parity: return ["parity"]
        }
    }
}
