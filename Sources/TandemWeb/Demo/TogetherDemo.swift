import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v2.together": two working groups (one cross-functional), a dozen ideas in
/// every state with votes, three investment proposals (one approved and reviewed, one waiting for
/// its production signature, one unsigned), three monthly review meetings with minutes and action
/// items (some still open, so they carry over), and a year of shadowing sessions. Written straight
/// through the stores with the step's sequential IDs, so it is the same every time.
enum TogetherDemo {
    static let step = DemoSeed.Step(name: "demo.v2.together", idBase: 0x70_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    /// The demo's people by their place in `DemoSeed.people` (user IDs start at 0x2_0000).
    static func person(_ index: Int) -> User.ID {
        User.ID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", 0x2_0000 + index))!)
    }
    static let morgan = person(1), sofia = person(2), samuel = person(3), sara = person(4)
    static let paula = person(5), pierre = person(6), priya = person(7), victor = person(8)
    static let salesReps = [sofia, samuel, sara]
    static let pms = [paula, pierre, priya]

    static func days(_ n: Double, from now: Date) -> Date { now.addingTimeInterval(n * 86_400) }
    static func day(_ n: Int, from now: Date) -> LocalDate {
        LocalDate(now, in: TimeZone(identifier: "Europe/Paris")!).adding(days: n)
    }

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        try await groups(stores, ids: ids, now: now)
        try await ideas(stores, ids: ids, now: now)
        try await proposals(stores, ids: ids, now: now)
        try await reviews(stores, ids: ids, now: now)
        try await shadowing(stores, ids: ids, now: now)
    }

    static func groups(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let regulated = WorkingGroup(
            id: ids(), name: "Regulated content",
            goal:
                "Win and keep life-science and legal clients: ISO 17100 evidence, validated reviewers, audit-ready files.",
            memberIDs: [sofia, paula, priya, victor], createdBy: sofia, createdAt: days(-200, from: now))
        let estimates = WorkingGroup(
            id: ids(), name: "Faster estimates",
            goal: "Quote standard requests within two working hours without hurting margins.",
            memberIDs: [samuel, sara, morgan], createdBy: samuel, createdAt: days(-120, from: now))
        try await stores.together.groups.create(regulated)
        try await stores.together.groups.create(estimates)
        let initiatives: [(WorkingGroup.ID, String, User.ID, InitiativeStatus, Int)] = [
            (regulated.id, "Reviewer pool with medical credentials for DE and FR", victor, .active, 30),
            (regulated.id, "Audit checklist in every project hand-off", paula, .done, -40),
            (regulated.id, "Case study with Nordlicht Medical", sofia, .planned, 75),
            (estimates.id, "Standard turnaround table per pair", sara, .active, 20),
            (estimates.id, "Quote templates for software strings", samuel, .planned, 60),
        ]
        for (group, title, owner, status, due) in initiatives {
            try await stores.together.groups.addInitiative(
                Initiative(
                    id: ids(), groupID: group, title: title, ownerID: owner, status: status,
                    dueOn: day(due, from: now), createdAt: days(-100, from: now)))
        }
    }

