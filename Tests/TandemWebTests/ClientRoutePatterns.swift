@testable import TandemWeb

/// The clients side's route patterns, for `everyRegisteredPageRouteIsASiteRoute`.
enum ClientRoutePatterns {
    static let pages: [SiteRoute] = [
        .newAccount, .account(":id"), .editAccount(":id"), .accountBrief(":id"), .accountBriefHistory(":id"),
        .accountContacts(":id"), .accountActivities(":id"), .accountAssets(":id"), .contact(":id"),
        .contactExport(":id"), .contactErase(":id"), .activityDone(":id"), .asset(":id"),
    ]
    static let api: [APIRoute] = [
        .accounts, .account(":id"), .accountContacts(":id"), .accountActivities(":id"), .accountBrief(":id"),
        .accountBriefVersions(":id"), .contact(":id"), .contactExport(":id"), .contactErase(":id"),
    ]
}
