import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The Together pages on the demo step's data, for each side and in both languages: the demo
/// tells its story (every idea state, one reviewed proposal, a cross-functional group, carried-over
/// action items, a year of shadowing), and the decide buttons stay disabled until both sides signed.
@Suite("Working together pages and demo")
struct TogetherPageTests {
    static let people: [(String, Set<Role>)] = [
        ("admin", [.admin]), ("manager", [.manager]), ("sofia.sales", [.sales]), ("samuel.sauer", [.sales]),
        ("sara.lindqvist", [.sales]), ("paula.project", [.pm]), ("pierre.durand", [.pm]),
        ("priya.natarajan", [.pm]), ("victor.vendor", [.vendorManager]),
    ]

    /// The demo's people with the demo's IDs, then the together step.
    static func seed(_ app: Application, now: Date) async throws {
        let hash = try await app.password.async.hash("correct horse")
        for (index, person) in people.enumerated() {
            _ = try await app.stores.users.create(
                try NewUser(
                    email: try EmailAddress("\(person.0)@lumen.example"), displayName: person.0.capitalized,
                    roles: person.1, passwordHash: hash),
                id: TogetherDemo.person(index), at: now)
        }
        try await TogetherDemo.seed(app.stores, ids: .sequential(startingAt: 0x70_0000), now: now)
    }

    @Test func theDemoStepTellsTheStory() async throws {
        try await withTandem { app, clock in
            try await Self.seed(app, now: clock.now)
            let together = app.stores.together
            let ideas = try await together.ideas.list()
            #expect(ideas.count == 12 && Set(ideas.map(\.status)) == Set(IdeaStatus.allCases))
            #expect(ideas.allSatisfy { $0.votes > 0 })
            let proposals = try await together.proposals.list()
            #expect(proposals.count == 3)
            #expect(proposals.filter { $0.benefitReview != nil && $0.status == .approved }.count == 1)
            #expect(proposals.filter { $0.status == .open }.map(\.hasCoSignatures) == [false, false])
            let env = app.appEnvironment
            let manager = try #require(try await app.stores.users.find(id: TogetherDemo.morgan))
            let groups = try await WorkingGroups(env).list(by: manager)
            #expect(groups.map(\.crossFunctional).sorted { !$0 && $1 } == [false, true])
            let meetings = try await together.reviews.list()
            #expect(meetings.count == 3)
            let latest = try await ReviewMeetings(env).detail(meetings[0].id, timeZone: .gmt, by: manager)
            #expect(!latest.carried.isEmpty)
            let team = try await Shadowing(env).team(by: manager).tally
            #expect(team.quarters.count >= 4 && team.rows.reduce(0) { $0 + $1.total } > 15)
        }
    }

    @Test(arguments: ["en", "fr"])
    func everyPageRendersForEachSide(language: String) async throws {
        try await withTandem { app, clock in
            try await Self.seed(app, now: clock.now)
            let proposals = try await app.stores.together.proposals.list()
            let open = try #require(proposals.first { $0.status == .open && !$0.signatures.isEmpty })
            let idea = try #require(try await app.stores.together.ideas.list().first)
            let group = try #require(try await app.stores.together.groups.list().first)
            let meeting = try #require(try await app.stores.together.reviews.list().first)
            let pages = [
                "/together", "/together/review", "/together/review/meetings/\(meeting.id)", "/together/ideas",
                "/together/ideas/\(idea.id)", "/together/proposals", "/together/proposals/new",
                "/together/proposals/\(open.id)", "/together/groups", "/together/groups/\(group.id)",
                "/together/shadowing",
            ]
            for email in ["sofia.sales", "manager", "paula.project"] {
                var browser = Browser(app, language: language)
                _ = try await browser.signIn("\(email)@lumen.example")
                for page in pages {
                    let response = try await browser.get(page)
                    #expect(response.status == .ok, "\(email) \(page)")
                    #expect(!response.body.string.contains("#t("), "\(email) \(page)")
                }
                let proposal = try await browser.get("/together/proposals/\(open.id)").body.string
                if email == "manager" {
                    #expect(proposal.contains(#"id="decide-approve" disabled"#))
                    let team = try await browser.get("/together/shadowing").body.string
                    #expect(team.contains("<svg class=\"team-chart\""))
                } else {
                    #expect(!proposal.contains(#"id="decide-approve""#))
                }
            }
            var victor = Browser(app, language: language)
            _ = try await victor.signIn("victor.vendor@lumen.example")
            #expect(try await victor.get("/together/review").status == .forbidden)
            #expect(try await victor.get("/together/ideas").status == .ok)
        }
    }

    @Test func aManagerApprovesOnceBothSidesSignedThroughThePages() async throws {
        try await withTandem { app, clock in
            try await Self.seed(app, now: clock.now)
            let proposals = try await app.stores.together.proposals.list()
            let open = try #require(proposals.first { $0.status == .open && $0.signatures.count == 1 })
            let path = "/together/proposals/\(open.id)"
            var manager = Browser(app)
            _ = try await manager.signIn("manager@lumen.example")
            let early = try await manager.submit(path, to: path + "/decide", ["decision": "approve", "reason": "Go"])
            #expect(early.status == .unprocessableEntity)
            var pm = Browser(app)
            _ = try await pm.signIn("pierre.durand@lumen.example")
            #expect(try await pm.submit(path, to: path + "/sign", [:]).status == .seeOther)
            let page = try await manager.get(path).body.string
            #expect(page.contains(#"id="decide-approve">"#))
            let noReason = try await manager.submit(path, to: path + "/decide", ["decision": "approve", "reason": " "])
            #expect(noReason.status == .unprocessableEntity)
            let approved = try await manager.submit(
                path, to: path + "/decide", ["decision": "approve", "reason": "Go"])
            #expect(approved.status == .seeOther)
            #expect(try await app.stores.together.proposals.find(id: open.id)?.status == .approved)
        }
    }
}
