@testable import TandemWeb

/// The route patterns of notifications, quote and project pages, for `everyRegisteredPageRouteIsASiteRoute`.
enum QuoteWebRoutePatterns {
    static let pages: [SiteRoute] = [
        .notifications, .notificationsReadAll, .notificationRead(":id"), .quotePrint(":id"), .quotePDF(":id"),
    ]
    static let api: [APIRoute] = [
        .notifications, .notificationsUnreadCount, .notificationsReadAll, .notificationRead(":id"), .quotePDF(":id"),
    ]
}
