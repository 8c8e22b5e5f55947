import Vapor

/// Registers the guidance pages and API (docs/guidance.md).
enum GuidanceRoutes {
    static func register(pages: any RoutesBuilder, api: any RoutesBuilder) {
        GuidanceAPI.register(api)
        WhereToSellPage.register(pages)
        ParityPage.register(pages)
    }
}
