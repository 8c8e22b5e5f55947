import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// One investment proposal: costs, benefits with their drivers, payback, the co-signatures and
/// the sign button, the manager's decision (disabled until both sides signed) and the benefit review.
enum ProposalShowPage {
    struct Benefit: Encodable {
        var kind: String
        var description: String
        var drivers: String
        var annual: String
        var opportunities: [String]
    }
    struct Signature: Encodable {
        var name: String
        var side: String
        var at: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var tabs: [TogetherPages.Tab]
        var title: String
        var summary: String
        var proposer: String
        var status: ProposalPages.Badge
        var oneOff: String
        var recurring: String
        var annualBenefit: String
        var payback: String
        var benefits: [Benefit]
        var signatures: [Signature]
        var salesSigned: Bool
        var productionSigned: Bool
        var canSign: Bool
        var hasSigned: Bool
        var signAction: String
        var canDecide: Bool
        var decideEnabled: Bool
        var decideAction: String
        var decision: String?
        var decisionReason: String?
        var decisionBy: String?
        var reviewOn: String?
        var review: String?
        var reviewNote: String?
        var canReview: Bool
        var reviewAction: String
        var currency: String
        var reason: String
        var realised: String
        var errors: FormErrors
        var backHref: String
        /// The decide buttons' values (`DecideForm.decision`).
        var approveValue = "approve"
        var declineValue = "decline"
        /// The record's thread (issue #15).
        var thread: ThreadPanel? = nil
    }
    struct DecideForm: Content {
        var decision: String?
        var reason: String?
    }
    struct ReviewForm: Content {
        var realised: String?
        var note: String?
    }

    static func context(
        _ req: Request, _ p: InvestmentProposal, reason: String = "", realised: String = "", errors: FormErrors
    ) async throws -> Context {
        let user = try req.requireUser()
        let l = req.localizer
        let names = try await TogetherPages.names(req)
        var opportunityNames: [Opportunity.ID: String] = [:]
        if Policy.permits(user, .viewOpportunities) {
            for id in p.benefits.flatMap(\.opportunityIDs) {
                if let o = try await req.stores.pipeline.opportunities.find(id: id) {
                    opportunityNames[id] = "\(o.name) · \(l.format(o.expectedValue))"
                }
            }
        }
        let benefits = p.benefits.map { b in
            Benefit(
                kind: l.t("proposals.benefit.\(b.kind.rawValue)"), description: b.description,
                drivers: drivers(b, l), annual: b.annualValue.map { l.format($0) } ?? "—",
                opportunities: b.opportunityIDs.compactMap { opportunityNames[$0] })
        }
        let id = PathParameter(p.id)
        let decided = p.decision
        return Context(
            shell: try await req.shell(title: p.title, area: .collaboration),
            tabs: try TogetherPages.tabs(req, current: "proposals"), title: p.title, summary: p.summary,
            proposer: names[p.proposerID] ?? "", status: ProposalPages.status(p.status, l),
            oneOff: l.format(p.oneOffCost), recurring: l.format(p.recurringCost),
            annualBenefit: l.format(p.annualBenefit),
            payback: ProposalPages.payback(p, l), benefits: benefits,
            signatures: p.signatures.map {
                Signature(
                    name: names[$0.userID] ?? "", side: l.t("proposals.side.\($0.side.rawValue)"),
                    at: l.formatDateTime($0.signedAt))
            },
            salesSigned: p.coveredSides.contains(.sales), productionSigned: p.coveredSides.contains(.production),
            canSign: p.status == .open && Policy.permits(user, .signProposal), hasSigned: p.hasSigned(user.id),
            signAction: SiteRoute.together(.proposalSign(id)).path,
            canDecide: p.status == .open && Policy.permits(user, .decideProposal), decideEnabled: p.hasCoSignatures,
            decideAction: SiteRoute.together(.proposalDecide(id)).path,
            decision: decided.map { l.t($0.approved ? "proposals.decision.approved" : "proposals.decision.declined") },
            decisionReason: decided?.reason, decisionBy: decided.map { names[$0.by] ?? "" },
            reviewOn: p.benefitReviewOn.map { TogetherPages.format($0, l) },
            review: p.benefitReview.map { l.format($0.realisedAnnualBenefit) }, reviewNote: p.benefitReview?.note,
            canReview: p.status == .approved && p.benefitReview == nil && Policy.permits(user, .reviewProposalBenefit),
            reviewAction: SiteRoute.together(.proposalReview(id)).path, currency: p.currency.code, reason: reason,
            realised: realised, errors: errors, backHref: SiteRoute.together(.proposals).path)
    }

