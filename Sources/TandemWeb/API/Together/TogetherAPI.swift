import Vapor

/// Registers the working-together API (docs/together.md) under `/api/v1`.
enum TogetherAPI {
    static func register(_ api: any RoutesBuilder) {
        ProposalsAPI.register(api)
        IdeasAPI.register(api)
        ReviewsAPI.register(api)
        GroupsAPI.register(api)
        ShadowingAPI.register(api)
    }
}
