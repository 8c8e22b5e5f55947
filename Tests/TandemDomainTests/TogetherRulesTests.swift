import Foundation
import Testing

@testable import TandemDomain

/// The idea and proposal state machines, payback in Decimal, the co-signature rule, carry-over of
/// action items, and who may do what in working together.
@Suite("Working together rules")
struct TogetherRulesTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    static let eur = CurrencyCode.eur

    static func user(_ n: Int, _ roles: Set<Role>) -> User {
        User(
            id: User.ID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!),
            email: try! EmailAddress("u\(n)@x.io"), displayName: "U\(n)", roles: roles, isActive: true, createdAt: t0)
    }
    static let manager = user(1, [.manager])

    static func idea(_ status: IdeaStatus) -> Idea {
        Idea(
            id: .init(UUID()), title: "Glossary day", body: "", authorID: user(2, [.sales]).id, status: status,
            createdAt: t0)
    }

    @Test func ideasMoveOneStepAtATimeToDone() throws {
        var idea = Self.idea(.new)
        for next in [IdeaStatus.underReview, .accepted, .inProgress, .done] {
            idea = try idea.moved(to: next, reason: "", by: Self.manager.id, at: Self.t0)
            #expect(idea.status == next)
        }
        #expect(idea.decidedBy == Self.manager.id && idea.status.isClosed)
    }

    @Test(arguments: [
        (IdeaStatus.new, IdeaStatus.accepted), (.new, .done), (.underReview, .inProgress), (.done, .declined),
        (.declined, .underReview), (.accepted, .new), (.inProgress, .underReview),
    ])
    func forbiddenMovesAreConflictsOnStatus(from: IdeaStatus, to: IdeaStatus) {
        #expect(throws: DomainError.self) {
            try Self.idea(from).moved(to: to, reason: "x", by: Self.manager.id, at: Self.t0)
        }
        do {
            _ = try Self.idea(from).moved(to: to, reason: "x", by: Self.manager.id, at: Self.t0)
        } catch let error as DomainError {
            #expect(error.field == "status" && error.key == "ideas.error.transition")
        } catch {}
    }

    @Test func aDeclineNeedsAReasonThatIsKept() throws {
        #expect(throws: DomainError.self) {
            try Self.idea(.underReview).moved(to: .declined, reason: "  ", by: Self.manager.id, at: Self.t0)
        }
        let declined = try Self.idea(.underReview).moved(
            to: .declined, reason: "Covered by the TMS upgrade", by: Self.manager.id, at: Self.t0)
        #expect(declined.status == .declined && declined.declineReason == "Covered by the TMS upgrade")
        #expect(declined.status.next.isEmpty)
    }

    static func proposal(signatures: [ProposalSignature] = [], status: ProposalStatus = .open) -> InvestmentProposal {
        InvestmentProposal(
            id: .init(UUID()), title: "QA tool", proposerID: user(2, [.sales]).id, oneOffCost: Money(12_000, eur),
            recurringCost: Money(2_400, eur),
            benefits: [
                .timeSaved(
                    "Less QA", hoursPerProject: Decimal(string: "1.5")!, projectsPerYear: 200,
                    hourlyCost: Money(40, eur)),
                .deals("Pharma clients require it", dealsPerYear: 3, marginPerDeal: Money(2_000, eur)),
            ], status: status, signatures: signatures, createdAt: t0)
    }

    @Test func paybackIsOneOffOverNetMonthlyBenefitInDecimal() throws {
        let p = Self.proposal()
        // 1.5 × 200 × 40 = 12 000; 3 × 2 000 = 6 000; net 18 000 − 2 400 = 15 600 a year; 12 000 × 12 / 15 600 = 9.23…
        #expect(p.annualBenefit == Money(18_000, Self.eur))
        #expect(p.paybackMonths == Decimal(string: "9.2"))
        #expect(
            try Payback.months(
                oneOff: Money(1000, Self.eur), recurringPerYear: Money(500, Self.eur),
                annualBenefit: Money(500, Self.eur)) == nil)
        #expect(
            try Payback.months(
                oneOff: Money(0, Self.eur), recurringPerYear: Money(0, Self.eur), annualBenefit: Money(1, Self.eur))
                == 0)
        #expect(throws: DomainError.self) {
            try Payback.months(
                oneOff: Money(1, Self.eur), recurringPerYear: Money(1, .usd), annualBenefit: Money(5, Self.eur))
        }
    }

    @Test func aManagerDecidesOnlyWithASalesAndAProductionSignature() throws {
        let sales = Self.user(3, [.sales])
        let pm = Self.user(4, [.pm])
        let vm = Self.user(5, [.vendorManager])
        var p = Self.proposal()
        #expect(throws: DomainError.self) {
            try p.decision(approve: true, reason: "Go", by: Self.manager.id, at: Self.t0)
        }
        p.signatures.append(try #require(try p.signature(by: sales, at: Self.t0)))
        #expect(try p.signature(by: sales, at: Self.t0) == nil)  // a second signature adds nothing
        #expect(p.signatures.map(\.side) == [.sales] && !p.hasCoSignatures)
        do {
            _ = try p.decision(approve: true, reason: "Go", by: Self.manager.id, at: Self.t0)
            Issue.record("decided with one signature")
        } catch let error as DomainError {
            #expect(error.key == "proposals.error.needs_cosignatures" && error.arguments["missing"] == "production")
        }
        let other = Self.user(6, [.sales])
        p.signatures.append(try #require(try p.signature(by: other, at: Self.t0)))
        #expect(!p.hasCoSignatures)  // two sales signatures are still one side
        p.signatures.append(try #require(try p.signature(by: vm, at: Self.t0)))
        #expect(p.hasCoSignatures)
        #expect(throws: DomainError.self) {
            try p.decision(approve: true, reason: " ", by: Self.manager.id, at: Self.t0)
        }
        let decision = try p.decision(
            approve: true, reason: "Pays back within a year", by: Self.manager.id, at: Self.t0)
        #expect(decision.approved && decision.reason == "Pays back within a year")
        _ = pm
    }

    @Test func oneUserHoldingBothRolesCoversOnlyOneSide() throws {
        let both = Self.user(7, [.sales, .pm])
        var p = Self.proposal()
        p.signatures.append(try #require(try p.signature(by: both, at: Self.t0)))
        #expect(!p.hasCoSignatures && p.signatures[0].side == .sales)
        let pmFirst = Self.proposal(signatures: [
            .init(userID: Self.user(8, [.pm]).id, side: .production, signedAt: Self.t0)
        ])
        #expect(try pmFirst.signature(by: both, at: Self.t0)?.side == .sales)
        let salesFirst = Self.proposal(signatures: [
            .init(userID: Self.user(9, [.sales]).id, side: .sales, signedAt: Self.t0)
        ])
        #expect(try salesFirst.signature(by: both, at: Self.t0)?.side == .production)
        #expect(throws: DomainError.self) { try p.signature(by: Self.manager, at: Self.t0) }
    }

    @Test func decidedProposalsTakeNoSignatureOrDecisionAndOnlyApprovedOnesAreReviewed() throws {
        let approved = Self.proposal(status: .approved)
        #expect(throws: DomainError.self) { try approved.signature(by: Self.user(3, [.sales]), at: Self.t0) }
        let review = try approved.review(
            realised: Money(14_000, Self.eur), note: "Fewer QA rounds", by: Self.manager.id, at: Self.t0)
        #expect(review.realisedAnnualBenefit == Money(14_000, Self.eur))
        #expect(throws: DomainError.self) {
            try Self.proposal(status: .declined).review(
                realised: Money(1, Self.eur), note: "", by: Self.manager.id, at: Self.t0)
        }
        #expect(throws: DomainError.self) {
            try approved.review(realised: Money(1, .usd), note: "", by: Self.manager.id, at: Self.t0)
        }
    }

    @Test func validationNamesEveryBadFieldByPath() {
        do {
            try InvestmentProposal.validate(
                title: " ", oneOffCost: Money(-1, Self.eur), recurringCost: Money(1, .usd),
                benefits: [ProposalBenefit(kind: .timeSaved, description: "x", hoursPerProject: 2)])
            Issue.record("accepted")
        } catch let error as ValidationErrors {
            #expect(
                error.errors.map(\.field) == [
                    "title", "oneOffCost.amount", "recurringCost.currency", "benefits[0].projectsPerYear",
                    "benefits[0].hourlyCost",
                ])
        } catch { Issue.record("\(error)") }
    }

    @Test func openActionItemsCarryOverUntilDone() throws {
        let a = ReviewMeeting(
            id: .init(UUID()), title: "Nov", heldOn: try LocalDate(iso: "2026-11-02"), attendeeIDs: [],
            createdBy: Self.manager.id, createdAt: Self.t0)
        let b = ReviewMeeting(
            id: .init(UUID()), title: "Dec", heldOn: try LocalDate(iso: "2026-12-01"), attendeeIDs: [],
            createdBy: Self.manager.id, createdAt: Self.t0)
        let c = ReviewMeeting(
            id: .init(UUID()), title: "Jan", heldOn: try LocalDate(iso: "2027-01-05"), attendeeIDs: [],
            createdBy: Self.manager.id, createdAt: Self.t0)
        let due = try LocalDate(iso: "2026-11-20")
        let open = ActionItem(
            id: .init(UUID()), meetingID: a.id, title: "Open", ownerID: Self.manager.id, dueOn: due, createdAt: Self.t0)
        let doneInDecember = ActionItem(
            id: .init(UUID()), meetingID: a.id, title: "Done", ownerID: Self.manager.id, dueOn: due,
            doneAt: ISO8601DateFormatter().date(from: "2026-12-10T10:00:00Z"), createdAt: Self.t0)
        let dayOf: (Date) -> LocalDate = { date in
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
            return try! LocalDate(year: c.year!, month: c.month!, day: c.day!)
        }
        let items = [open, doneInDecember]
        #expect(ActionItemCarryOver.items(for: a, meetings: [a, b, c], items: items, dayOf: dayOf).own.count == 2)
        #expect(
            ActionItemCarryOver.items(for: b, meetings: [a, b, c], items: items, dayOf: dayOf).carried.map(\.title) == [
                "Open", "Done",
            ])
        #expect(
            ActionItemCarryOver.items(for: c, meetings: [a, b, c], items: items, dayOf: dayOf).carried.map(\.title) == [
                "Open"
            ])
    }

    @Test func crossFunctionalGroupsAndShadowingTallies() throws {
        #expect(WorkingGroup.isCrossFunctional([Self.user(3, [.sales]), Self.user(5, [.vendorManager])]))
        #expect(!WorkingGroup.isCrossFunctional([Self.user(3, [.sales]), Self.user(6, [.sales, .manager])]))
        let sara = Self.user(3, [.sales]).id
        let paula = Self.user(4, [.pm]).id
        func session(_ day: String, _ status: ShadowingStatus) throws -> ShadowingSession {
            ShadowingSession(
                id: .init(UUID()), kind: .followProject, participantID: sara, hostID: paula, topic: "Nordlicht",
                plannedOn: try LocalDate(iso: day), status: status, createdAt: Self.t0)
        }
        let tally = ShadowingTally(
            try [
                session("2026-01-10", .logged), session("2026-02-10", .logged), session("2026-07-01", .logged),
                session("2026-08-01", .planned),
            ])
        #expect(tally.quarters.map(\.description) == ["2026-Q1", "2026-Q3"])
        #expect(tally.rows.count == 1 && tally.rows[0].total == 3)
        let logged = try session("2026-08-01", .planned).logged(
            takeaways: "Saw how TM leverage is checked", at: Self.t0)
        #expect(logged.status == .logged)
        #expect(throws: DomainError.self) { try logged.logged(takeaways: "again", at: Self.t0) }
        #expect(throws: DomainError.self) { try session("2026-08-01", .planned).logged(takeaways: " ", at: Self.t0) }
    }

    @Test func onlyManagersDecideAndOnlyTheTwoSidesSign() {
        let rows: [(Set<Role>, Bool, Bool, Bool)] = [
            ([.manager], true, false, true), ([.admin], false, false, false), ([.sales], false, true, false),
            ([.pm], false, true, false), ([.vendorManager], false, true, false),
        ]
        for (roles, decides, signs, seesTeam) in rows { check(roles, decides, signs, seesTeam) }
    }

    func check(_ roles: Set<Role>, _ decides: Bool, _ signs: Bool, _ seesTeam: Bool) {
        let u = Self.user(10, roles)
        #expect(Policy.permits(u, .decideProposal) == decides)
        #expect(Policy.permits(u, .moveIdea) == decides)
        #expect(Policy.permits(u, .signProposal) == signs)
        #expect(
            Policy.permits(u, .proposeIdea) && Policy.permits(u, .voteIdea) && Policy.permits(u, .proposeInvestment))
        #expect(Policy.permits(u, .viewShadowingTeam) == (seesTeam || roles.contains(.admin)))
        #expect(Policy.permits(u, .viewJointReview) == !roles.contains(.vendorManager))
        #expect(Policy.permits(u, .logShadowing(participant: u.id, host: Self.manager.id)))
    }
}
