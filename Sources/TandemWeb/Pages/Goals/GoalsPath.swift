/// The scorecard and incentive pages under `/scorecards` (a case of `SiteRoute`; the index is
/// `SiteRoute.area(.scorecards)`; docs/metrics.md).
enum GoalsPath: Sendable, Equatable {
    /// Every metric's definition, one anchor each (`#onTimeRate`).
    case definitions
    /// CSV of a scorecard list (`?subject=&period=…`) or of one subject's trend (`&id=`).
    case export
    /// One subject's scorecard.
    case subject(PathParameter, PathParameter)
    /// The records behind one figure (`?metric=`).
    case records(PathParameter, PathParameter)
    /// Incentive plans: the list and the form to define one.
    case incentives
    /// Plans compared on a past period, with the alignment report.
    case simulate

    var segments: [String] {
        switch self {
        case .definitions: return ["definitions"]
        case .export: return ["export"]
        case .subject(let subject, let id): return [subject.segment, id.segment]
        case .records(let subject, let id): return [subject.segment, id.segment, "records"]
        case .incentives: return ["incentives"]
        case .simulate: return ["simulate"]
        }
    }
}
