import Foundation
import TandemDomain

/// What admins maintain for the pipeline: stages, lost reasons, exchange rates and the Solution
/// design threshold. Permissions are checked by the caller (`Policy`).
public struct PipelineAdministration: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct StageInput: Sendable {
        public var name: String
        public var order: Int
        public var probability: Int
        public var outcome: String
        public var milestone: String?
        public init(name: String, order: Int, probability: Int, outcome: String, milestone: String? = nil) {
            self.name = name
            self.order = order
            self.probability = probability
            self.outcome = outcome
            self.milestone = milestone
        }
    }

    public func createStage(_ input: StageInput) async throws -> Stage {
        let id: Stage.ID = env.ids()
        return try await env.stores.transaction { stores in
            let stage = try await Self.validated(input, id: id, in: stores)
            try await stores.pipeline.stages.create(stage)
            return stage
        }
    }

    public func updateStage(_ id: Stage.ID, _ change: (inout StageInput) -> Void) async throws -> Stage {
        let current = try await env.stores.pipeline.stages.find(id: id)
        guard let current else { throw Self.stageNotFound }
        var input = StageInput(
            name: current.name, order: current.order, probability: current.probability,
            outcome: current.outcome.rawValue, milestone: current.milestone?.rawValue)
        change(&input)
        return try await env.stores.transaction { [input] stores in
            let stage = try await Self.validated(input, id: id, in: stores)
            try await stores.pipeline.stages.update(stage)
            return stage
        }
    }

    static let stageNotFound = DomainError.notFound(entityKey: "entity.stage", fallback: "The stage was not found.")

    /// Every wrong field at once; a milestone belongs to one stage, and one open stage must remain.
    static func validated(_ input: StageInput, id: Stage.ID, in stores: Stores) async throws -> Stage {
        var errors: [DomainError] = []
        var name = input.name
        do { name = try Stage.validate(name: input.name, order: input.order, probability: input.probability) } catch {
            errors += error.domainErrors
        }
        let outcome = StageOutcome(rawValue: input.outcome)
        if outcome == nil {
            errors.append(.invalid("outcome", "error.stage.outcome", fallback: "The outcome is open, won or lost."))
        }
        var milestone: StageMilestone?
        if let raw = input.milestone, !raw.isEmpty {
            milestone = StageMilestone(rawValue: raw)
            if milestone == nil {
                errors.append(
                    .invalid("milestone", "error.field.unknown", fallback: "Choose one of the listed values."))
            }
        }
        let others = try await stores.pipeline.stages.list().filter { $0.id != id }
        if let milestone, others.contains(where: { $0.milestone == milestone }) {
            errors.append(
                .invalid(
                    "milestone", "error.stage.milestone_taken",
                    fallback: "Another stage already carries this milestone."
                ))
        }
        if milestone != nil, outcome != .open {
            errors.append(
                .invalid("milestone", "error.stage.milestone_open", fallback: "Only an open stage carries a milestone.")
            )
        }
        if outcome != .open, !others.contains(where: { $0.outcome == .open }) {
            errors.append(
                .invalid("outcome", "error.stage.last_open", fallback: "At least one open stage must remain."))
        }
        try ValidationErrors.check(errors)
        return Stage(
            id: id, name: name, order: input.order, probability: input.probability, outcome: outcome!,
            milestone: milestone)
    }

    public func createLostReason(name: String) async throws -> LostReason {
        let reason = LostReason(id: env.ids(), name: try LostReason.validate(name: name))
        try await env.stores.pipeline.lostReasons.create(reason)
        return reason
    }

    public func updateLostReason(_ id: LostReason.ID, name: String?, isActive: Bool?) async throws -> LostReason {
        guard var reason = try await env.stores.pipeline.lostReasons.find(id: id) else {
            throw DomainError.notFound(entityKey: "entity.lost_reason", fallback: "The lost reason was not found.")
        }
        if let name { reason.name = try LostReason.validate(name: name) }
        if let isActive { reason.isActive = isActive }
        try await env.stores.pipeline.lostReasons.update(reason)
        return reason
    }

    public func createExchangeRate(currency: String, date: String, rate: String) async throws -> ExchangeRate {
        let base = try await env.stores.organisation.load().baseCurrency
        let (code, day, value) = try ExchangeRate.validate(currency: currency, date: date, rate: rate, base: base)
        let created = ExchangeRate(id: env.ids(), currency: code, date: day, rate: value)
        try await env.stores.pipeline.exchangeRates.create(created)
        return created
    }

    public func updateExchangeRate(_ id: ExchangeRate.ID, currency: String?, date: String?, rate: String?)
        async throws -> ExchangeRate
    {
        guard let current = try await env.stores.pipeline.exchangeRates.find(id: id) else {
            throw DomainError.notFound(entityKey: "entity.exchange_rate", fallback: "The exchange rate was not found.")
        }
        let base = try await env.stores.organisation.load().baseCurrency
        let (code, day, value) = try ExchangeRate.validate(
            currency: currency ?? current.currency.code, date: date ?? current.date.description,
            rate: rate ?? current.rate.canonicalString, base: base)
        let updated = ExchangeRate(id: id, currency: code, date: day, rate: value)
        try await env.stores.pipeline.exchangeRates.update(updated)
        return updated
    }

    /// The Solution design threshold in the base currency; empty text removes it.
    public func setThreshold(_ text: String) async throws -> PipelineSettings {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var settings = PipelineSettings(solutionDesignThreshold: nil)
        if !trimmed.isEmpty {
            guard let value = Decimal(canonical: trimmed), value >= 0 else {
                throw ValidationErrors([
                    .invalid(
                        "solutionDesignThreshold", "error.amount.invalid", ["value": text],
                        fallback: "“\(text)” is not an amount; write it like 1234.50.")
                ])
            }
            settings.solutionDesignThreshold = value
        }
        try await env.stores.pipeline.settings.save(settings)
        return settings
    }
}
