@testable import TandemWeb

/// The route patterns of notifications, quote and project pages, for `everyRegisteredPageRouteIsASiteRoute`.
enum QuoteWebRoutePatterns {
    static let pages: [SiteRoute] = [
        .notifications, .notificationsReadAll, .notificationRead(":id"), .quotePrint(":id"), .quotePDF(":id"),
        .newQuote, .quoteReviews, .quote(":id"), .quoteFiles(":id"), .quoteLines(":id"),
        .quoteLineRemove(":id", ":line"), .quoteOptions(":id"), .quoteDeliveries(":id"), .quoteSubmit(":id"),
        .quoteSend(":id"), .quoteAccept(":id"), .quoteLose(":id"), .quoteReview(":id"), .quoteDiff(":id"),
        .analysisProgress(":id"), .project(":id"), .projectBrief(":id"),
    ]
    static let api: [APIRoute] = [
        .notifications, .notificationsUnreadCount, .notificationsReadAll, .notificationRead(":id"), .quotePDF(":id"),
    ]
}