    static func ideas(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let everyone = [morgan, sofia, samuel, sara, paula, pierre, priya, victor]
        let list: [(String, String, User.ID, IdeaStatus, Int, String)] = [
            (
                "Glossary day with each key client",
                "Once a quarter, sales and the PM sit with the client's terminologist.", sofia, .new, 3, ""
            ),
            (
                "Show vendor availability in the quote page", "A one-line hint when a pair is tight next week.", samuel,
                .new, 2, ""
            ),
            (
                "Shared inbox for client file deliveries", "Clients send files to several people today.", priya, .new,
                1, ""
            ),
            (
                "Pair PMs with sales on every new account", "The PM joins the first two calls.", paula, .underReview, 6,
                ""
            ),
            (
                "Monthly lost-deal review", "Fifteen minutes on why we lost, with production in the room.", sara,
                .underReview, 4, ""
            ),
            (
                "Rush-fee calculator for sales", "So that rush quotes stop going back and forth.", samuel, .accepted, 7,
                ""
            ),
            ("Vendor onboarding checklist", "One checklist for NDAs, tests and rates.", victor, .accepted, 3, ""),
            (
                "Client portal for file uploads", "Upload with the brief instead of e-mail attachments.", pierre,
                .inProgress, 8, ""
            ),
            (
                "TM clean-up sprint for top five clients", "Two days per client, PMs and reviewers.", priya,
                .inProgress, 5, ""
            ),
            ("Welcome pack for new clients", "How we work, who to call, turnaround table.", sofia, .done, 6, ""),
            (
                "Weekend on-call PM", "One PM reachable on weekends for rush work.", pierre, .declined, 2,
                "Rush work on weekends is rare; the rush tiers and Friday hand-offs cover it."
            ),
            (
                "Translate marketing copy with MT only", "Cheaper for low-visibility pages.", samuel, .declined, 1,
                "Clients pay for human-quality copy; we offer post-editing as an option instead."
            ),
        ]
        for (index, entry) in list.enumerated() {
            let (title, body, author, status, votes, reason) = entry
            let created = days(-Double(180 - index * 12), from: now)
            let decided = status == .new ? nil : created.addingTimeInterval(10 * 86_400)
            let idea = Idea(
                id: ids(), title: title, body: body, authorID: author, status: status, declineReason: reason,
                decidedBy: decided == nil ? nil : morgan, decidedAt: decided, createdAt: created)
            try await stores.together.ideas.create(idea)
            for voter in everyone.filter({ $0 != author }).prefix(votes) {
                _ = try await stores.together.ideas.vote(idea.id, by: voter, at: created.addingTimeInterval(86_400))
            }
        }
    }

    static func proposals(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let eur = CurrencyCode.eur
        let linked = try await stores.pipeline.opportunities.list(OpportunityFilter()).prefix(2).map(\.id)
        let termServer = InvestmentProposal(
            id: ids(), title: "Terminology server for life-science clients",
            summary: "Nordlicht Medical and two prospects ask for a validated term base with approval workflow.",
            proposerID: sofia, oneOffCost: Money(14_000, eur), recurringCost: Money(3_600, eur),
            benefits: [
                .timeSaved(
                    "Fewer term queries and review rounds", hoursPerProject: 3, projectsPerYear: 120,
                    hourlyCost: Money(42, eur)),
                .deals(
                    "Regulated clients that require it", dealsPerYear: 3, marginPerDeal: Money(4_500, eur),
                    opportunities: linked),
            ],
            signatures: [
                ProposalSignature(userID: sofia, side: .sales, signedAt: days(-250, from: now)),
                ProposalSignature(userID: paula, side: .production, signedAt: days(-248, from: now)),
            ],
            benefitReviewOn: day(-30, from: now), createdAt: days(-255, from: now))
        try await stores.together.proposals.create(termServer)
        _ = try await stores.together.proposals.decide(
            termServer.id,
            ProposalDecision(
                approved: true, reason: "Pays back within a year and secures Nordlicht's renewal.", by: morgan,
                at: days(-240, from: now)))
        try await stores.together.proposals.setBenefitReview(
            termServer.id,
            BenefitReview(
                realisedAnnualBenefit: Money(21_500, eur),
                note: "Review rounds fell by a third; one of the three regulated deals was won so far.", by: morgan,
                at: days(-25, from: now)))
        let dtp = InvestmentProposal(
            id: ids(), title: "In-house DTP for Asian scripts",
            summary: "Bring Japanese and Chinese DTP in-house instead of two agencies.", proposerID: samuel,
            oneOffCost: Money(6_500, eur), recurringCost: Money(1_800, eur),
            benefits: [
                .timeSaved(
                    "No agency round trips", hoursPerProject: Decimal(string: "1.5")!, projectsPerYear: 90,
                    hourlyCost: Money(38, eur))
            ],
            signatures: [ProposalSignature(userID: samuel, side: .sales, signedAt: days(-6, from: now))],
            benefitReviewOn: day(180, from: now), createdAt: days(-8, from: now))
        try await stores.together.proposals.create(dtp)
        let qe = InvestmentProposal(
            id: ids(), title: "MT quality-estimation pilot",
            summary: "Score machine output before post-editing to price it better.", proposerID: priya,
            oneOffCost: Money(4_000, eur), recurringCost: Money(2_400, eur),
            benefits: [
                .timeSaved("Post-editing triage", hoursPerProject: 1, projectsPerYear: 60, hourlyCost: Money(40, eur)),
                ProposalBenefit(kind: .other, description: "Sales can offer MT tiers with confidence"),
            ],
            createdAt: days(-2, from: now))
        try await stores.together.proposals.create(qe)
    }

