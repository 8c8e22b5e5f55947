import Foundation
import TandemApp
import TandemDomain
import Vapor

/// `GET /api/v1/scorecards/{subject}?period=&from=&to=` (docs/metrics.md).
enum ScorecardsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.goals(.scorecards(":subject")), use: list)
    }

    /// The path's subject; anything else is a 400 naming `subject`.
    static func subject(_ req: Request) throws -> ScorecardSubject {
        guard let raw = req.parameters.get("subject"), let subject = ScorecardSubject(rawValue: raw) else {
            throw APIError.badRequest(code: "invalid", messageKey: "scorecard.error.subject", field: "subject")
        }
        return subject
    }

    static func periodInput(_ req: Request) -> ScorecardPeriodInput {
        let fields = QueryFields(request: req)
        return ScorecardPeriodInput(period: fields.value("period"), from: fields.value("from"), to: fields.value("to"))
    }

    @Sendable static func list(req: Request) async throws -> ScorecardBodies.Page {
        let user = try req.requireUser()
        let subject = try subject(req)
        let scorecards = Scorecards(req.appEnvironment)
        var problems: [FieldError] = []
        let paging = ListRequest<ScorecardBodies.Key>(req, problems: &problems)
        let period: MetricPeriod
        do {
            period = try await scorecards.period(periodInput(req))
        } catch let error as ValidationErrors {
            throw APIError.invalidFields(error.errors.compactMap { FieldError($0) } + problems)
        }
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let rows = try await scorecards.rows(subject, period: period, for: user)
        let after = rows.filter { row in paging.after.map { ScorecardBodies.Key(row) > $0 } ?? true }
        let page = Array(after.prefix(paging.limit))
        let next = after.count > page.count ? page.last.map(ScorecardBodies.Key.init) : nil
        return ScorecardBodies.Page(
            items: page.map(ScorecardBodies.Item.init),
            nextCursor: next.flatMap { ListRequest<ScorecardBodies.Key>.encodeCursor($0) },
            period: ScorecardBodies.Period(period))
    }
}
