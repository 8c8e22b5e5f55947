import Foundation

/// One expected benefit of an investment proposal and its drivers. Time saved is worth
/// hours per project × projects per year × an hourly cost; deals are worth deals per year × the
/// margin each brings, with the opportunities that need the investment linked for the record.
public struct ProposalBenefit: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case timeSaved = "time-saved"
        case deals
        /// A benefit described in words, with an annual value when one can be given.
        case other
    }

    public var kind: Kind
    public var description: String
    public var hoursPerProject: Decimal?
    public var projectsPerYear: Decimal?
    public var hourlyCost: Money?
    public var dealsPerYear: Decimal?
    public var marginPerDeal: Money?
    public var opportunityIDs: [Opportunity.ID]
    /// The annual value of an `other` benefit, when given.
    public var value: Money?

    public init(
        kind: Kind, description: String, hoursPerProject: Decimal? = nil, projectsPerYear: Decimal? = nil,
        hourlyCost: Money? = nil, dealsPerYear: Decimal? = nil, marginPerDeal: Money? = nil,
        opportunityIDs: [Opportunity.ID] = [], value: Money? = nil
    ) {
        self.value = value
        self.kind = kind
        self.description = description
        self.hoursPerProject = hoursPerProject
        self.projectsPerYear = projectsPerYear
        self.hourlyCost = hourlyCost
        self.dealsPerYear = dealsPerYear
        self.marginPerDeal = marginPerDeal
        self.opportunityIDs = opportunityIDs
    }

    public static func timeSaved(
        _ description: String, hoursPerProject: Decimal, projectsPerYear: Decimal, hourlyCost: Money
    ) -> ProposalBenefit {
        ProposalBenefit(
            kind: .timeSaved, description: description, hoursPerProject: hoursPerProject,
            projectsPerYear: projectsPerYear, hourlyCost: hourlyCost)
    }

    public static func deals(
        _ description: String, dealsPerYear: Decimal, marginPerDeal: Money, opportunities: [Opportunity.ID] = []
    ) -> ProposalBenefit {
        ProposalBenefit(
            kind: .deals, description: description, dealsPerYear: dealsPerYear, marginPerDeal: marginPerDeal,
            opportunityIDs: opportunities)
    }

    /// What the benefit is worth in a year (nil when a driver is missing; `problems` says which).
    public var annualValue: Money? {
        switch kind {
        case .timeSaved:
            guard let hours = hoursPerProject, let projects = projectsPerYear, let cost = hourlyCost else { return nil }
            return cost * (hours * projects)
        case .deals:
            guard let deals = dealsPerYear, let margin = marginPerDeal else { return nil }
            return margin * deals
        case .other:
            return value
        }
    }

    /// What is wrong with this benefit, the fields named under `benefits[index]`.
    public func problems(at index: Int, currency: CurrencyCode) -> [DomainError] {
        let path = "benefits[\(index)]"
        var errors: [DomainError] = []
        func required(_ field: String) {
            errors.append(
                .invalid("\(path).\(field)", "proposals.error.driver_required", fallback: "Give this driver a value."))
        }
        func positive(_ value: Decimal?, _ field: String) {
            guard let value else { return required(field) }
            if value < 0 {
                errors.append(
                    .invalid("\(path).\(field)", "proposals.error.negative", fallback: "Use zero or more."))
            }
        }
        func money(_ value: Money?, _ field: String) {
            guard let value else { return required(field) }
            if value.currency != currency {
                errors.append(
                    .invalid(
                        "\(path).\(field).currency", "proposals.error.currency", ["currency": currency.code],
                        fallback: "Use the proposal's currency, \(currency.code)."))
            } else if value.amount < 0 {
                errors.append(
                    .invalid("\(path).\(field).amount", "proposals.error.negative", fallback: "Use zero or more."))
            }
        }
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(
                .invalid(
                    "\(path).description", "proposals.error.benefit_description", fallback: "Say what the benefit is."))
        }
        switch kind {
        case .timeSaved:
            positive(hoursPerProject, "hoursPerProject")
            positive(projectsPerYear, "projectsPerYear")
            money(hourlyCost, "hourlyCost")
        case .deals:
            positive(dealsPerYear, "dealsPerYear")
            money(marginPerDeal, "marginPerDeal")
        case .other:
            if value != nil { money(value, "value") }
        }
        return errors
    }
}

/// How long an investment takes to pay for itself: the one-off cost over the net monthly
/// benefit (annual benefits less the recurring cost, by twelve). Decimal throughout.
public enum Payback {
    /// Months, rounded to one place; nil when the benefits do not exceed the recurring cost.
    public static func months(oneOff: Money, recurringPerYear: Money, annualBenefit: Money) throws -> Decimal? {
        let net = try annualBenefit - recurringPerYear
        guard net.amount > 0 else { return nil }
        let months = oneOff.amount * 12 / net.amount
        return months.rounded(scale: 1)
    }

    /// The sum of the benefits' annual values, in `currency`.
    public static func annualBenefit(_ benefits: [ProposalBenefit], currency: CurrencyCode) throws -> Money {
        try benefits.compactMap(\.annualValue).reduce(Money.zero(currency)) { try $0 + $1 }
    }
}
