@testable import TandemWeb

/// The route patterns of production's pages and API, for `everyRegisteredPageRouteIsASiteRoute`.
enum ProductionRoutePatterns {
    static let pages: [SiteRoute] = [
        .today, .projectAssignProposals(":id"), .projectHold(":id"), .job(":id"), .jobAssign(":id"), .jobMove(":id"),
        .purchaseOrder(":id"), .purchaseOrderPDF(":id"),
    ]
    static let api: [APIRoute] = [
        .projectProposals(":id"), .projectHold(":id"), .projectPurchaseOrders(":id"), .job(":id"), .jobAssign(":id"),
        .jobTransition(":id"), .jobAssignment(":id"), .purchaseOrders, .purchaseOrder(":id"),
        .purchaseOrderPDF(":id"),
    ]
}
