@testable import TandemWeb

/// The route patterns of the promise ledger, for `everyRegisteredPageRouteIsASiteRoute`.
enum LedgerRoutePatterns {
    static let api: [APIRoute] = [
        .promises, .ledgerTotals, .evaluations, .promise(":id"), .promiseRenegotiate(":id"), .promiseVersions(":id"),
        .promiseDeliveries(":id"), .promiseComplaints(":id"), .projectChangeOrders(":id"), .changeOrderAgree(":id"),
        .changeOrderWithdraw(":id"), .vendorQuality(":id"), .accountTimeZone(":id"),
    ]
    static let pages: [SiteRoute] = [.ledger, .promise(":id"), .promiseRenegotiate(":id"), .promiseDeliver(":id")]
}
