import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Production, the ledger, quotes and the together area write their events on the record's
/// timeline, in the same transaction as the change and with who did it (issue #15).
@Suite("System events on record timelines")
struct TimelineEventsTests {
    static func user(_ app: Application, _ email: String) async throws -> User {
        try #require(try await app.stores.users.find(email: try EmailAddress(email)))
    }

    /// The record's events as its timeline lists them, newest first.
    static func events(_ subject: RecordSubject, _ app: Application, as user: User) async throws -> [ActivityEvent] {
        try await Threads(app.appEnvironment, directory: ThreadRuntime.directory).timeline(
            of: subject, by: user, limit: 100
        ).compactMap {
            if case .event(let e) = $0 { return e }
            return nil
        }
    }

    @Test func jobMovesAssignmentsAndHoldsAreOnTheJobsAndTheProjectsTimelines() async throws {
        try await withDemoTandem { app, clock in
            let paula = try await Self.user(app, "paula.project@lumen.example")
            var planned: Job?
            for job in try await app.stores.production.openJobs() where job.status == .planned && !job.isInternal {
                if try await app.stores.production.hold(of: job.projectID).onHold { continue }
                if job.words == 0 { continue }
                planned = job
                break
            }
            let job = try #require(planned)
            let vendor = try #require(try await app.stores.vendors.list(VendorFilter(status: .approved)).first)
            let work = ProductionWork(app.appEnvironment)
            // The demo planned it with proposals taken: the PM takes them back and gives it all to one vendor.
            let taken = try await app.stores.production.assignments(of: [job.id]).filter { $0.state == .active }
            for assignment in taken {
                try await work.unassign(assignment.id, by: paula)
                clock.advance(by: 60)
            }
            _ = try await work.assign(job.id, vendorID: vendor.id.description, words: nil, by: paula)
            clock.advance(by: 60)
            _ = try await work.transition(job.id, .init(to: "offered", note: "Sent with the glossary"), by: paula)
            clock.advance(by: 60)
            _ = try await work.setHold(job.projectID, onHold: true, reason: "Client paused the launch", by: paula)
            clock.advance(by: 60)
            _ = try await work.setHold(job.projectID, onHold: false, reason: nil, by: paula)

            let onJob = try await Self.events(RecordSubject(kind: .job, id: job.id.rawValue), app, as: paula)
            // Newest first, after what the demo's own planning logged.
            let ours = Array(onJob.prefix(2 + taken.count))
            #expect(
                ours.map(\.kind) == [.jobMoved, .jobAssigned] + Array(repeating: .jobUnassigned, count: taken.count))
            #expect(ours.allSatisfy { $0.actorId == paula.id })
            #expect(onJob[0].payload["from"] == "planned" && onJob[0].payload["to"] == "offered")
            #expect(onJob[1].payload["vendor"] == vendor.name && onJob[1].payload["words"] == String(job.words))
            let onProject = try await Self.events(
                RecordSubject(kind: .project, id: job.projectID.rawValue), app, as: paula)
            #expect(onProject.prefix(2).map(\.kind) == [.projectReleased, .projectHeld])
            #expect(onProject[1].payload["reason"] == "Client paused the launch")

            // The timeline page words them in the reader's language.
            var browser = Browser(app)
            _ = try await browser.signIn("paula.project@lumen.example", password: DemoSeed.password)
            let page = try await browser.get("/threads/job/\(job.id)/timeline")
            #expect(page.body.string.contains("moved the job from Planned to Offered: Sent with the glossary"))
            #expect(page.body.string.contains("assigned \(vendor.name)"))
        }
    }

    @Test func promisesTurningAtRiskBrokenRenegotiatedAndDeliveredAreOnTheirTimeline() async throws {
        try await withDemoTandem { app, clock in
            let paula = try await Self.user(app, "paula.project@lumen.example")
            let ledger = PromiseLedger(app.appEnvironment)
            let open = try await app.stores.ledger.page(
                LedgerFilter(statuses: [.onTrack]), now: clock.now, after: nil, limit: 50
            ).filter { $0.promise.deliveryDate > clock.now.addingTimeInterval(2 * 86_400) }
            let watched = try #require(open.first)
            let kept = try #require(open.first { $0.promise.projectID != watched.promise.projectID })

            // Production's forecast passes the promise: at risk; its time passes undelivered: broken.
            let late = PromiseForecast(
                expectedFinish: watched.promise.deliveryDate.addingTimeInterval(86_400), expectedCost: nil)
            try await ledger.refresh(
                projectID: watched.promise.projectID, forecast: [watched.promise.targetLanguage: late])
            clock.advance(by: 60)
            try await ledger.refresh(
                projectID: watched.promise.projectID, forecast: [:],
                now: watched.promise.deliveryDate.addingTimeInterval(3600))
            let watchedEvents = try await Self.events(
                RecordSubject(kind: .promise, id: watched.id.rawValue), app, as: paula)
            #expect(watchedEvents.map(\.kind) == [.promiseBroken, .promiseAtRisk])
            #expect(watchedEvents.allSatisfy { $0.actorId == nil })
            #expect(watchedEvents[1].payload["finish"] != nil)

            // The client agrees a later day; then the target is delivered in time.
            let day = LocalDate(
                kept.promise.deliveryDate.addingTimeInterval(2 * 86_400), in: TimeZone(identifier: "UTC")!)
            _ = try await ledger.renegotiate(
                kept.id,
                .init(
                    deliveryDate: day.description, reason: "The client added a chapter", cause: "client_change",
                    version: kept.promise.version), by: paula)
            clock.advance(by: 60)
            _ = try await ledger.deliver(
                kept.id, .init(what: "Final files", recipient: "Their Munich reviewer"), by: paula)
            let keptEvents = try await Self.events(RecordSubject(kind: .promise, id: kept.id.rawValue), app, as: paula)
            #expect(keptEvents.map(\.kind) == [.promiseDelivered, .promiseRenegotiated])
            #expect(keptEvents.allSatisfy { $0.actorId == paula.id })
            #expect(keptEvents[0].payload["standing"] == "kept")
            #expect(keptEvents[1].payload["cause"] == "client_change" && keptEvents[1].payload["version"] == "2")
        }
    }

    @Test func stageMovesByHandAndByAQuotesLossCarryTheirActor() async throws {
        try await withDemoTandem { app, clock in
            let sofia = try await Self.user(app, "sofia.sales@lumen.example")
            let manager = try await Self.user(app, "manager@lumen.example")
            let quote = try #require(
                try await app.stores.quoteStores.quotes.list(QuoteFilter(statuses: [.sent, .approved])).first)
            let deal = RecordSubject.opportunity(quote.opportunityID.rawValue)
            _ = try await QuoteManagement(app.appEnvironment).lose(
                quote.id, reason: "Went with their usual agency", by: manager)
            let lost = try await Self.events(deal, app, as: manager)
            let move = try #require(lost.first)
            #expect(move.kind == .stageChanged && move.actorId == manager.id)
            #expect(move.payload["to"] == "Lost")

            // A move by hand names who made it.
            let open = try #require(
                try await app.stores.pipeline.opportunities.list(OpportunityFilter()).first {
                    $0.ownerID == sofia.id && $0.id != quote.opportunityID
                })
            let stages = try await app.stores.pipeline.stages.list()
            let lostStage = try #require(stages.first { $0.outcome == .lost })
            let reason = try #require(try await app.stores.pipeline.lostReasons.list().first)
            _ = try await OpportunityManagement(app.appEnvironment).move(
                open.id, to: lostStage.id, lostReasonID: reason.id, lostNote: "Budget frozen", by: sofia.id)
            let moved = try await Self.events(.opportunity(open.id.rawValue), app, as: sofia)
            #expect(moved.first?.kind == .stageChanged && moved.first?.actorId == sofia.id)

            // The joint review dates a deal by its stage move: an edit weeks later does not make it "new".
            let closedOn = LocalDate(clock.now, in: TimeZone(identifier: "UTC")!)
            clock.advance(by: 40 * 86_400)
            _ = try await OpportunityManagement(app.appEnvironment).setSolutionNotes(
                open.id, "Kept for the next budget round.", by: sofia)
            var browser = Browser(app)
            _ = try await browser.signIn("sofia.sales@lumen.example", password: DemoSeed.password)
            let token = try await ThreadsEveryRecordTests.token(&browser)
            func board(since day: LocalDate) async throws -> [String] {
                let answer = try await browser.request(
                    .GET, "/api/v1/reviews/board?since=\(day)", headers: APITests().bearer(token))
                return ((try answer.json()["closedDeals"] as? [[String: Any]]) ?? []).compactMap {
                    $0["opportunityId"] as? String
                }
            }
            let lastWeek = LocalDate(clock.now.addingTimeInterval(-7 * 86_400), in: TimeZone(identifier: "UTC")!)
            #expect(!(try await board(since: lastWeek)).contains(open.id.description))
            #expect(try await board(since: closedOn).contains(open.id.description))
        }
    }

    @Test func ideaMovesAndProposalSignaturesAndDecisionsAreOnTheirTimelines() async throws {
        try await withDemoTandem { app, clock in
            let manager = try await Self.user(app, "manager@lumen.example")
            let sofia = try await Self.user(app, "sofia.sales@lumen.example")
            let paula = try await Self.user(app, "paula.project@lumen.example")
            let idea = try #require(try await app.stores.together.ideas.list().first { $0.status == .new })
            let ideas = Ideas(app.appEnvironment)
            _ = try await ideas.move(idea.id, to: .underReview, reason: "", by: manager)
            clock.advance(by: 60)
            _ = try await ideas.move(idea.id, to: .declined, reason: "The client portal already does it", by: manager)
            let onIdea = try await Self.events(RecordSubject(kind: .idea, id: idea.id.rawValue), app, as: sofia)
            #expect(onIdea.map(\.kind) == [.ideaMoved, .ideaMoved])
            #expect(
                onIdea[0].payload["to"] == "declined"
                    && onIdea[0].payload["reason"] == "The client portal already does it")
            #expect(onIdea[1].payload["from"] == "new" && onIdea[1].actorId == manager.id)

            let proposal = try #require(
                try await app.stores.together.proposals.list().first { $0.status == .open && $0.signatures.isEmpty })
            let proposals = Proposals(app.appEnvironment)
            _ = try await proposals.sign(proposal.id, by: sofia)
            clock.advance(by: 60)
            _ = try await proposals.sign(proposal.id, by: paula)
            clock.advance(by: 60)
            _ = try await proposals.decide(proposal.id, approve: true, reason: "Pays back within the year", by: manager)
            let onProposal = try await Self.events(
                RecordSubject(kind: .proposal, id: proposal.id.rawValue), app, as: sofia)
            #expect(onProposal.map(\.kind) == [.proposalDecided, .proposalSigned, .proposalSigned])
            #expect(onProposal.map(\.actorId) == [manager.id, paula.id, sofia.id])
            #expect(onProposal[0].payload["decision"] == "approved")
            #expect(onProposal[2].payload["side"] == "sales")

            var browser = Browser(app)
            _ = try await browser.signIn("sofia.sales@lumen.example", password: DemoSeed.password)
            let page = try await browser.get("/threads/idea/\(idea.id)/timeline")
            #expect(page.body.string.contains("declined the idea: The client portal already does it"))
        }
    }
}
