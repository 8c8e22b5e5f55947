import Foundation
import TandemDomain

/// The board and the list: opportunities by stage with the column totals in the base currency.
public struct PipelineOverview: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Column: Sendable {
        public var stage: Stage
        /// By close date, then name.
        public var opportunities: [Opportunity]
        public var total: PipelineTotal
    }

    public struct Board: Sendable {
        public var columns: [Column]
        public var stages: StageList
        public var accountNames: [Account.ID: String]
        public var baseCurrency: CurrencyCode
    }

    /// One column per open stage, with the opportunities `filter` lets through.
    public func board(_ filter: OpportunityFilter) async throws -> Board {
        let stores = env.stores
        let stages = StageList(try await stores.pipeline.stages.list())
        var openFilter = filter
        let openIDs = Set(stages.open.map(\.id))
        openFilter.stageIDs = filter.stageIDs.map { $0.intersection(openIDs) } ?? openIDs
        let opportunities = try await stores.pipeline.opportunities.list(openFilter)
        let rates = try await rateTable()
        let byStage = Dictionary(grouping: opportunities, by: \.stageID)
        let columns = stages.open.map { stage in
            let items = byStage[stage.id] ?? []
            return Column(
                stage: stage, opportunities: items,
                total: PipelineTotals.total(items.map { ($0, $0.probability(in: stage)) }, rates: rates))
        }
        return Board(
            columns: columns, stages: stages,
            accountNames: try await stores.accountNames(Set(opportunities.map(\.accountID))),
            baseCurrency: rates.base)
    }

    public func rateTable() async throws -> ExchangeRateTable {
        let base = try await env.stores.organisation.load().baseCurrency
        return ExchangeRateTable(base: base, rates: try await env.stores.pipeline.exchangeRates.list())
    }

    /// Opportunities for a list (any stage), with the stages and account names to show them.
    public func list(_ filter: OpportunityFilter) async throws
        -> (opportunities: [Opportunity], stages: StageList, accountNames: [Account.ID: String])
    {
        let stores = env.stores
        let opportunities = try await stores.pipeline.opportunities.list(filter)
        return (
            opportunities, StageList(try await stores.pipeline.stages.list()),
            try await stores.accountNames(Set(opportunities.map(\.accountID)))
        )
    }
}
