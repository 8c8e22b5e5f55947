@testable import TandemWeb

/// The clients side's route patterns, for `everyRegisteredPageRouteIsASiteRoute`.
enum ClientRoutePatterns {
    static let pages: [SiteRoute] = []
    static let api: [APIRoute] = [.accounts, .account(":id")]
}
