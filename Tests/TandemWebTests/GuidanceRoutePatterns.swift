@testable import TandemWeb

/// The route patterns of guidance (docs/guidance.md), for `everyRegisteredPageRouteIsASiteRoute`.
enum GuidanceRoutePatterns {
    static let pages: [SiteRoute] = [.whereToSell, .parity]
    static let api: [APIRoute] = [
        GuidanceAPIPath.accountFit(":id"), .opportunityFit(":id"), .whereToSell, .parity,
    ].map { .guidance($0) }
}
