@testable import TandemWeb

/// The route patterns of threads (docs/collaboration.md), for `everyRegisteredPageRouteIsASiteRoute`.
enum ThreadRoutePatterns {
    static let pages: [SiteRoute] = [
        .thread(":recordType", ":recordId"), .threadComments(":recordType", ":recordId"),
        .threadFollow(":recordType", ":recordId"),
        .threadMentions(":recordType", ":recordId"), .timeline(":recordType", ":recordId"), .commentEdit(":id"),
        .attachment(":id"),
        .notificationStream, .notificationPreferences, .digest,
    ]
    static let api: [APIRoute] = [
        .threadComments(":recordType", ":recordId"), .threadTimeline(":recordType", ":recordId"),
        .threadFollow(":recordType", ":recordId"),
        .comment(":id"), .commentHistory(":id"), .commentAttachments(":id"), .attachment(":id"),
        .notificationPreferences, .notificationsDigest,
    ]
}
