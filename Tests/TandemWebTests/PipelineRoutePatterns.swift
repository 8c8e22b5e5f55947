@testable import TandemWeb

/// The pipeline's route patterns, for `everyRegisteredPageRouteIsASiteRoute`.
enum PipelineRoutePatterns {
    static let pages: [SiteRoute] = [
        .opportunityList, .newOpportunity, .opportunity(":id"), .opportunityEdit(":id"), .opportunityMove(":id"),
        .opportunitySolutionNotes(":id"), .opportunityBrief(":id"), .opportunityActivities(":id"), .pipelineSettings,
        .pipelineStages, .pipelineStage(":id"), .pipelineLostReasons, .pipelineLostReason(":id"),
        .pipelineExchangeRates, .pipelineThreshold, .search,
    ]
    static let api: [APIRoute] = [
        .opportunities, .opportunity(":id"), .opportunityStage(":id"), .opportunitySolutionNotes(":id"),
        .opportunityBrief(":id"), .stages, .stage(":id"), .lostReasons, .lostReason(":id"), .exchangeRates,
        .exchangeRate(":id"),
    ]
}
