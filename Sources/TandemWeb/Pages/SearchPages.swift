import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The results of the shell's search box (`/search?q=`).
enum SearchPages {
    struct Hit: Encodable {
        var title: String
        var detail: String
        var href: String
    }
    struct Group: Encodable {
        var titleKey: String
        var hits: [Hit]
    }
    struct Context: Encodable {
        var shell: PageShell
        var query: String
        var groups: [Group]
        var searched: Bool
        var found: Bool
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.search, use: search)
    }

    static func href(_ hit: SearchHit) -> String {
        switch hit.kind {
        case .opportunity: return SiteRoute.opportunity(Opportunity.ID(hit.id)).path
        case .account, .contact:
            return hit.accountID.map { SiteRoute.account($0).path } ?? SiteRoute.area(.accounts).path
        }
    }

    @Sendable static func search(req: Request) async throws -> Response {
        try req.require(PipelineAccess.canView)
        let text = req.query[String.self, at: "q"] ?? ""
        let results = try await Search(req.appEnvironment).run(text)
        func group(_ key: String, _ hits: [SearchHit]) -> Group {
            Group(titleKey: key, hits: hits.map { Hit(title: $0.title, detail: $0.detail, href: href($0)) })
        }
        let groups = [
            group("search.accounts", results.accounts), group("search.contacts", results.contacts),
            group("search.opportunities", results.opportunities),
        ].filter { !$0.hits.isEmpty }
        var shell = try await req.shell(title: req.localizer.t("search.title"), area: nil)
        shell.searchQuery = text
        let context = Context(
            shell: shell, query: text, groups: groups, searched: results.query.count >= 2, found: !results.isEmpty)
        return try await req.renderPage("search/results", context)
    }
}
