import Foundation
import TandemDomain

extension OpportunityManagement {
    /// The fields a change sends; nil leaves a field as it is, `.some(nil)` clears a clearable one.
    public struct Patch: Sendable {
        public var name: String?
        public var sourceLanguage: String?
        public var targetLanguages: [String]?
        public var services: [String]?
        public var estimatedWords: String??
        public var expectedValue: (amount: String, currency: String)?
        public var closeDate: String?
        public var ownerID: String?
        public var partnerPmID: String??
        public var probability: Int??
        public var nextStep: String?
        public var nextStepDue: String??
        public var capabilityBuilding: Bool?
        public var capabilityReason: String?
        /// The version the change was made from; a newer stored version refuses it (409).
        public var version: Int?
        public init() {}
    }

    static let staleVersion = DomainError.conflict(
        field: "version", key: "error.opportunity.stale", arguments: [:],
        fallback: "Someone changed this opportunity in the meantime; reload it and apply your change again.")

    static let keepPartnerInDesign = DomainError.invalid(
        "partnerPmId", "error.opportunity.partner_pm_kept",
        fallback: "A deal in Solution design keeps its PM partner.")

    public func update(_ id: Opportunity.ID, _ patch: Patch) async throws -> Opportunity {
        var read = FieldReader()
        var changes = OpportunityChanges()
        if let name = patch.name { changes.name = read.text(name, "name", max: 200, required: true) }
        if let source = patch.sourceLanguage { changes.sourceLanguage = read.tag(source, "sourceLanguage") }
        if let targets = patch.targetLanguages { changes.targetLanguages = read.tags(targets, "targetLanguages") }
        if let services = patch.services { changes.services = read.services(services, "services") }
        if let words = patch.estimatedWords {
            changes.estimatedWords = .some(
                words.flatMap { $0.isEmpty ? nil : read.wholeNumber($0, "estimatedWords", range: 0...1_000_000_000) })
        }
        if let value = patch.expectedValue {
            changes.expectedValue = read.money(amount: value.amount, currency: value.currency, "expectedValue")
        }
        if let close = patch.closeDate { changes.closeDate = read.date(close, "closeDate") }
        if let owner = patch.ownerID { changes.ownerID = read.id(owner, "ownerId") }
        if let partner = patch.partnerPmID {
            changes.partnerPmID = .some(partner.flatMap { $0.isEmpty ? nil : read.id($0, "partnerPmId") })
        }
        if let probability = patch.probability {
            if let value = probability, let problem = Probability.check(value, field: "probability") {
                read.errors.append(problem)
            } else {
                changes.probabilityOverride = .some(probability)
            }
        }
        if let step = patch.nextStep { changes.nextStep = read.text(step, "nextStep", max: 500, required: false) }
        if let due = patch.nextStepDue {
            changes.nextStepDue = .some(due.flatMap { $0.isEmpty ? nil : read.date($0, "nextStepDue") })
        }
        changes.capabilityBuilding = patch.capabilityBuilding
        if let reason = patch.capabilityReason {
            changes.capabilityReason = read.text(reason, "capabilityReason", max: 1000, required: false)
        }
        let now = env.now
        return try await env.stores.transaction { [changes, read] stores in
            var read = read
            guard let current = try await stores.pipeline.opportunities.find(id: id) else {
                throw DomainError.opportunityNotFound
            }
            let after = changes.applied(to: current)
            if after.capabilityBuilding, after.capabilityReason.isEmpty {
                read.errors.append(
                    .invalid("capabilityReason", "error.field.required", fallback: "This field is required."))
            }
            if after.targetLanguages.contains(after.sourceLanguage) {
                read.errors.append(
                    .invalid(
                        "targetLanguages", "error.opportunity.target_is_source",
                        fallback: "A target language is the same as the source language."))
            }
            try await Self.checkPeople(
                owner: changes.ownerID, partner: changes.partnerPmID ?? nil, in: stores, &read)
            if after.partnerPmID == nil,
                try await stores.pipeline.stages.find(id: after.stageID)?.milestone == .solutionDesign
            {
                read.errors.append(Self.keepPartnerInDesign)
            }
            try read.check()
            guard !changes.isEmpty else { return current }
            guard
                let stored = try await stores.pipeline.opportunities.update(
                    id, changes, expectedVersion: patch.version, at: now)
            else { throw Self.staleVersion }
            return stored
        }
    }

