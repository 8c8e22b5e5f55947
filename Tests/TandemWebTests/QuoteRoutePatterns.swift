@testable import TandemWeb

/// The route patterns of the quotes, analyses and projects API, for `everyRegisteredPageRouteIsASiteRoute`.
enum QuoteRoutePatterns {
    static let api: [APIRoute] = [
        .quotes, .quoteReviewSettings, .projects, .quote(":id"), .quoteSubmit(":id"), .quoteReview(":id"),
        .quoteSend(":id"), .quoteAccept(":id"), .quoteLose(":id"), .quoteVersions(":id"), .quoteDiff(":id"),
        .quoteLines(":id"), .quoteLine(":id", ":lineId"), .quoteOptions(":id"), .quoteDeliveries(":id"),
        .quoteFiles(":id"), .quoteFile(":id", ":fileId"), .quoteAnalyses(":id"), .analysis(":id"), .project(":id"),
        .projectBriefAcknowledge(":id"), .projectBriefChallenge(":id"),
    ]
}
