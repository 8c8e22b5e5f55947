import Foundation
import TandemApp
import TandemDomain
import Testing

/// Ideas, votes, proposals, review meetings, working groups and shadowing against a scratch
/// database (SQLite, or PostgreSQL with TANDEM_TEST_DATABASE_URL).
@Suite("Working together use cases")
struct TogetherUseCaseTests {
    static let eur = CurrencyCode.eur

    @Test func votesCountOncePerUserAndManagersMoveIdeas() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let morgan = try await f.user("morgan@lumen.example", [.manager])
            let ideas = Ideas(f.env)
            let idea = try await ideas.propose(title: " Glossary day ", body: "Once a quarter", by: sofia)
            #expect(idea.title == "Glossary day" && idea.status == .new)
            _ = try await ideas.vote(idea.id, by: paula)
            let twice = try await ideas.vote(idea.id, by: paula)
            #expect(twice.votes == 1)
            #expect(try await ideas.vote(idea.id, by: sofia).votes == 2)
            #expect(try await ideas.hasVoted(idea.id, user: paula))
            await #expect(throws: DomainError.self) {
                try await ideas.move(idea.id, to: .underReview, reason: "", by: paula)
            }
            let reviewed = try await ideas.move(idea.id, to: .underReview, reason: "", by: morgan)
            #expect(reviewed.status == .underReview)
            do {
                _ = try await ideas.move(idea.id, to: .done, reason: "", by: morgan)
                Issue.record("skipped states")
            } catch let error as DomainError { #expect(error.field == "status") }
            let declined = try await ideas.move(idea.id, to: .declined, reason: "Done by the TMS vendor", by: morgan)
            let stored = try await ideas.find(idea.id, by: paula)
            #expect(stored.status == .declined && stored.declineReason == "Done by the TMS vendor")
            #expect(stored.votes == 2 && declined.decidedBy == morgan.id)
            await #expect(throws: DomainError.self) { try await ideas.vote(idea.id, by: morgan) }
            #expect(try await ideas.list(by: paula).map(\.id) == [idea.id])
        }
    }

    static func input(_ title: String = "Terminology server") -> Proposals.Input {
        Proposals.Input(
            title: title, oneOffCost: Money(9_000, eur), recurringCost: Money(1_200, eur),
            benefits: [
                .timeSaved("Term lookups", hoursPerProject: 2, projectsPerYear: 150, hourlyCost: Money(35, eur))
            ])
    }

    @Test func proposalsNeedBothSignaturesBeforeAManagerDecides() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let morgan = try await f.user("morgan@lumen.example", [.manager])
            let proposals = Proposals(f.env)
            let proposal = try await proposals.propose(Self.input(), by: sofia)
            #expect(proposal.paybackMonths == Decimal(string: "11.6"))  // 9000 × 12 / (10500 − 1200) = 11.61
            _ = try await proposals.sign(proposal.id, by: sofia)
            let once = try await proposals.sign(proposal.id, by: sofia)
            #expect(once.signatures.count == 1 && once.signatures[0].side == .sales)
            await #expect(throws: DomainError.self) { try await proposals.sign(proposal.id, by: morgan) }
            await #expect(throws: DomainError.self) {
                try await proposals.decide(proposal.id, approve: true, reason: "Go", by: paula)
            }
            do {
                _ = try await proposals.decide(proposal.id, approve: true, reason: "Go", by: morgan)
                Issue.record("decided without a production signature")
            } catch let error as DomainError { #expect(error.key == "proposals.error.needs_cosignatures") }
            let signed = try await proposals.sign(proposal.id, by: paula)
            #expect(signed.hasCoSignatures)
            let approved = try await proposals.decide(
                proposal.id, approve: true, reason: "Pays back in a year", by: morgan)
            #expect(approved.status == .approved && approved.decision?.reason == "Pays back in a year")
            await #expect(throws: DomainError.self) {
                try await proposals.decide(proposal.id, approve: false, reason: "No", by: morgan)
            }
            f.advance(days: 180)
            let reviewed = try await proposals.reviewBenefit(
                proposal.id, realised: Money(8_000, Self.eur), note: "Fewer lookups than hoped", by: morgan)
            #expect(reviewed.benefitReview?.realisedAnnualBenefit == Money(8_000, Self.eur))
            #expect(try await proposals.list(by: paula).map(\.id) == [proposal.id])
        }
    }

    @Test func unknownLinkedOpportunitiesAreNamedByPath() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            var input = Self.input()
            input.benefits.append(
                .deals("Pharma", dealsPerYear: 2, marginPerDeal: Money(3_000, Self.eur), opportunities: [.init(UUID())])
            )
            do {
                _ = try await Proposals(f.env).propose(input, by: sofia)
                Issue.record("accepted")
            } catch let error as ValidationErrors {
                #expect(error.errors.map(\.field) == ["benefits[1].opportunityIds[0]"])
            }
        }
    }

    @Test func minutesSaveAgainstTheVersionReadAndItemsCarryOver() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let meetings = ReviewMeetings(f.env)
            let utc = TimeZone(identifier: "UTC")!
            let first = try await meetings.create(
                title: "November review", heldOn: try LocalDate(iso: "2026-11-02"), attendees: [sofia.id, paula.id],
                by: sofia)
            let saved = try await meetings.saveMinutes(
                first.id, minutes: "Pipeline is healthy", decisions: ["Hire a DE reviewer", " "],
                attendees: [sofia.id, paula.id], version: 1, by: paula)
            #expect(saved.version == 2 && saved.decisions == ["Hire a DE reviewer"])
            do {
                _ = try await meetings.saveMinutes(
                    first.id, minutes: "Older text", decisions: [], attendees: [], version: 1, by: sofia)
                Issue.record("stale save accepted")
            } catch let error as DomainError { #expect(error.field == "version") }
            let item = try await meetings.addItem(
                to: first.id, title: "Ask Nordlicht for volumes", owner: sofia.id,
                dueOn: try LocalDate(iso: "2026-11-20"), by: paula)
            let second = try await meetings.create(
                title: "December review", heldOn: try LocalDate(iso: "2026-12-01"), attendees: [sofia.id], by: paula)
            #expect(try await meetings.detail(second.id, timeZone: utc, by: sofia).carried.map(\.id) == [item.id])
            _ = try await meetings.setDone(item.id, done: true, by: sofia)
            let third = try await meetings.create(
                title: "January review", heldOn: try LocalDate(iso: "2027-01-05"), attendees: [sofia.id], by: paula)
            #expect(try await meetings.detail(third.id, timeZone: utc, by: sofia).carried.isEmpty)
        }
    }

    @Test func groupsAreCrossFunctionalWhenBothSidesTakePart() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let samuel = try await f.user("samuel@lumen.example", [.sales])
            let victor = try await f.user("victor@lumen.example", [.vendorManager])
            let groups = WorkingGroups(f.env)
            let group = try await groups.create(
                name: "Pharma", goal: "Win regulated work", members: [samuel.id], by: sofia)
            #expect(try await groups.detail(group.id, by: sofia).crossFunctional == false)
            let wider = try await groups.setMembers(group.id, [sofia.id, samuel.id, victor.id], by: sofia)
            #expect(wider.crossFunctional)
            let initiative = try await groups.addInitiative(
                to: group.id, title: "ISO 17100 audit", owner: victor.id, dueOn: try LocalDate(iso: "2027-03-01"),
                by: samuel)
            _ = try await groups.setStatus(initiative.id, .active, by: victor)
            #expect(try await groups.detail(group.id, by: sofia).initiatives.map(\.status) == [.active])
            let outsider = try await f.user("paula@lumen.example", [.pm])
            await #expect(throws: DomainError.self) {
                try await groups.addInitiative(to: group.id, title: "x", owner: outsider.id, dueOn: nil, by: outsider)
            }
        }
    }

    @Test func shadowingIsPlannedThenLoggedAndTalliedForManagers() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let morgan = try await f.user("morgan@lumen.example", [.manager])
            let shadowing = Shadowing(f.env)
            do {
                _ = try await shadowing.plan(
                    kind: .followProject, participant: paula.id, host: sofia.id, topic: "Nordlicht manuals",
                    plannedOn: try LocalDate(iso: "2026-12-10"), by: paula)
                Issue.record("a PM followed a project as the sales side")
            } catch let error as ValidationErrors {
                #expect(error.errors.map(\.field) == ["participantId", "hostId"])
            }
            let session = try await shadowing.plan(
                kind: .followProject, participant: sofia.id, host: paula.id, topic: "Nordlicht manuals",
                plannedOn: try LocalDate(iso: "2026-12-10"), by: sofia)
            let logged = try await shadowing.log(session.id, takeaways: "Saw the QA step", by: paula)
            #expect(logged.status == .logged)
            #expect(try await shadowing.record(of: sofia.id, by: sofia).map(\.id) == [session.id])
            await #expect(throws: DomainError.self) { try await shadowing.team(by: sofia) }
            let team = try await shadowing.team(by: morgan)
            #expect(team.tally.rows.first?.total == 1 && team.tally.quarters.map(\.description) == ["2026-Q4"])
        }
    }
}
