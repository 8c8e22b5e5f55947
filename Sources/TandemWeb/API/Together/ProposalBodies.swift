import Foundation
import TandemDomain
import TandemPlanning
import Vapor

/// A decimal sent as a string ("1.5") or a whole JSON number (150); never a fraction in a float.
struct DriverNumber: Codable, Sendable, Equatable {
    var value: Decimal
    init(_ value: Decimal) { self.value = value }
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let whole = try? container.decode(Int.self) {
            value = Decimal(whole)
        } else if let text = try? container.decode(String.self), let parsed = Decimal(canonical: text) {
            value = parsed
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal such as 1.5")
        }
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value.canonicalString)
    }
}

/// An amount sent as a Money object (`{"amount": "12.50", "currency": "EUR"}`), or as a decimal
/// string in the proposal's `currency` (the organisation's base currency when none is sent), as
/// rate cards send prices.
enum AmountInput: Decodable, Sendable {
    case money(MoneyBody)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard Decimal(canonical: text) != nil else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an amount")
            }
            self = .text(text)
        } else {
            self = .money(try container.decode(MoneyBody.self))
        }
    }

    func money(default currency: CurrencyCode) throws -> Money {
        switch self {
        case .money(let body): return try body.money()
        case .text(let text): return try Money(parsing: text, currency: currency)
        }
    }
}

/// A benefit as sent: an object with its drivers, or just a sentence (an `other` benefit).
struct BenefitInput: Decodable, Sendable {
    var kind: String?
    var description: String
    var hoursPerProject: DriverNumber?
    var projectsPerYear: DriverNumber?
    var hourlyCost: AmountInput?
    var dealsPerYear: DriverNumber?
    var marginPerDeal: AmountInput?
    var opportunityIds: [String]?
    var value: AmountInput?

    enum CodingKeys: String, CodingKey {
        case kind, description, hoursPerProject, projectsPerYear, hourlyCost, dealsPerYear, marginPerDeal
        case opportunityIds, value
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            description = text
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        hoursPerProject = try c.decodeIfPresent(DriverNumber.self, forKey: .hoursPerProject)
        projectsPerYear = try c.decodeIfPresent(DriverNumber.self, forKey: .projectsPerYear)
        hourlyCost = try c.decodeIfPresent(AmountInput.self, forKey: .hourlyCost)
        dealsPerYear = try c.decodeIfPresent(DriverNumber.self, forKey: .dealsPerYear)
        marginPerDeal = try c.decodeIfPresent(AmountInput.self, forKey: .marginPerDeal)
        opportunityIds = try c.decodeIfPresent([String].self, forKey: .opportunityIds)
        value = try c.decodeIfPresent(AmountInput.self, forKey: .value)
    }

    /// The domain benefit; the kind is inferred from the drivers sent when not named.
    func benefit(at index: Int, currency: CurrencyCode, problems: inout [FieldError]) -> ProposalBenefit? {
        let path = "benefits[\(index)]"
        let inferred: ProposalBenefit.Kind =
            hoursPerProject != nil || hourlyCost != nil || projectsPerYear != nil
            ? .timeSaved : (dealsPerYear != nil || marginPerDeal != nil ? .deals : .other)
        guard let kind = kind.map({ ProposalBenefit.Kind(rawValue: $0) }) ?? inferred else {
            problems.append(FieldError(field: "\(path).kind", code: "unknown", key: "proposals.error.benefit_kind"))
            return nil
        }
        var ids: [Opportunity.ID] = []
        for (n, raw) in (opportunityIds ?? []).enumerated() {
            guard let id = Opportunity.ID(uuidString: raw) else {
                problems.append(
                    FieldError(field: "\(path).opportunityIds[\(n)]", code: "invalid", key: "error.api.bad_id"))
                continue
            }
            ids.append(id)
        }
        func money(_ input: AmountInput?, _ field: String) -> Money? {
            guard let input else { return nil }
            do { return try input.money(default: currency) } catch {
                problems.append(FieldError(field: "\(path).\(field)", code: "invalid", key: "error.amount.invalid"))
                return nil
            }
        }
        return ProposalBenefit(
            kind: kind, description: description, hoursPerProject: hoursPerProject?.value,
            projectsPerYear: projectsPerYear?.value, hourlyCost: money(hourlyCost, "hourlyCost"),
            dealsPerYear: dealsPerYear?.value, marginPerDeal: money(marginPerDeal, "marginPerDeal"),
            opportunityIDs: ids, value: money(value, "value"))
    }
}