    /// Moves a deal to another stage under the rules of docs/pipeline.md; the stage's default
    /// probability applies again (an override is cleared), a lost reason is kept only on lost deals.
    /// `actor` is who moved it, for the deal's timeline.
    public func move(
        _ id: Opportunity.ID, to stageID: Stage.ID, lostReasonID: LostReason.ID? = nil, lostNote: String? = nil,
        expectedVersion: Int? = nil, by actor: User.ID? = nil
    ) async throws -> Opportunity {
        let now = env.now
        return try await env.stores.transaction { stores in
            guard let current = try await stores.pipeline.opportunities.find(id: id) else {
                throw DomainError.opportunityNotFound
            }
            let stages = StageList(try await stores.pipeline.stages.list())
            guard let target = stages.stage(stageID) else {
                throw ValidationErrors([
                    .invalid(
                        "stage", "error.opportunity.stage_unknown", fallback: "Choose one of the pipeline's stages.")
                ])
            }
            if let expectedVersion, expectedVersion != current.version { throw Self.staleVersion }
            let reason = try await lostReasonID.asyncFlatMap { try await stores.pipeline.lostReasons.find(id: $0) }
            let reasons = try await Self.solutionDesignReasons(for: current, in: stores)
            try PipelineRules.checkMove(
                current, to: target, stages: stages, needsSolutionDesign: !reasons.isEmpty,
                lostReasonID: lostReasonID, lostReason: reason)
            var changes = OpportunityChanges()
            changes.stageID = target.id
            changes.probabilityOverride = .some(nil)
            let lost = target.outcome == .lost
            changes.lostReasonID = .some(lost ? lostReasonID : nil)
            changes.lostNote = lost ? (lostNote ?? "").trimmingCharacters(in: .whitespacesAndNewlines) : ""
            guard
                let stored = try await stores.pipeline.opportunities.update(
                    id, changes, expectedVersion: current.version, at: now)
            else { throw Self.staleVersion }
            try await ActivityLog.record(
                .stageChanged, on: .opportunity(id.rawValue), by: actor,
                payload: ["from": stages.stage(current.stageID)?.name ?? "", "to": target.name], in: stores, env: env)
            return stored
        }
    }

    /// The PM partner's solution notes (who may write them is `Policy`'s to say).
    public func setSolutionNotes(_ id: Opportunity.ID, _ notes: String, by user: User, expectedVersion: Int? = nil)
        async throws -> Opportunity
    {
        var read = FieldReader()
        let text = read.text(notes, "solutionNotes", max: 20_000, required: false)
        try read.check()
        var changes = OpportunityChanges()
        changes.solutionNotes = text
        changes.solutionNotesBy = .some(user.id)
        changes.solutionNotesAt = .some(env.now)
        let now = env.now
        return try await env.stores.transaction { [changes] stores in
            guard try await stores.pipeline.opportunities.find(id: id) != nil else {
                throw DomainError.opportunityNotFound
            }
            guard
                let stored = try await stores.pipeline.opportunities.update(
                    id, changes, expectedVersion: expectedVersion, at: now)
            else { throw Self.staleVersion }
            return stored
        }
    }

    /// Why the deal needs Solution design (empty: it does not).
    public func solutionDesignReasons(for opportunity: Opportunity) async throws -> [SolutionDesignReason] {
        try await Self.solutionDesignReasons(for: opportunity, in: env.stores)
    }

    static func solutionDesignReasons(for opportunity: Opportunity, in stores: Stores) async throws
        -> [SolutionDesignReason]
    {
        let settings = try await stores.pipeline.settings.load()
        let base = try await stores.organisation.load().baseCurrency
        let rates = ExchangeRateTable(base: base, rates: try await stores.pipeline.exchangeRates.list())
        let stages = StageList(try await stores.pipeline.stages.list())
        let won = try await stores.pipeline.opportunities.list(OpportunityFilter(stageIDs: stages.wonStageIDs))
            .filter { $0.id != opportunity.id }
        var history = DeliveryHistory(languagePairs: Set(won.flatMap(\.languagePairs)))
        for accountID in Set(won.map(\.accountID)) {
            history.domains.formUnion(try await stores.accountFacts(accountID)?.domains ?? [])
        }
        let domains = try await stores.accountFacts(opportunity.accountID)?.domains ?? []
        return PipelineRules.solutionDesignReasons(
            for: opportunity, domains: domains,
            valueInBase: rates.convert(opportunity.expectedValue, on: opportunity.closeDate)?.value,
            settings: settings, history: history)
    }
}
