import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// Investment proposals: the list, the form (costs, a time-saved and a deals benefit with their
/// drivers), and the page with payback, co-signatures, the manager's decision (its buttons
/// disabled until a sales and a production signature exist) and the benefit review.
enum ProposalPages {
    struct Row: Encodable {
        var title: String
        var href: String
        var proposer: String
        var oneOff: String
        var payback: String
        var status: Badge
        var signatures: String
    }
    struct Badge: Encodable {
        var label: String
        var css: String
        var symbol: String
    }
    struct ListContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var rows: [Row]
        var newHref: String
    }
    struct Form: Content {
        var title: String?
        var summary: String?
        var oneOffCost: String?
        var recurringCost: String?
        var timeDescription: String?
        var hoursPerProject: String?
        var projectsPerYear: String?
        var hourlyCost: String?
        var dealsDescription: String?
        var dealsPerYear: String?
        var marginPerDeal: String?
        var opportunityIds: [String]?
        var reviewOn: String?
    }
    struct FormContext: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var form: Form
        var currency: String
        var opportunities: [SelectOption]
        var action: String
        var cancelHref: String
        var errors: FormErrors
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.together(.proposals), use: list)
        routes.get(.together(.newProposal), use: newForm)
        routes.post(.together(.proposals), use: create)
        routes.get(.together(.proposal(":id")), use: ProposalShowPage.show)
        routes.post(.together(.proposalSign(":id")), use: ProposalShowPage.sign)
        routes.post(.together(.proposalDecide(":id")), use: ProposalShowPage.decide)
        routes.post(.together(.proposalReview(":id")), use: ProposalShowPage.review)
    }

    static func status(_ status: ProposalStatus, _ l: Localizer) -> Badge {
        switch status {
        case .open: return Badge(label: l.t("proposals.status.open"), css: "badge-info", symbol: "○")
        case .approved: return Badge(label: l.t("proposals.status.approved"), css: "badge-ok", symbol: "✓")
        case .declined: return Badge(label: l.t("proposals.status.declined"), css: "badge-danger", symbol: "✕")
        }
    }

    static func payback(_ p: InvestmentProposal, _ l: Localizer) -> String {
        guard let months = p.paybackMonths else { return l.t("proposals.payback.never") }
        return l.t("proposals.payback.months", ["months": .text(l.format(months, maximumFractionDigits: 1))])
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let l = req.localizer
        let names = try await TogetherPages.names(req)
        let rows = try await Proposals(req.appEnvironment).list(by: user).map { p in
            Row(
                title: p.title, href: SiteRoute.together(.proposal(PathParameter(p.id))).path,
                proposer: names[p.proposerID] ?? "", oneOff: l.format(p.oneOffCost), payback: payback(p, l),
                status: status(p.status, l),
                signatures: p.signatures.map { names[$0.userID] ?? "" }.joined(separator: ", "))
        }
        let context = ListContext(
            shell: try await req.shell(title: l.t("proposals.title"), area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "proposals"), rows: rows,
            newHref: SiteRoute.together(.newProposal).path)
        return try await req.renderPage("together/proposals", context)
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try await render(req, Form(), errors: FormErrors())
    }

    static func render(_ req: Request, _ form: Form, errors: FormErrors, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        try req.authorize(.proposeInvestment)
        let l = req.localizer
        let chosen = Set(form.opportunityIds ?? [])
        var opportunities: [SelectOption] = []
        if Policy.permits(try req.requireUser(), .viewOpportunities) {
            opportunities = try await req.stores.pipeline.opportunities.list(OpportunityFilter())
                .map {
                    SelectOption(value: $0.id.description, label: $0.name, selected: chosen.contains($0.id.description))
                }
        }
        let context = FormContext(
            shell: try await req.shell(title: l.t("proposals.new"), area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "proposals"), form: form,
            currency: try await req.organisation().baseCurrency.code, opportunities: opportunities,
            action: SiteRoute.together(.proposals).path, cancelHref: SiteRoute.together(.proposals).path,
            errors: errors)
        return try await req.renderPage("together/proposal-new", context, status: status)
    }

    /// Reads the form: every unreadable number by its field, then the use case's own checks.
    static func input(_ form: Form, _ req: Request, _ errors: inout FormErrors) async throws -> Proposals.Input? {
        let l = req.localizer
        let currency = try await req.organisation().baseCurrency
        func text(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespaces) }
        func money(_ s: String?, _ field: String, required: Bool) -> Money? {
            if text(s).isEmpty && !required { return nil }
            do { return try l.parseMoney(text(s), currency: currency, field: field) } catch {
                errors.add(field, l.t("together.error.amount"))
                return nil
            }
        }
        func number(_ s: String?, _ field: String) -> Decimal? {
            if text(s).isEmpty { return nil }
            do { return try l.parseDecimal(text(s), field: field) } catch {
                errors.add(field, l.t("together.error.number"))
                return nil
            }
        }
        let oneOff = money(form.oneOffCost, "oneOffCost", required: true)
        let recurring = money(form.recurringCost, "recurringCost", required: false) ?? .zero(currency)
        var benefits: [ProposalBenefit] = []
        let hours = number(form.hoursPerProject, "hoursPerProject")
        let projects = number(form.projectsPerYear, "projectsPerYear")
        let hourly = money(form.hourlyCost, "hourlyCost", required: false)
        if hours != nil || projects != nil || hourly != nil || !text(form.timeDescription).isEmpty {
            benefits.append(
                ProposalBenefit(
                    kind: .timeSaved, description: text(form.timeDescription), hoursPerProject: hours,
                    projectsPerYear: projects, hourlyCost: hourly))
        }
        let deals = number(form.dealsPerYear, "dealsPerYear")
        let margin = money(form.marginPerDeal, "marginPerDeal", required: false)
        if deals != nil || margin != nil || !text(form.dealsDescription).isEmpty {
            benefits.append(
                ProposalBenefit(
                    kind: .deals, description: text(form.dealsDescription), dealsPerYear: deals, marginPerDeal: margin,
                    opportunityIDs: (form.opportunityIds ?? []).compactMap { Opportunity.ID(uuidString: $0) }))
        }
        var reviewOn: LocalDate?
        if !text(form.reviewOn).isEmpty { reviewOn = TogetherPages.day(form.reviewOn, "reviewOn", req, &errors) }
        guard errors.isEmpty, let oneOff else { return nil }
        return Proposals.Input(
            title: text(form.title), summary: form.summary ?? "", oneOffCost: oneOff, recurringCost: recurring,
            benefits: benefits, benefitReviewOn: reviewOn)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        guard let input = try await input(form, req, &errors) else {
            return try await render(req, form, errors: errors, status: .unprocessableEntity)
        }
        let user = try req.requireUser()
        return try await TogetherPages.perform(
            req, done: "proposals.created",
            failed: { errors in
                var mapped = FormErrors()
                for (field, message) in errors.messages { mapped.add(Self.formField(field), message) }
                mapped.summary = errors.summary
                return try await render(req, form, errors: mapped, status: .unprocessableEntity)
            }
        ) {
            let made = try await Proposals(req.appEnvironment).propose(input, by: user)
            return SiteRoute.together(.proposal(PathParameter(made.id))).path
        }
    }

    /// The form field a use-case error names (`benefits[0].hourlyCost.amount` → `hourlyCost`).
    static func formField(_ field: String) -> String {
        guard field.hasPrefix("benefits") else { return field.components(separatedBy: ".").first ?? field }
        let parts = field.components(separatedBy: ".")
        guard parts.count > 1 else { return "timeDescription" }
        switch parts[1] {
        case "description": return field.hasPrefix("benefits[0]") ? "timeDescription" : "dealsDescription"
        default: return parts[1].replacingOccurrences(of: "[0]", with: "")
        }
    }
}