struct ProposalInput: Decodable, Sendable {
    var title: String
    var summary: String?
    var currency: String?
    var oneOffCost: AmountInput
    var recurringCost: AmountInput
    var benefits: [BenefitInput]
    var benefitReviewOn: String?
}

struct BenefitBody: Content {
    var kind: String
    var description: String
    @NullWhenAbsent var hoursPerProject: String?
    @NullWhenAbsent var projectsPerYear: String?
    @NullWhenAbsent var hourlyCost: MoneyBody?
    @NullWhenAbsent var dealsPerYear: String?
    @NullWhenAbsent var marginPerDeal: MoneyBody?
    var opportunityIds: [String]
    @NullWhenAbsent var annualValue: MoneyBody?

    init(_ b: ProposalBenefit) {
        kind = b.kind.rawValue
        description = b.description
        hoursPerProject = b.hoursPerProject?.canonicalString
        projectsPerYear = b.projectsPerYear?.canonicalString
        hourlyCost = b.hourlyCost.map(MoneyBody.init)
        dealsPerYear = b.dealsPerYear?.canonicalString
        marginPerDeal = b.marginPerDeal.map(MoneyBody.init)
        opportunityIds = b.opportunityIDs.map(\.description)
        annualValue = b.annualValue.map(MoneyBody.init)
    }
}

struct ProposalBody: Content {
    struct Signature: Content {
        var userId: String
        var side: String
        var signedAt: String
    }
    struct Decision: Content {
        var decision: String
        var reason: String
        var decidedBy: String
        var decidedAt: String
    }
    struct Review: Content {
        var realisedAnnualBenefit: MoneyBody
        var note: String
        var reviewedBy: String
        var reviewedAt: String
    }
    var id: String
    var title: String
    var summary: String
    var proposerId: String
    var status: String
    var oneOffCost: MoneyBody
    var recurringCost: MoneyBody
    var benefits: [BenefitBody]
    var annualBenefit: MoneyBody
    /// Months, a decimal string with one place; null when the benefits never pay the cost back.
    @NullWhenAbsent var paybackMonths: String?
    var signatures: [Signature]
    var hasCoSignatures: Bool
    var missingSides: [String]
    @NullWhenAbsent var decision: Decision?
    @NullWhenAbsent var benefitReviewOn: String?
    @NullWhenAbsent var benefitReview: Review?
    var createdAt: String

    init(_ p: InvestmentProposal) {
        id = p.id.description
        title = p.title
        summary = p.summary
        proposerId = p.proposerID.description
        status = p.status.rawValue
        oneOffCost = MoneyBody(p.oneOffCost)
        recurringCost = MoneyBody(p.recurringCost)
        benefits = p.benefits.map(BenefitBody.init)
        annualBenefit = MoneyBody(p.annualBenefit)
        paybackMonths = p.paybackMonths.map { MoneyBody.fixed($0, scale: 1) }
        signatures = p.signatures.map {
            Signature(userId: $0.userID.description, side: $0.side.rawValue, signedAt: Instant($0.signedAt).iso8601)
        }
        hasCoSignatures = p.hasCoSignatures
        missingSides = SignatureSide.allCases.filter { !p.coveredSides.contains($0) }.map(\.rawValue)
        decision = p.decision.map {
            Decision(
                decision: $0.approved ? "approve" : "decline", reason: $0.reason, decidedBy: $0.by.description,
                decidedAt: Instant($0.at).iso8601)
        }
        benefitReviewOn = p.benefitReviewOn?.description
        benefitReview = p.benefitReview.map {
            Review(
                realisedAnnualBenefit: MoneyBody($0.realisedAnnualBenefit), note: $0.note,
                reviewedBy: $0.by.description, reviewedAt: Instant($0.at).iso8601)
        }
        createdAt = Instant(p.createdAt).iso8601
    }
}