    static func reviews(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let meetings: [(String, Int, String, [String])] = [
            (
                "October pipeline and delivery review", -63,
                "Pipeline up 12 % on September. Two German medical jobs slipped by a day: reviewer availability.",
                ["Book German medical reviewers two weeks ahead", "Quote rush work only after a PM check"]
            ),
            (
                "November pipeline and delivery review", -35,
                "Quotes wait 30 hours for review on average; target is under 24. Nordlicht renewal won.",
                ["PMs review quotes before noon", "Sales adds the client's glossary to every brief"]
            ),
            (
                "December pipeline and delivery review", -7,
                "EN→DE is tight in the next three weeks. One promise at risk on the Brightpath release.",
                ["Ask Brightpath for a split delivery", "Hold two DE vendors for the Lumos launch"]
            ),
        ]
        var made: [ReviewMeeting] = []
        for (title, offset, minutes, decisions) in meetings {
            let meeting = ReviewMeeting(
                id: ids(), title: title, heldOn: day(offset, from: now),
                attendeeIDs: [morgan, sofia, samuel, paula, pierre],
                minutes: minutes, decisions: decisions, version: 2, createdBy: morgan,
                createdAt: days(Double(offset), from: now))
            try await stores.together.reviews.create(meeting)
            made.append(meeting)
        }
        let items: [(Int, String, User.ID, Int, Double?)] = [
            (0, "List German medical reviewers and their calendars", victor, -50, -45),
            (0, "Write the rush-check rule into the quote guide", paula, -40, nil),
            (1, "Report review waiting time every Monday", pierre, -20, -15),
            (1, "Glossary checklist in the brief template", sofia, -10, nil),
            (2, "Call Brightpath about a split delivery", samuel, 2, nil),
            (2, "Hold DE vendors for Lumos", paula, 5, -3),
        ]
        for (meeting, title, owner, due, done) in items {
            try await stores.together.reviews.addItem(
                ActionItem(
                    id: ids(), meetingID: made[meeting].id, title: title, ownerID: owner, dueOn: day(due, from: now),
                    doneAt: done.map { days($0, from: now) }, createdAt: made[meeting].createdAt))
        }
    }

    static func shadowing(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        let projects = [
            "Nordlicht IFU update", "Brightpath release notes", "Lumos app strings", "Vantage contract set",
        ]
        let meetings = [
            "Quantix quarterly call", "Nordlicht kick-off", "Brightpath pricing call", "Lumos launch planning",
        ]
        let takeaways = [
            "Saw how TM leverage changes the effort; will ask for reference files earlier.",
            "Understood why reviewers need two days for medical content.",
            "Heard what the client really wants from the glossary; will brief the team.",
            "Learnt how the client decides on budget; will add options to quotes.",
        ]
        for n in 0..<26 {
            let offset = -360 + n * 14
            let followsProject = n % 2 == 0
            let participant = followsProject ? salesReps[n / 2 % 3] : pms[n / 2 % 3]
            let host = followsProject ? pms[(n / 2 + 1) % 3] : salesReps[(n / 2 + 2) % 3]
            let logged = offset < 0
            try await stores.together.shadowing.create(
                ShadowingSession(
                    id: ids(), kind: followsProject ? .followProject : .joinClientMeeting, participantID: participant,
                    hostID: host, topic: followsProject ? projects[n % 4] : meetings[n % 4],
                    plannedOn: day(offset, from: now), status: logged ? (n == 9 ? .cancelled : .logged) : .planned,
                    takeaways: logged && n != 9 ? takeaways[n % 4] : "",
                    loggedAt: logged && n != 9 ? days(Double(offset + 1), from: now) : nil,
                    createdAt: days(Double(offset - 14), from: now)))
        }
    }
}
