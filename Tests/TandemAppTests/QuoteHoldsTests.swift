import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import TandemPlanning
import Testing

/// Tentative holds (placed, replaced, ignored by their own quote, released, converted), sent
/// versions, PM review and the idempotent hand-off to one project.
@Suite("Quotes: holds, versions, review, acceptance")
struct QuoteHoldsTests {
    @Test func anOpenQuoteHoldsItsPlannedVendorsWithTheOpportunitysProbability() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            let holds = try await world.holds(of: quote)
            #expect(!holds.isEmpty)
            // The opportunity is at Lead: 10 %.
            #expect(holds.allSatisfy { $0.probability == Decimal(string: "0.1") })
            #expect(Set(holds.map(\.vendorID)).isSubset(of: Set((1...4).map(QuoteWorld.vendorID))))
            // A re-check replaces them: the same number, new ids.
            let again = try await world.management.refresh(quote.id)
            let replaced = try await world.holds(of: quote)
            #expect(replaced.count == holds.count)
            #expect(Set(replaced.map(\.id)).isDisjoint(with: Set(holds.map(\.id))))
            #expect(again.feasibility.map(\.verdict) == ["green", "green"])
        }
    }

    @Test func aQuotesOwnHoldsDoNotCountAgainstItButOthersSeeThem() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote, new: 9000)
            let version = try #require(try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1))
            let index = try await world.capacity.snapshot()
            let own = try await world.holds(of: quote)
            let ignoring = QuoteFeasibility.check(version, ownHolds: own, on: index, now: world.env.now)
            let counting = QuoteFeasibility.check(version, ownHolds: [], on: index, now: world.env.now)
            // Without its own holds the index is as it was before they were placed.
            var clean = index
            for hold in own { clean.release(BookingID(hold.id.description), for: VendorID(hold.vendorID.description)) }
            let before = QuoteFeasibility.check(version, ownHolds: [], on: clean, now: world.env.now)
            #expect(ignoring.map(\.result) == before.map(\.result))
            // Another quote for the same work sees them (its plan or its confidence changes).
            #expect(counting.map(\.result) != ignoring.map(\.result))
        }
    }

    @Test func editingASentQuoteStartsANewDraftVersionAndReplacesTheHolds() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            _ = try await world.management.submit(quote.id, by: world.rep)
            _ = try await world.management.send(quote.id, by: world.rep)
            let first = try #require(try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1))
            let oldHolds = try await world.holds(of: quote)
            // A sent version cannot be rewritten.
            var tampered = first
            tampered.note = "changed"
            #expect(try await world.env.stores.quoteStores.quotes.updateDraft(tampered) == false)
            let second = try await world.management.addLine(
                quote.id, .init(description: "Certification", unitPrice: "80.00"), by: world.rep)
            #expect(second.number == 2)
            #expect(second.isSent == false)
            let stored = try await world.stored(quote)
            #expect(stored.status == .draft)
            #expect(stored.currentVersion == 2)
            let unchanged = try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1)
            #expect(unchanged == first)
            let newHolds = try await world.holds(of: quote)
            #expect(!newHolds.isEmpty)
            #expect(Set(newHolds.map(\.id)).isDisjoint(with: Set(oldHolds.map(\.id))))
            let diff = QuoteVersionDiff(first, second)
            #expect(diff.lines.count == 1)
            #expect(diff.lines.first?.after?.description == "Certification")
            #expect(diff.totalAfter.amount - diff.totalBefore.amount == 80)
        }
    }

    @Test func losingReleasesTheHoldsAndLosesTheOpportunity() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            #expect(!(try await world.holds(of: quote)).isEmpty)
            await #expect(throws: ValidationErrors.self) {
                try await world.management.lose(quote.id, reason: " ", by: world.rep)
            }
            let lost = try await world.management.lose(quote.id, reason: "Price", by: world.rep)
            #expect(lost.status == .lost)
            #expect(lost.lostReason == "Price")
            #expect(try await world.holds(of: quote).isEmpty)
            let opportunity = try await world.env.stores.pipeline.opportunities.find(id: quote.opportunityID)
            let stage = try await world.env.stores.pipeline.stages.find(id: opportunity!.stageID)
            #expect(stage?.outcome == .lost)
            await #expect(throws: DomainError.self) { try await world.management.submit(quote.id, by: world.rep) }
        }
    }

    @Test func anExpiredQuoteReleasesItsHolds() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            #expect(try await world.management.expireDue() == 0)
            world.clock.now += 31 * 86_400
            #expect(try await world.management.expireDue() == 1)
            #expect(try await world.stored(quote).status == .expired)
            #expect(try await world.holds(of: quote).isEmpty)
        }
    }

    @Test func onlyPMsReviewAndAChangeMakesANewApprovedVersion() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote(deadline: "2026-11-19T08:00:00Z")
            try await world.analysed(quote, new: 20_000)
            #expect(try await world.management.submit(quote.id, by: world.rep).status == .inReview)
            await #expect(throws: DomainError.forbidden(key: "error.forbidden", fallback: "You may not do this.")) {
                try await world.review.decide(quote.id, .init(decision: "approve"), by: world.rep)
            }
            let missing = await #expect(throws: ValidationErrors.self) {
                try await world.review.decide(quote.id, .init(decision: "change"), by: world.pm)
            }
            #expect(missing?.errors.map(\.field) == ["reason", "deadline"])
            let changed = try await world.review.decide(
                quote.id, .init(decision: "change", deadline: "2026-12-18T17:00:00Z", reason: "Vendors are busy"),
                by: world.pm)
            #expect(changed.status == .approved)
            #expect(changed.currentVersion == 2)
            #expect(try await world.notifications(of: world.pm) == ["review-requested"])
            #expect(try await world.notifications(of: world.rep) == ["review-decided"])
            let versions = try await world.env.stores.quoteStores.quotes.versions(of: quote.id)
            let diff = QuoteVersionDiff(versions[0], versions[1])
            #expect(diff.note == "Vendors are busy")
            #expect(diff.deliveries.map(\.target.description) == ["de", "fr"])
            #expect(diff.deliveries.first?.after == ISO8601DateFormatter().date(from: "2026-12-18T17:00:00Z"))
        }
    }

    @Test func aCapabilityDealBelowTheFloorNeedsAManagersApprovalWithAReason() async throws {
        try await QuoteWorld.run { world in
            try await world.env.stores.pricing.settings.setMarginFloor(90, for: world.accountID, at: world.env.now)
            var patch = OpportunityManagement.Patch()
            patch.capabilityBuilding = true
            patch.capabilityReason = "First German medical client"
            _ = try await OpportunityManagement(world.env).update(world.opportunity.id, patch)
            let quote = try await world.quote()
            try await world.analysed(quote)
            #expect(try await world.management.submit(quote.id, by: world.rep).status == .inReview)
            let version = try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1)
            #expect(version?.reviewReasons == [.belowMarginFloor])
            await #expect(throws: DomainError.self) {
                try await world.review.decide(quote.id, .init(decision: "approve"), by: world.pm)
            }
            await #expect(throws: ValidationErrors.self) {
                try await world.review.decide(quote.id, .init(decision: "approve"), by: world.manager)
            }
            let approved = try await world.review.decide(
                quote.id, .init(decision: "approve", reason: "Opens the German market"), by: world.manager)
            #expect(approved.status == .approved)
            #expect(approved.managerApproval?.by == world.manager.id)
            #expect(approved.managerApproval?.reason == "Opens the German market")
        }
    }

    @Test func aRejectionNeedsAReason() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote(deadline: "2026-11-19T08:00:00Z")
            try await world.analysed(quote, new: 20_000)
            _ = try await world.management.submit(quote.id, by: world.rep)
            await #expect(throws: ValidationErrors.self) {
                try await world.review.decide(quote.id, .init(decision: "reject"), by: world.pm)
            }
            let rejected = try await world.review.decide(
                quote.id, .init(decision: "reject", reason: "Nobody can do it"), by: world.pm)
            #expect(rejected.status == .rejected)
            // Editing a rejected quote starts a new draft.
            let next = try await world.management.setDeliveries(
                quote.id, deadline: "2027-01-29T17:00:00Z", by: world.rep)
            #expect(next.number == 2)
            #expect(try await world.stored(quote).status == .draft)
        }
    }

    @Test func acceptanceMakesOneProjectWithPromisesAndTurnsHoldsIntoBookings() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            _ = try await world.management.submit(quote.id, by: world.rep)
            await #expect(throws: DomainError.self) {
                try await world.handOff.accept(quote.id, .init(clientReference: "PO-1"), by: world.rep)
            }
            _ = try await world.management.send(quote.id, by: world.rep)
            let holds = try await world.holds(of: quote)
            let outcome = try await world.handOff.accept(
                quote.id, .init(clientReference: "PO-1", acceptedAt: "2026-11-19T10:00:00Z"), by: world.rep)
            #expect(outcome.created)
            let project = outcome.project
            #expect(project.clientReference == "PO-1")
            #expect(project.briefStatus == .pending)
            #expect(project.pmID == world.pm.id)
            let promises = try await world.env.stores.quoteStores.projects.promises(of: project.id)
            #expect(promises.map(\.targetLanguage.description) == ["de", "fr"])
            #expect(promises.allSatisfy { $0.status == .onTrack && $0.salesOwnerID == world.rep.id })
            #expect(try await world.holds(of: quote).isEmpty)
            let bookings = try await world.env.stores.vendorSchedule.bookings(of: nil, overlapping: nil)
            #expect(bookings.filter { $0.jobReference == "project:\(project.id)" }.count == holds.count)
            #expect(try await world.env.stores.quoteStores.projects.reservations(of: project.id).count == holds.count)
            #expect(try await world.stored(quote).status == .accepted)
            #expect(try await world.notifications(of: world.pm) == ["quote-accepted"])
            let opportunity = try await world.env.stores.pipeline.opportunities.find(id: quote.opportunityID)
            #expect(try await world.env.stores.pipeline.stages.find(id: opportunity!.stageID)?.outcome == .won)
            // Again: the same project.
            let again = try await world.handOff.accept(quote.id, .init(clientReference: "PO-1"), by: world.rep)
            #expect(!again.created)
            #expect(again.project.id == project.id)
        }
    }

    @Test func twoConcurrentAcceptancesMakeOneProject() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            _ = try await world.management.submit(quote.id, by: world.rep)
            _ = try await world.management.send(quote.id, by: world.rep)
            async let a = world.handOff.accept(quote.id, .init(clientReference: "PO-7"), by: world.rep)
            async let b = world.handOff.accept(quote.id, .init(clientReference: "PO-7"), by: world.rep)
            let (first, second) = try await (a, b)
            #expect(first.project.id == second.project.id)
            #expect([first.created, second.created].filter { $0 }.count == 1)
            #expect(try await world.env.stores.quoteStores.projects.list().count == 1)
        }
    }

    @Test func thePMAcknowledgesOrChallengesTheBrief() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            _ = try await world.management.submit(quote.id, by: world.rep)
            _ = try await world.management.send(quote.id, by: world.rep)
            let project = try await world.handOff.accept(quote.id, .init(clientReference: ""), by: world.rep).project
            let briefs = BriefAcknowledgement(world.env)
            await #expect(throws: DomainError.self) { try await briefs.acknowledge(project.id, by: world.rep) }
            await #expect(throws: ValidationErrors.self) {
                try await briefs.challenge(project.id, comment: "", by: world.pm)
            }
            let challenged = try await briefs.challenge(project.id, comment: "No style guide", by: world.pm)
            #expect(challenged.briefStatus == .challenged)
            #expect(try await world.notifications(of: world.rep) == ["brief-challenged"])
            #expect(try await briefs.status(ofOpportunity: quote.opportunityID) == .challenged)
            let acknowledged = try await briefs.acknowledge(project.id, by: world.pm)
            #expect(acknowledged.briefStatus == .acknowledged)
            #expect(acknowledged.briefBy == world.pm.id)
        }
    }
}
