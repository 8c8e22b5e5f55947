import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The dashboard's "My work" panel (see `MyWork`).
enum MyWorkPanel {
    struct Item: Encodable {
        var href: String
        var name: String
        var account: String
        var detail: String
        var overdue: Bool
    }
    struct Context: Encodable {
        var owned: [Item]
        var overdue: [Item]
        var partnered: [Item]
        var showsOwned: Bool
        var showsPartnered: Bool
        var boardHref = SiteRoute.area(.opportunities).path
    }

    /// Where a record's page is.
    static func href(of subject: RecordSubject) -> String {
        subject.kind == .opportunity
            ? SiteRoute.opportunity(Opportunity.ID(subject.id)).path : SiteRoute.account(Account.ID(subject.id)).path
    }

    /// Nil for users who see no pipeline (vendor managers).
    static func make(_ req: Request) async throws -> Context? {
        let user = try req.requireUser()
        guard PipelineAccess.canView(user) else { return nil }
        let l = req.localizer
        let now = CalendarDate(req.now, in: l.timeZone)
        let today = try LocalDate(year: now.year, month: now.month, day: now.day)
        let work = try await MyWork(req.appEnvironment).summary(for: user, today: today)
        let views = try await PipelineViews.make(req, accountNames: work.accountNames, stages: work.stages)
        func item(_ o: Opportunity) -> Item {
            Item(
                href: SiteRoute.opportunity(o.id).path, name: o.name, account: views.account(o.accountID),
                detail: "\(views.stageName(o.stageID)) · \(views.money(o.expectedValue)) · \(views.day(o.closeDate))",
                overdue: o.closeDate < today)
        }
        return Context(
            owned: work.owned.map(item),
            overdue: work.overdue.map {
                Item(
                    href: href(of: $0.subject), name: $0.text, account: $0.title,
                    detail: l.t("dashboard.my_work.due", ["date": .text(views.day($0.due))]), overdue: true)
            },
            partnered: work.partnered.map(item),
            showsOwned: !user.roles.isDisjoint(with: [.sales, .manager, .admin]), showsPartnered: user.has(.pm))
    }
}
