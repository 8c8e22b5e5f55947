@testable import TandemWeb

/// Pricing's route patterns, for `everyRegisteredPageRouteIsASiteRoute`.
enum PricingRoutePatterns {
    static let pages: [SiteRoute] = [
        .rateCards, .newRateCard, .rateCard(":id"), .rateCardEdit(":id"), .workflows, .workflow(":service"),
        .pricingSettings, .pricingMarginFloors,
    ]
    static let api: [APIRoute] = [
        .rateCards, .rateCard(":id"), .rateCardVersions(":id"), .workflows, .workflow(":service"), .pricingSettings,
        .accountMarginFloor(":id"),
    ]
}
