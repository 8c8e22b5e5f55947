import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// Opportunities on a real database (SQLite in memory, or PostgreSQL in scripts/test).
@Suite("Opportunities: stages, Solution design, probabilities, versions, totals")
struct OpportunityManagementTests {
    let harness = UserAdministrationTests()

    struct World {
        var env: AppEnvironment
        var rep: User
        var pm: User
        var accountID: Account.ID
        var stages: StageList
        func stage(_ name: String) -> Stage { stages.stages.first { $0.name == name }! }
    }

    func withWorld(_ body: (World) async throws -> Void) async throws {
        try await harness.withEnvironment { env in
            let rep = try await harness.makeUser(env, "rep@lumen.example", [.sales])
            let pm = try await harness.makeUser(env, "pm@lumen.example", [.pm])
            let accountID = try await PipelineTestAccounts.make(env, name: "Acme Medical", owner: rep)
            let stages = StageList(try await env.stores.pipeline.stages.list())
            try await body(World(env: env, rep: rep, pm: pm, accountID: accountID, stages: stages))
        }
    }

    static func input(_ world: World, amount: String = "12000.00", currency: String = "EUR", capability: Bool = false)
        -> OpportunityManagement.Input
    {
        .init(
            accountID: world.accountID.description, name: "Website relaunch", sourceLanguage: "en",
            targetLanguages: ["fr", "de"], services: ["translation", "revision"], amount: amount, currency: currency,
            closeDate: "2027-02-15", capabilityBuilding: capability,
            capabilityReason: capability ? "First medical device IFU in Japanese" : "")
    }

