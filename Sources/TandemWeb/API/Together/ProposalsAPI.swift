import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/proposals`: investment proposals, their co-signatures, a manager's decision (409
/// `needs_cosignatures` until a sales and a production signature exist) and the benefit review.
enum ProposalsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.together(.proposals), use: list)
        api.on(.POST, APIRoute.together(.proposals), use: create)
        api.on(.GET, APIRoute.together(.proposal(":id")), use: show)
        api.on(.POST, APIRoute.together(.proposalSign(":id")), use: sign)
        api.on(.POST, APIRoute.together(.proposalDecide(":id")), use: decide)
        api.on(.POST, APIRoute.together(.proposalBenefitReview(":id")), use: reviewBenefit)
    }

    struct Key: Codable, Comparable {
        var createdAt: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.createdAt, a.id) < (b.createdAt, b.id) }
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<ProposalBody> {
        let user = try req.requireUser()
        let paging = try ListRequest<Key>(req)
        let page = paging.page(
            try await Proposals(req.appEnvironment).list(by: user),
            by: { Key(createdAt: Instant($0.createdAt).iso8601, id: $0.id.description) }, descending: true)
        return ListEnvelope(items: page.elements.map(ProposalBody.init), nextCursor: page.nextCursor)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.proposeInvestment)
        let body = try req.decodeJSON(ProposalInput.self)
        var problems: [FieldError] = []
        var currency = try await req.organisation().baseCurrency
        if let code = body.currency {
            do { currency = try CurrencyCode(code) } catch {
                problems.append(
                    FieldError(
                        field: "currency", code: "invalid", key: "error.currency.invalid", arguments: ["value": code]))
            }
        }
        func amount(_ input: AmountInput, _ field: String) -> Money? {
            do { return try input.money(default: currency) } catch {
                problems.append(FieldError(field: field, code: "invalid", key: "error.amount.invalid"))
                return nil
            }
        }
        let oneOff = amount(body.oneOffCost, "oneOffCost")
        let recurring = amount(body.recurringCost, "recurringCost")
        let benefits = body.benefits.enumerated().compactMap {
            $1.benefit(at: $0, currency: oneOff?.currency ?? currency, problems: &problems)
        }
        var reviewOn: LocalDate?
        if let text = body.benefitReviewOn {
            do { reviewOn = try LocalDate(iso: text) } catch {
                problems.append(
                    FieldError(
                        field: "benefitReviewOn", code: "invalid", key: "error.date.invalid",
                        arguments: ["input": text, "example": "2027-06-30"]))
            }
        }
        guard problems.isEmpty, let oneOff, let recurring else { throw APIError.invalidFields(problems) }
        let proposal = try await Proposals(req.appEnvironment).propose(
            .init(
                title: body.title, summary: body.summary ?? "", oneOffCost: oneOff, recurringCost: recurring,
                benefits: benefits, benefitReviewOn: reviewOn),
            by: try req.requireUser())
        return try await ProposalBody(proposal).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> ProposalBody {
        ProposalBody(try await Proposals(req.appEnvironment).find(try req.apiID(), by: try req.requireUser()))
    }

    @Sendable static func sign(req: Request) async throws -> ProposalBody {
        let id: InvestmentProposal.ID = try req.apiID()
        try req.authorize(.signProposal)
        return ProposalBody(try await Proposals(req.appEnvironment).sign(id, by: try req.requireUser()))
    }

    struct DecideBody: Decodable {
        var decision: String
        var reason: String?
    }

    @Sendable static func decide(req: Request) async throws -> ProposalBody {
        let id: InvestmentProposal.ID = try req.apiID()
        try req.authorize(.decideProposal)
        let body = try req.decodeJSON(DecideBody.self)
        guard ["approve", "decline"].contains(body.decision) else {
            throw APIError.invalidFields([
                FieldError(field: "decision", code: "unknown", key: "proposals.error.decision_unknown")
            ])
        }
        do {
            return ProposalBody(
                try await Proposals(req.appEnvironment).decide(
                    id, approve: body.decision == "approve", reason: body.reason ?? "", by: try req.requireUser()))
        } catch let error as DomainError where error.key == "proposals.error.needs_cosignatures" {
            throw CodedAPIError(status: .conflict, code: "needs_cosignatures", error: error)
        }
    }

    struct ReviewBody: Decodable {
        var realisedAnnualBenefit: AmountInput
        var note: String?
    }

    @Sendable static func reviewBenefit(req: Request) async throws -> ProposalBody {
        let id: InvestmentProposal.ID = try req.apiID()
        try req.authorize(.reviewProposalBenefit)
        let body = try req.decodeJSON(ReviewBody.self)
        let currency = try await req.organisation().baseCurrency
        let realised: Money
        do { realised = try body.realisedAnnualBenefit.money(default: currency) } catch {
            throw APIError.invalidFields([
                FieldError(field: "realisedAnnualBenefit", code: "invalid", key: "error.amount.invalid")
            ])
        }
        return ProposalBody(
            try await Proposals(req.appEnvironment).reviewBenefit(
                id, realised: realised, note: body.note ?? "", by: try req.requireUser()))
    }
}
