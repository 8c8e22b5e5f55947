import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Projects made from accepted quotes: the list, and the project page with its promises (one per
/// target language), the client brief as it stood at acceptance, and the PM's acknowledgement
/// or challenge of it.
enum ProjectPages {
    struct Row: Encodable {
        var name: String
        var href: String
        var account: String
        var accepted: String
        var brief: QuoteViews.Badge
        /// Production (docs/production.md): the PM, the jobs' progress and the next due.
        var pm: String
        var progress: ProjectProgress.Badge
        var nextDue: String?
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var rows: [Row]
        var filters: ProjectProgress.Filters
    }
    struct PromiseRow: Encodable {
        var language: String
        var delivery: String
        var price: String
        var weightedWords: String
        var services: String
        var quality: String
        /// The ledger's standing (judged against now), with its word and symbol, and the promise's page.
        var status: QuoteViews.Badge
        var href: String
        var renegotiated: Bool
    }
    struct BriefPart: Encodable {
        var label: String
        var text: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var name: String
        var account: String
        var accountHref: String
        var quoteNumber: String
        var quoteHref: String
        var opportunityHref: String
        var accepted: String
        var clientReference: String?
        var promises: [PromiseRow]
        var brief: [BriefPart]
        var briefStatus: QuoteViews.Badge
        var briefComment: String?
        var briefBy: String?
        var briefAction: String?
        var comment: String
        var errors: FormErrors
        /// Jobs, timeline, proposals, moves, hold and purchase orders (docs/production.md).
        var production: ProjectProductionSection?
        /// The two buttons' values (the form posts which one was pressed).
        var acknowledgeValue = "acknowledge"
        var challengeValue = "challenge"
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
    }
    struct BriefForm: Content {
        var decision: String?
        var comment: String?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.area(.projects), use: list)
        routes.get(.project(":id"), use: show)
        routes.post(.projectBrief(":id"), use: brief)
    }

    static func briefBadge(_ status: BriefStatus, _ l: Localizer) -> QuoteViews.Badge {
        switch status {
        case .pending: return .init(css: "badge-warn", symbol: "◔", label: l.t("project.brief.status.pending"))
        case .acknowledged: return .init(css: "badge-ok", symbol: "✓", label: l.t("project.brief.status.acknowledged"))
        case .challenged: return .init(css: "badge-danger", symbol: "⚑", label: l.t("project.brief.status.challenged"))
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewProjects)
        let l = req.localizer
        let filters = ProjectProgress.Filters(req, user: user)
        var rows: [Row] = []
        for project in try await req.stores.quoteStores.projects.list() {
            if filters.mine && project.pmID != user.id { continue }
            let progress = try await ProjectProgress.of(project.id, in: req.stores)
            if let status = filters.status, progress.status.rawValue != status { continue }
            rows.append(
                Row(
                    name: project.name, href: SiteRoute.project(PathParameter(project.id)).path,
                    account: try await req.stores.accounts.find(id: project.accountID)?.name ?? "",
                    accepted: l.formatDate(project.acceptedAt), brief: briefBadge(project.briefStatus, l),
                    pm: try await pmName(project.pmID, req),
                    progress: progress.badge(l), nextDue: progress.nextDue.map { l.formatDateTime($0) }))
        }
        let context = ListContext(
            shell: try await req.shell(title: l.t("nav.projects"), area: .projects), rows: rows, filters: filters)
        return try await req.renderPage("projects/list", context)
    }

    static func pmName(_ id: User.ID?, _ req: Request) async throws -> String {
        guard let id else { return "—" }
        return try await req.stores.users.find(id: id)?.displayName ?? "—"
    }

    static func projectID(_ req: Request) throws -> Project.ID {
        guard let raw = req.parameters.get("id"), let id = Project.ID(uuidString: raw) else {
            throw DomainError.projectNotFound
        }
        return id
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, comment: "", errors: FormErrors())
    }

    static func render(
        _ req: Request, comment: String, errors: FormErrors, status: HTTPResponseStatus = .ok,
        project given: Project.ID? = nil, productionError: (ProjectProductionSection.FormError, job: String?)? = nil
    ) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewProjects)
        let l = req.localizer
        let id = try given ?? projectID(req)
        guard let project = try await req.stores.quoteStores.projects.find(id: id) else {
            throw DomainError.projectNotFound
        }
        let quote = try await req.stores.quoteStores.quotes.find(id: project.quoteID)
        let promises = try await req.stores.quoteStores.projects.promises(of: id)
        let content = project.brief ?? ClientBrief()
        let parts: [(String, String?)] = [
            ("problems", content.problems), ("objectives", content.objectives),
            ("qualityExpectations", content.qualityExpectations), ("audience", content.audience),
            ("styleAndTerminology", content.styleAndTerminology), ("risks", content.risks),
        ]
        var context = Context(
            shell: try await req.shell(title: project.name, area: .projects), name: project.name,
            account: try await req.stores.accounts.find(id: project.accountID)?.name ?? "",
            accountHref: SiteRoute.account(project.accountID).path, quoteNumber: quote?.number ?? "",
            quoteHref: SiteRoute.quote(PathParameter(project.quoteID)).path,
            opportunityHref: SiteRoute.opportunity(project.opportunityID).path,
            accepted: l.formatDate(project.acceptedAt),
            clientReference: project.clientReference.isEmpty ? nil : project.clientReference,
            promises: try await promiseRows(req, project: id, promises),
            brief: parts.compactMap { key, text in
                guard let text, !text.isEmpty else { return nil }
                return BriefPart(label: l.t("brief.part.\(key)"), text: text)
            },
            briefStatus: briefBadge(project.briefStatus, l),
            briefComment: project.briefComment.isEmpty ? nil : project.briefComment,
            briefBy: project.briefAt.map { at in l.t("project.brief.by", ["date": .text(l.formatDateTime(at))]) },
            briefAction: Policy.permits(user, .acknowledgeBrief) ? SiteRoute.projectBrief(PathParameter(id)).path : nil,
            comment: comment, errors: errors,
            production: try await production(req, id, user: user))
        if let productionError { context.production?.show(productionError.0, job: productionError.job) }
        context.thread = await ThreadPanel.forPage(RecordSubject(kind: .project, id: id.rawValue), req: req)
        return try await req.renderPage("projects/show", context, status: status)
    }

    /// Each promise as the ledger sees it (its standing judged against now, the day in the client's
    /// zone), linking to its page; a promise a change order cancelled keeps its stored status.
    static func promiseRows(_ req: Request, project id: Project.ID, _ promises: [Promise]) async throws
        -> [PromiseRow]
    {
        let l = req.localizer
        let ledger = try await req.stores.ledger.page(
            LedgerFilter(projectID: id), now: req.appEnvironment.now, after: nil, limit: 500)
        let entries = Dictionary(ledger.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return promises.map { promise in
            let entry = entries[promise.id]
            return PromiseRow(
                language: QuoteDocument.languageName(promise.targetLanguage, in: l),
                delivery: entry.map { LedgerViews.delivery($0.terms, l) } ?? l.formatDateTime(promise.deliveryDate),
                price: l.format(entry?.promise.price ?? promise.price),
                weightedWords: QuoteViews.words(promise.weightedWords, l),
                services: promise.services.map { QuoteDocument.serviceName($0, in: l) }.joined(separator: ", "),
                quality: promise.qualityLevel,
                status: LedgerViews.statusBadge(entry?.promise.status ?? promise.status, l),
                href: SiteRoute.promise(PathParameter(promise.id)).path,
                renegotiated: entry?.state.renegotiated ?? false)
        }
    }

    static func production(_ req: Request, _ id: Project.ID, user: User) async throws -> ProjectProductionSection {
        let work = ProductionWork(req.appEnvironment, capacity: req.application.capacity)
        let state = try await work.state(id, by: user)
        let proposals = Policy.permits(user, .manageProduction) ? try await work.proposals(id, by: user) : []
        return try await ProjectProductionSection.make(
            state, proposals: proposals, user: user, now: req.appEnvironment.now, req: req)
    }

    @Sendable static func brief(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try projectID(req)
        let form = try req.content.decode(BriefForm.self)
        let briefs = BriefAcknowledgement(req.appEnvironment)
        do {
            if form.decision == "challenge" {
                _ = try await briefs.challenge(id, comment: form.comment ?? "", by: user)
            } else {
                _ = try await briefs.acknowledge(id, comment: form.comment ?? "", by: user)
            }
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await render(req, comment: form.comment ?? "", errors: errors, status: .unprocessableEntity)
        }
        let response = req.redirect(to: SiteRoute.project(PathParameter(id)).path)
        req.setFlash(response, form.decision == "challenge" ? "project.brief.challenged" : "project.brief.acknowledged")
        return response
    }
}
