@testable import TandemWeb

/// The route patterns of scorecards and incentive plans, for `everyRegisteredPageRouteIsASiteRoute`.
enum GoalsRoutePatterns {
    static let api: [APIRoute] = [
        .goals(.scorecards(":subject")), .goals(.incentivePlans), .goals(.incentivePlansSimulate),
    ]
    static let pages: [SiteRoute] = [
        .goals(.definitions), .goals(.export), .goals(.subject(":subject", ":id")), .goals(.records(":subject", ":id")),
        .goals(.incentives), .goals(.simulate),
    ]
}
