import Foundation
import TandemApp
import TandemDomain
import Testing

@Suite("Briefs, activities, contacts and assets")
struct ClientWorkTests {
    static func brief(problems: String, criteria: [(String, Int)] = [("Quality", 70), ("Price", 30)]) -> ClientBrief {
        var brief = ClientBrief()
        brief.problems = problems
        brief.objectives = "Launch in Germany"
        brief.buyingCriteria = criteria.map { .init(name: $0.0, weight: $0.1) }
        brief.qualityExpectations = "ISO 17100"
        return brief
    }

    @Test func everyBriefChangeKeepsAVersionAndTheDiffShowsLines() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let account = try await f.account("Nordlicht Medical", by: sofia)
            let briefs = ClientBriefs(f.env)
            let first = try await briefs.saveAccountBrief(
                Self.brief(problems: "Slow reviews\nNo termbase"), of: account.id, expectedVersion: 0, by: sofia)
            #expect(first.number == 1 && first.content.isComplete)
            f.advance(days: 2)
            let same = try await briefs.saveAccountBrief(first.content, of: account.id, expectedVersion: 1, by: sofia)
            #expect(same.number == 1)  // nothing changed, nothing stored
            let second = try await briefs.saveAccountBrief(
                Self.brief(problems: "Slow reviews\nThree vendors", criteria: [("Quality", 50), ("Speed", 50)]),
                of: account.id, expectedVersion: 1, by: sofia)
            #expect(second.number == 2)
            #expect(second.createdAt > first.createdAt)
            let diff = try await briefs.diff(of: .account(account.id), from: 1, to: 2, for: sofia)
            #expect(diff.changes.map(\.part) == [.problems, .buyingCriteria])
            #expect(
                diff.changes[0].lines == [.same("Slow reviews"), .removed("No termbase"), .added("Three vendors")])
            #expect(try await briefs.versions(of: .account(account.id), for: sofia).map(\.number) == [1, 2])
        }
    }

    @Test func pmsWriteProductionNotesOnlyAndIncompleteBriefsSayWhatIsMissing() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let account = try await f.account("Kestrel Games", by: sofia)
            let briefs = ClientBriefs(f.env)
            var partial = ClientBrief()
            partial.problems = "Patch notes every week"
            let v1 = try await briefs.saveAccountBrief(partial, of: account.id, expectedVersion: nil, by: sofia)
            #expect(v1.content.missingParts == [.objectives, .buyingCriteria, .qualityExpectations])
            let v2 = try await briefs.saveProductionNotes(
                "Game glossary in Phrase", on: .account(account.id), owner: sofia.id, expectedVersion: 1, by: paula)
            #expect(v2.content.productionNotes == "Game glossary in Phrase")
            #expect(v2.content.problems == "Patch notes every week")
            await #expect(throws: DomainError.self) {
                try await briefs.saveAccountBrief(
                    Self.brief(problems: "PM"), of: account.id, expectedVersion: 2, by: paula)
            }
        }
    }

    @Test func anOpportunityBriefOverridesItsAccountBriefPartByPart() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let account = try await f.account("Helvetia Insurance", by: sofia)
            let briefs = ClientBriefs(f.env)
            _ = try await briefs.saveAccountBrief(
                Self.brief(problems: "General problems"), of: account.id, expectedVersion: nil, by: sofia)
            let opportunity = UUID(uuidString: "00000000-0000-0000-0000-00000000ab01")!
            var overrides = ClientBrief()
            overrides.risks = "Tight launch date"
            overrides.objectives = "Launch the app in Italian"
            _ = try await briefs.save(
                overrides, on: .opportunity(opportunity), owner: sofia.id, expectedVersion: 0, by: sofia)
            let effective = try await briefs.effectiveBrief(opportunity: opportunity, account: account.id)
            #expect(effective.content.problems == "General problems")
            #expect(effective.content.objectives == "Launch the app in Italian")
            #expect(effective.content.risks == "Tight launch date")
            #expect(effective.overriddenParts == [.objectives, .risks])
            #expect(effective.isComplete)
            #expect(effective.accountVersion == 1 && effective.opportunityVersion == 1)
        }
    }

    @Test func overdueNextStepsAreTheOwnersOpenOnesBeforeToday() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let samuel = try await f.user("samuel@lumen.example", [.sales])
            let account = try await f.account("Brightpath Software", by: sofia)
            let activities = ClientActivities(f.env)
            func log(_ text: String, due: String, owner: User.ID? = nil) async throws -> Activity {
                try await activities.logOnAccount(
                    account.id,
                    .init(kind: "call", text: text, nextStep: "Follow up", nextStepDue: due, ownerId: owner),
                    by: sofia)
            }
            let late = try await log("late", due: "2026-11-10")
            _ = try await log("today", due: "2026-11-18")
            _ = try await log("samuel's", due: "2026-11-01", owner: samuel.id)
            let done = try await log("done", due: "2026-11-05")
            _ = try await activities.setDone(done.id, true, by: sofia)
            // On an opportunity too: the subject is generic.
            let onOpportunity = try await activities.log(
                on: .opportunity(UUID(uuidString: "00000000-0000-0000-0000-00000000ab02")!),
                .init(kind: "email", text: "Sent the proposal", nextStep: "Call back", nextStepDue: "2026-11-12"),
                by: sofia)
            let today = try LocalDate(iso: "2026-11-18")
            let overdue = try await activities.overdueNextSteps(of: sofia.id, today: today)
            #expect(overdue.map(\.id) == [late.id, onOpportunity.id])
            #expect(try await activities.overdueNextSteps(of: samuel.id, today: today).count == 1)
            await #expect(throws: DomainError.self) { try await activities.setDone(late.id, true, by: samuel) }
        }
    }

    @Test func erasingAContactAnonymisesItAndRecordsWhoAndWhen() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let account = try await f.account("Élan Légal", by: sofia)
            let contacts = ContactManagement(f.env)
            let greta = try await contacts.create(
                on: account.id,
                .init(name: "Greta Brandt", jobTitle: "GC", email: "greta@elan.example", preferredLanguage: "de"),
                by: sofia)
            let export = try await contacts.export(greta.id, by: sofia)
            #expect(export.contact.email == "greta@elan.example" && export.accountName == "Élan Légal")
            f.advance(days: 1)
            let erased = try await contacts.erase(greta.id, by: sofia)
            #expect(erased.name == Contact.erasedName && erased.email.isEmpty && erased.preferredLanguage == nil)
            #expect(erased.erasedBy == sofia.id && erased.erasedAt == f.env.now)
            #expect(try await contacts.contacts(of: account.id, for: sofia).count == 1)
        }
    }

    @Test func assetsKeepTheirFileUnderASafeName() async throws {
        try await ClientFixture.run { f in
            let sofia = try await f.user("sofia@lumen.example", [.sales])
            let paula = try await f.user("paula@lumen.example", [.pm])
            let account = try await f.account("Nordlicht Medical", by: sofia)
            let files = MemoryFiles()
            let assets = ClientAssets(f.env, files: files)
            let tm = try await assets.add(
                to: account.id,
                .init(
                    kind: "translation-memory", title: "", languages: ["en", "de-DE"],
                    fileName: "../../etc/Medical TM.tmx",
                    data: Data("<tmx/>".utf8)), by: paula)
            #expect(tm.fileName == "Medical_TM.tmx" && tm.title == "Medical_TM.tmx" && tm.size == 6)
            #expect(await files.keys == ["client-assets/\(account.id)/\(tm.id)-Medical_TM.tmx"])
            #expect(try await assets.download(tm.id, for: sofia).1 == Data("<tmx/>".utf8))
            let tooBig = await #expect(throws: ValidationErrors.self) {
                try await assets.add(
                    to: account.id,
                    .init(
                        kind: "termbase", title: "Big", fileName: "big.tbx",
                        data: Data(count: ClientAssets.maximumSize + 1)),
                    by: sofia)
            }
            #expect(tooBig?.errors.map(\.field) == ["file"])
            #expect(ClientAsset.safeFileName(".htaccess") == "htaccess")
            #expect(ClientAsset.safeFileName("C:\\Users\\x\\Style guide (v2).pdf") == "Style_guide__v2_.pdf")
        }
    }
}

actor MemoryFiles: AssetFiles {
    var stored: [String: Data] = [:]
    var keys: [String] { stored.keys.sorted() }
    func write(_ data: Data, key: String) async throws { stored[key] = data }
    func read(key: String) async throws -> Data { stored[key] ?? Data() }
    func delete(key: String) async throws { stored[key] = nil }
}