    static func drivers(_ b: ProposalBenefit, _ l: Localizer) -> String {
        switch b.kind {
        case .timeSaved:
            guard let h = b.hoursPerProject, let p = b.projectsPerYear, let c = b.hourlyCost else { return "" }
            return l.t(
                "proposals.drivers.time",
                ["hours": .text(l.format(h)), "projects": .text(l.format(p)), "cost": .text(l.format(c))])
        case .deals:
            guard let d = b.dealsPerYear, let m = b.marginPerDeal else { return "" }
            return l.t("proposals.drivers.deals", ["deals": .text(l.format(d)), "margin": .text(l.format(m))])
        case .other:
            return ""
        }
    }

    static func render(
        _ req: Request, reason: String = "", realised: String = "", errors: FormErrors = FormErrors(),
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let proposal = try await Proposals(req.appEnvironment).find(
            try TogetherPages.id(req), by: try req.requireUser())
        var context = try await context(req, proposal, reason: reason, realised: realised, errors: errors)
        context.thread = await ThreadPanel.forPage(RecordSubject(kind: .proposal, id: proposal.id.rawValue), req: req)
        return try await req.renderPage("together/proposal", context, status: status)
    }

    @Sendable static func show(req: Request) async throws -> Response { try await render(req) }

    static func path(_ req: Request) throws -> String {
        let id: InvestmentProposal.ID = try TogetherPages.id(req)
        return SiteRoute.together(.proposal(PathParameter(id))).path
    }

    @Sendable static func sign(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id: InvestmentProposal.ID = try TogetherPages.id(req)
        return try await TogetherPages.perform(
            req, done: "proposals.signed",
            failed: { errors in try await render(req, errors: errors, status: .conflict) }
        ) {
            _ = try await Proposals(req.appEnvironment).sign(id, by: user)
            return try path(req)
        }
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id: InvestmentProposal.ID = try TogetherPages.id(req)
        let form = try req.content.decode(DecideForm.self)
        return try await TogetherPages.perform(
            req, done: form.decision == "decline" ? "proposals.declined" : "proposals.approved",
            failed: { errors in
                try await render(req, reason: form.reason ?? "", errors: errors, status: .unprocessableEntity)
            }
        ) {
            _ = try await Proposals(req.appEnvironment).decide(
                id, approve: form.decision != "decline", reason: form.reason ?? "", by: user)
            return try path(req)
        }
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id: InvestmentProposal.ID = try TogetherPages.id(req)
        let form = try req.content.decode(ReviewForm.self)
        let proposal = try await Proposals(req.appEnvironment).find(id, by: user)
        guard let realised = try? req.localizer.parseMoney(form.realised ?? "", currency: proposal.currency) else {
            var errors = FormErrors()
            errors.add("realised", req.localizer.t("together.error.amount"))
            return try await render(req, realised: form.realised ?? "", errors: errors, status: .unprocessableEntity)
        }
        return try await TogetherPages.perform(
            req, done: "proposals.reviewed",
            failed: { errors in
                try await render(req, realised: form.realised ?? "", errors: errors, status: .unprocessableEntity)
            }
        ) {
            _ = try await Proposals(req.appEnvironment).reviewBenefit(
                id, realised: realised, note: form.note ?? "", by: user)
            return try path(req)
        }
    }
}