    @Test func theDefaultStagesComeWithTheMigration() async throws {
        try await withWorld { world in
            #expect(
                world.stages.stages.map(\.name) == [
                    "Lead", "Qualified", "Solution design", "Proposal", "Negotiation", "Won", "Lost",
                ])
            #expect(world.stages.stages.map(\.probability) == [10, 25, 40, 60, 80, 100, 0])
            #expect(world.stages.milestone(.solutionDesign)?.name == "Solution design")
        }
    }

    @Test func aNewOpportunityStartsInTheFirstOpenStage() async throws {
        try await withWorld { world in
            let created = try await OpportunityManagement(world.env).create(Self.input(world), by: world.rep)
            #expect(created.stageID == world.stage("Lead").id)
            #expect(created.probability(in: world.stage("Lead")) == 10)
            #expect(created.ownerID == world.rep.id)
            #expect(created.expectedValue == Money(12000, .eur))
            let stored = try await world.env.stores.pipeline.opportunities.find(id: created.id)
            #expect(stored == created)
        }
    }

    @Test func aQuoteFromAnAccountCreatesItsOpportunityAtProposal() async throws {
        try await withWorld { world in
            var small = Self.input(world, amount: "95.00")
            small.name = "Repeat: 300-word leaflet"
            let created = try await OpportunityManagement(world.env).createForQuote(small, by: world.rep)
            #expect(created.stageID == world.stage("Proposal").id)
            #expect(created.probability(in: world.stage("Proposal")) == 60)
        }
    }

    @Test func everyWrongFieldIsNamedAtOnce() async throws {
        try await withWorld { world in
            let bad = OpportunityManagement.Input(
                accountID: "nope", name: " ", sourceLanguage: "e", targetLanguages: [], services: ["singing"],
                amount: "12,00", currency: "EURO", closeDate: "15/02/2027", capabilityBuilding: true)
            let error = await #expect(throws: ValidationErrors.self) {
                _ = try await OpportunityManagement(world.env).create(bad, by: world.rep)
            }
            #expect(
                error?.errors.compactMap(\.field) == [
                    "accountId", "name", "sourceLanguage", "targetLanguages", "services.0", "expectedValue.currency",
                    "expectedValue.amount", "closeDate", "capabilityReason",
                ])
        }
    }

    @Test func solutionDesignNeedsAPartnerThenNotesForDealsThatNeedIt() async throws {
        try await withWorld { world in
            let management = OpportunityManagement(world.env)
            let deal = try await management.create(Self.input(world, capability: true), by: world.rep)
            let design = world.stage("Solution design").id
            let refused = await #expect(throws: ValidationErrors.self) {
                _ = try await management.move(deal.id, to: design)
            }
            #expect(refused?.errors.map(\.field) == ["partnerPmId"])

            var patch = OpportunityManagement.Patch()
            patch.partnerPmID = .some(world.pm.id.description)
            _ = try await management.update(deal.id, patch)
            _ = try await management.move(deal.id, to: design)

            let skipped = await #expect(throws: ValidationErrors.self) {
                _ = try await management.move(deal.id, to: world.stage("Proposal").id)
            }
            #expect(skipped?.errors.map(\.field) == ["solutionNotes"])
            _ = try await management.setSolutionNotes(
                deal.id, "Two linguists; client TM; terminology sign-off", by: world.pm)
            let moved = try await management.move(deal.id, to: world.stage("Proposal").id)
            #expect(moved.stageID == world.stage("Proposal").id)
            #expect(moved.solutionNotesBy == world.pm.id)
        }
    }

    @Test func aPartnerIsAnActivePM() async throws {
        try await withWorld { world in
            var patch = OpportunityManagement.Patch()
            patch.partnerPmID = .some(world.rep.id.description)
            let deal = try await OpportunityManagement(world.env).create(Self.input(world), by: world.rep)
            let error = await #expect(throws: ValidationErrors.self) {
                _ = try await OpportunityManagement(world.env).update(deal.id, patch)
            }
            #expect(error?.errors.map(\.field) == ["partnerPmId"])
        }
    }

    @Test func losingNeedsAReasonAndKeepsTheNote() async throws {
        try await withWorld { world in
            let management = OpportunityManagement(world.env)
            let deal = try await management.create(Self.input(world), by: world.rep)
            let lost = world.stage("Lost").id
            let refused = await #expect(throws: ValidationErrors.self) {
                _ = try await management.move(deal.id, to: lost)
            }
            #expect(refused?.errors.map(\.field) == ["lostReasonId"])
            let reason = try #require(try await world.env.stores.pipeline.lostReasons.list().first)
            let moved = try await management.move(
                deal.id, to: lost, lostReasonID: reason.id, lostNote: " Went in-house ")
            #expect(moved.lostReasonID == reason.id && moved.lostNote == "Went in-house")
            // Reopening clears the reason.
            let reopened = try await management.move(deal.id, to: world.stage("Qualified").id)
            #expect(reopened.lostReasonID == nil && reopened.lostNote.isEmpty)
        }
    }

    @Test func anOverriddenProbabilityHoldsUntilTheNextMove() async throws {
        try await withWorld { world in
            let management = OpportunityManagement(world.env)
            let deal = try await management.create(Self.input(world), by: world.rep)
            var patch = OpportunityManagement.Patch()
            patch.probability = .some(35)
            let changed = try await management.update(deal.id, patch)
            #expect(changed.probability(in: world.stage("Lead")) == 35)
            #expect(changed.version == deal.version + 1)
            patch.probability = .some(140)
            let error = await #expect(throws: ValidationErrors.self) { _ = try await management.update(deal.id, patch) }
            #expect(error?.errors.map(\.field) == ["probability"])
            let moved = try await management.move(deal.id, to: world.stage("Qualified").id)
            #expect(moved.probability(in: world.stage("Qualified")) == 25)
        }
    }

    @Test func aChangeFromAnOldVersionIsRefusedAndLosesNothing() async throws {
        try await withWorld { world in
            let management = OpportunityManagement(world.env)
            let deal = try await management.create(Self.input(world), by: world.rep)
            var first = OpportunityManagement.Patch()
            first.nextStep = "Call Tuesday"
            first.version = deal.version
            _ = try await management.update(deal.id, first)
            var second = OpportunityManagement.Patch()
            second.name = "Stale rename"
            second.version = deal.version
            let error = await #expect(throws: DomainError.self) { _ = try await management.update(deal.id, second) }
            #expect(error?.field == "version")
            // Writes without a version touch only their columns.
            var notes = OpportunityManagement.Patch()
            notes.closeDate = "2027-03-01"
            let stored = try await management.update(deal.id, notes)
            #expect(stored.nextStep == "Call Tuesday" && stored.name == "Website relaunch")
            #expect(stored.closeDate == (try LocalDate(iso: "2027-03-01")))
        }
    }

    @Test func boardColumnsTotalInTheBaseCurrencyWithTheRatesUsed() async throws {
        try await withWorld { world in
            let management = OpportunityManagement(world.env)
            let administration = PipelineAdministration(world.env)
            let rate = try await administration.createExchangeRate(currency: "USD", date: "2026-11-01", rate: "0.9")
            _ = try await management.create(Self.input(world, amount: "1000.00"), by: world.rep)
            _ = try await management.create(Self.input(world, amount: "1000.00", currency: "USD"), by: world.rep)
            _ = try await management.create(Self.input(world, amount: "50.00", currency: "CHF"), by: world.rep)
            let board = try await PipelineOverview(world.env).board(OpportunityFilter())
            #expect(
                board.columns.map(\.stage.name) == ["Lead", "Qualified", "Solution design", "Proposal", "Negotiation"])
            let lead = board.columns[0].total
            #expect(lead.count == 3)
            #expect(lead.total == Money(1900, .eur))
            #expect(lead.weighted == Money(190, .eur))
            #expect(lead.ratesUsed == [rate])
            #expect(lead.missing.map(\.currency.code) == ["CHF"])
            // A second rate for the same day is refused, naming the date.
            let clash = await #expect(throws: DomainError.self) {
                _ = try await administration.createExchangeRate(currency: "USD", date: "2026-11-01", rate: "0.8")
            }
            #expect(clash?.field == "date")
        }
    }

    @Test func stagesKeepOneOpenStageAndOneStagePerMilestone() async throws {
        try await withWorld { world in
            let administration = PipelineAdministration(world.env)
            let taken = await #expect(throws: ValidationErrors.self) {
                _ = try await administration.createStage(
                    .init(
                        name: "Design review", order: 35, probability: 45, outcome: "open", milestone: "solution_design"
                    ))
            }
            #expect(taken?.errors.map(\.field) == ["milestone"])
            let stage = try await administration.createStage(
                .init(name: "Pilot", order: 45, probability: 70, outcome: "open"))
            let renamed = try await administration.updateStage(stage.id) { $0.probability = 65 }
            #expect(renamed.probability == 65)
            #expect(try await world.env.stores.pipeline.stages.list().map(\.name).contains("Pilot"))
        }
    }
}
