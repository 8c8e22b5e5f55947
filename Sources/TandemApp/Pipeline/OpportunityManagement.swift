import Foundation
import TandemDomain

/// What sales reps and PMs do with opportunities: create them (also straight from a quote), change
/// them, move them between stages under the Solution design rules, write solution notes.
/// Permissions are checked by the caller (`Policy`); the rules of the pipeline live here.
public struct OpportunityManagement: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    /// What a rep enters for a new opportunity, as typed (pages) or sent (API).
    public struct Input: Sendable {
        public var accountID: String
        public var name: String
        public var sourceLanguage: String
        public var targetLanguages: [String]
        public var services: [String]
        public var estimatedWords: String?
        public var amount: String
        public var currency: String
        public var closeDate: String
        public var ownerID: String?
        public var partnerPmID: String?
        public var capabilityBuilding: Bool
        public var capabilityReason: String
        public var nextStep: String
        public var nextStepDue: String?

        public init(
            accountID: String, name: String, sourceLanguage: String, targetLanguages: [String], services: [String],
            estimatedWords: String? = nil, amount: String, currency: String, closeDate: String, ownerID: String? = nil,
            partnerPmID: String? = nil, capabilityBuilding: Bool = false, capabilityReason: String = "",
            nextStep: String = "", nextStepDue: String? = nil
        ) {
            self.accountID = accountID
            self.name = name
            self.sourceLanguage = sourceLanguage
            self.targetLanguages = targetLanguages
            self.services = services
            self.estimatedWords = estimatedWords
            self.amount = amount
            self.currency = currency
            self.closeDate = closeDate
            self.ownerID = ownerID
            self.partnerPmID = partnerPmID
            self.capabilityBuilding = capabilityBuilding
            self.capabilityReason = capabilityReason
            self.nextStep = nextStep
            self.nextStepDue = nextStepDue
        }
    }

    /// A new opportunity in the first open stage, with that stage's probability; the PM partner
    /// defaults to the account's, the owner to the user creating it.
    public func create(_ input: Input, by user: User) async throws -> Opportunity {
        try await create(input, by: user) { stages in stages.firstOpen }
    }

    /// The opportunity of a quote made straight from an account: at Proposal, without the steps
    /// before it, so that small repeat requests need no opportunity typed by hand.
    public func createForQuote(_ input: Input, by user: User) async throws -> Opportunity {
        try await create(input, by: user) { stages in stages.milestone(.proposal) ?? stages.firstOpen }
    }

    private func create(_ input: Input, by user: User, stage choose: @escaping @Sendable (StageList) -> Stage?)
        async throws -> Opportunity
    {
        var read = FieldReader()
        let accountID: Account.ID? = read.id(input.accountID, "accountId")
        let fields = Self.readFields(input, &read)
        let ownerID: User.ID? = input.ownerID.flatMap { $0.isEmpty ? nil : read.id($0, "ownerId") }
        let partnerID: User.ID? = input.partnerPmID.flatMap { $0.isEmpty ? nil : read.id($0, "partnerPmId") }
        let id: Opportunity.ID = env.ids()
        let now = env.now
        return try await env.stores.transaction { [read] stores in
            var read = read
            let account = try await accountID.asyncFlatMap { try await stores.accountFacts($0) }
            if accountID != nil && account == nil { read.unknown("accountId") }
            let owner = ownerID ?? user.id
            try await Self.checkPeople(owner: owner, partner: partnerID, in: stores, &read)
            try read.check()
            guard let stage = choose(StageList(try await stores.pipeline.stages.list())) else {
                throw DomainError.invalid(
                    nil, "error.pipeline.no_open_stage", fallback: "The pipeline has no open stage; ask an admin.")
            }
            let opportunity = Opportunity(
                id: id, accountID: account!.id, name: fields.name!, sourceLanguage: fields.source!,
                targetLanguages: fields.targets!, services: fields.services!, estimatedWords: fields.words,
                expectedValue: fields.value!, closeDate: fields.closeDate!, ownerID: owner,
                partnerPmID: partnerID ?? account!.partnerPmID, stageID: stage.id, nextStep: fields.nextStep ?? "",
                nextStepDue: fields.nextStepDue, capabilityBuilding: input.capabilityBuilding,
                capabilityReason: fields.capabilityReason ?? "", createdAt: now, updatedAt: now)
            try await stores.pipeline.opportunities.create(opportunity)
            return opportunity
        }
    }

    struct Fields {
        var name: String?
        var source: LanguageTag?
        var targets: [LanguageTag]?
        var services: [LanguageService]?
        var words: Int?
        var value: Money?
        var closeDate: LocalDate?
        var nextStep: String?
        var nextStepDue: LocalDate?
        var capabilityReason: String?
    }

    static func readFields(_ input: Input, _ read: inout FieldReader) -> Fields {
        var f = Fields()
        f.name = read.text(input.name, "name", max: 200, required: true)
        f.source = read.tag(input.sourceLanguage, "sourceLanguage")
        f.targets = read.tags(input.targetLanguages, "targetLanguages")
        if let source = f.source, f.targets?.contains(source) == true {
            read.errors.append(
                .invalid(
                    "targetLanguages", "error.opportunity.target_is_source",
                    fallback: "A target language is the same as the source language."))
        }
        f.services = read.services(input.services, "services")
        if let words = input.estimatedWords, !words.isEmpty {
            f.words = read.wholeNumber(words, "estimatedWords", range: 0...1_000_000_000)
        }
        f.value = read.money(amount: input.amount, currency: input.currency, "expectedValue")
        f.closeDate = read.date(input.closeDate, "closeDate")
        f.nextStep = read.text(input.nextStep, "nextStep", max: 500, required: false)
        if let due = input.nextStepDue, !due.isEmpty { f.nextStepDue = read.date(due, "nextStepDue") }
        f.capabilityReason = read.text(
            input.capabilityReason, "capabilityReason", max: 1000, required: input.capabilityBuilding)
        return f
    }

    /// The owner must be an active user; the PM partner an active PM.
    static func checkPeople(owner: User.ID?, partner: User.ID?, in stores: Stores, _ read: inout FieldReader)
        async throws
    {
        if let owner, try await stores.users.find(id: owner)?.isActive != true { read.unknown("ownerId") }
        if let partner {
            let pm = try await stores.users.find(id: partner)
            if pm?.isActive != true || pm?.has(.pm) != true {
                read.errors.append(
                    .invalid(
                        "partnerPmId", "error.opportunity.partner_not_pm",
                        fallback: "The PM partner must be an active project manager."))
            }
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
