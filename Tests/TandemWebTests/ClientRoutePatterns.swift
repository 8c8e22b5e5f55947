@testable import TandemWeb

/// The clients side's route patterns, for `everyRegisteredPageRouteIsASiteRoute`.
enum ClientRoutePatterns {
    static let pages: [SiteRoute] = []
    static let api: [APIRoute] = [
        .accounts, .account(":id"), .accountContacts(":id"), .accountActivities(":id"), .accountBrief(":id"),
        .accountBriefVersions(":id"), .contact(":id"), .contactExport(":id"), .contactErase(":id"),
    ]
}
