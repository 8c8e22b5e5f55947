import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Accounts pages")
struct AccountPagesTests {
    func browser(_ app: Application, _ email: String, language: String? = nil) async throws -> Browser {
        var browser = Browser(app, language: language)
        _ = try await browser.signIn(email)
        return browser
    }

    @Test func theListFiltersByTheURLAndVendorManagersSeeNothing() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            _ = try await cast.account(app, "Nordlicht Medical")
            _ = try await cast.account(app, "Kestrel Games", by: cast.samuel)
            var sofia = try await browser(app, "sofia@lumen.example")
            let all = try await sofia.get("/accounts")
            #expect(all.status == .ok)
            #expect(all.body.string.contains("Nordlicht Medical") && all.body.string.contains("Kestrel Games"))
            let filtered = try await sofia.get("/accounts?q=kestrel")
            #expect(filtered.body.string.contains("Kestrel Games") && !filtered.body.string.contains("Nordlicht"))
            let mine = try await sofia.get("/accounts?ownerId=\(cast.sofia.user.id)")
            #expect(mine.body.string.contains("Nordlicht") && !mine.body.string.contains("Kestrel"))
            var victor = try await browser(app, "victor@lumen.example")
            #expect(try await victor.get("/accounts").status == .forbidden)
            #expect(try await victor.get("/accounts/new").status == .forbidden)
        }
    }

    @Test(arguments: ["en", "fr"])
    func aNearDuplicateIsWarnedAboutThenCreatedAnyway(language: String) async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            _ = try await cast.account(app, "Acme Corporation")
            var sofia = try await browser(app, "sofia@lumen.example", language: language)
            let warned = try await sofia.submit("/accounts/new", ["name": "ACME Corp", "currency": "EUR"])
            #expect(warned.status == .conflict)
            #expect(warned.body.string.contains("Acme Corporation"))
            #expect(warned.body.string.contains(#"name="confirmDuplicate" value="1""#))
            #expect(warned.body.string.contains(language == "fr" ? "Créer quand même" : "Create anyway"))
            #expect(warned.body.string.contains(#"value="ACME Corp""#))  // what was typed stays
            let created = try await sofia.submit(
                "/accounts/new", ["name": "ACME Corp", "currency": "EUR", "confirmDuplicate": "1"])
            #expect(created.status == .seeOther)
            let page = try await sofia.get(try #require(created.location))
            #expect(page.status == .ok && page.body.string.contains("ACME Corp"))
        }
    }

    @Test func badInputIsShownNextToItsFieldAndPMsMayNotCreate() async throws {
        try await withTandem { app, _ in
            _ = try await ClientCast.make(app)
            var sofia = try await browser(app, "sofia@lumen.example")
            let bad = try await sofia.submit("/accounts/new", ["name": "", "currency": "EUX", "website": "a b"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#"id="name-error""#))
            #expect(bad.body.string.contains(#"id="currency-error""#))
            #expect(bad.body.string.contains(#"id="website-error""#))
            var paula = try await browser(app, "paula@lumen.example")
            #expect(try await paula.get("/accounts/new").status == .forbidden)
        }
    }

    @Test func theOwnerEditsAndAStaleFormIsRefused() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let id = try await cast.account(app, "Nordlicht Medical")
            var sofia = try await browser(app, "sofia@lumen.example")
            let form = try await sofia.get("/accounts/\(id)/edit")
            #expect(form.status == .ok)
            let saved = try await sofia.submit(
                "/accounts/\(id)/edit",
                [
                    "name": "Nordlicht Medical", "currency": "EUR", "status": "active", "tier": "A", "version": "1",
                    "purchaseOrderRequired": "on", "frameworkThroughput": "de=2000", "frameworkLeadTimeDays": "2",
                ])
            #expect(saved.status == .seeOther)
            let account = try #require(try await app.stores.accounts.find(id: Account.ID(uuidString: id)!))
            #expect(account.status == .active && account.terms.purchaseOrderRequired)
            #expect(account.terms.framework?.leadTimeDays == 2)
            let stale = try await sofia.submit(
                "/accounts/\(id)/edit", ["name": "Nordlicht", "currency": "EUR", "version": "1"])
            #expect(stale.status == .unprocessableEntity)
            var samuel = try await browser(app, "samuel@lumen.example")
            #expect(try await samuel.get("/accounts/\(id)/edit").status == .forbidden)
            #expect(try await samuel.get("/accounts/\(id)").status == .ok)
            var victor = try await browser(app, "victor@lumen.example")
            #expect(try await victor.get("/accounts/\(id)").status == .forbidden)
        }
    }

    @Test func salesWritesStatementsPMsProductionNotesAndTheHistoryShowsTheDiff() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let id = try await cast.account(app, "Helvetia Insurance")
            var sofia = try await browser(app, "sofia@lumen.example")
            let first = try await sofia.submit(
                "/accounts/\(id)/brief",
                [
                    "version": "0", "problems": "Slow reviews", "objectives": "Four languages",
                    "buyingCriteria": "Quality = 60\r\nPrice = 40", "qualityExpectations": "ISO 17100",
                    "productionNotes": "ignored: not a PM",
                ])
            #expect(first.status == .seeOther)
            var paula = try await browser(app, "paula@lumen.example")
            let notes = try await paula.submit(
                "/accounts/\(id)/brief",
                ["version": "1", "problems": "PM tries to change this", "productionNotes": "Use the 2025 termbase"])
            #expect(notes.status == .seeOther)
            let latest = try #require(try await app.stores.briefs.latest(of: .account(Account.ID(uuidString: id)!)))
            #expect(latest.number == 2)
            #expect(latest.content.problems == "Slow reviews")
            #expect(latest.content.productionNotes == "Use the 2025 termbase")
            #expect(latest.content.buyingCriteria?.map(\.weight) == [60, 40])
            let badWeight = try await sofia.submit(
                "/accounts/\(id)/brief", ["version": "2", "buyingCriteria": "Quality = lots"])
            #expect(badWeight.status == .unprocessableEntity)
            let history = try await sofia.get("/accounts/\(id)/brief/history")
            #expect(history.status == .ok)
            #expect(history.body.string.contains("diff-added"))
            #expect(history.body.string.contains("Use the 2025 termbase"))
            let page = try await paula.get("/accounts/\(id)")
            #expect(page.body.string.contains("✓"))
            var victor = try await browser(app, "victor@lumen.example")
            #expect(try await victor.get("/accounts/\(id)/brief").status == .forbidden)
            var samuel = try await browser(app, "samuel@lumen.example")
            let other = try await samuel.submit("/accounts/\(id)/brief", ["version": "2", "problems": "x"])
            #expect(other.status == .forbidden)
        }
    }

    @Test func contactsAreAddedExportedAndErasedFromTheirPage() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let id = try await cast.account(app, "Kestrel Games")
            var sofia = try await browser(app, "sofia@lumen.example")
            let added = try await sofia.submit(
                "/accounts/\(id)", to: "/accounts/\(id)/contacts",
                ["name": "Jonas Weber", "email": "jonas@kestrel.example", "buyingRole": "buyer"])
            #expect(added.status == .seeOther)
            let bad = try await sofia.submit(
                "/accounts/\(id)", to: "/accounts/\(id)/contacts", ["name": "", "email": "nope"])
            #expect(bad.status == .seeOther)  // back to the account page, with the errors in a flash message
            let contacts = try await app.stores.contacts.list(accountId: Account.ID(uuidString: id)!)
            #expect(contacts.count == 1)
            let contact = try #require(contacts.first)
            let page = try await sofia.get("/contacts/\(contact.id)")
            #expect(page.status == .ok && page.body.string.contains("jonas@kestrel.example"))
            let export = try await sofia.get("/contacts/\(contact.id)/export")
            #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(export.body.string.contains("jonas@kestrel.example"))
            var samuel = try await browser(app, "samuel@lumen.example")
            #expect(try await samuel.get("/contacts/\(contact.id)/export").status == .forbidden)
            let erased = try await sofia.submit("/contacts/\(contact.id)", to: "/contacts/\(contact.id)/erase", [:])
            #expect(erased.status == .seeOther)
            let after = try await sofia.get("/contacts/\(contact.id)")
            #expect(!after.body.string.contains("jonas@kestrel.example"))
            #expect(after.body.string.contains("Sofia"))  // who erased it
        }
    }

    @Test func activitiesAreLoggedAndTickedOffAndAssetsUploadedAndDownloaded() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let id = try await cast.account(app, "Brightpath Software")
            var sofia = try await browser(app, "sofia@lumen.example")
            let logged = try await sofia.submit(
                "/accounts/\(id)", to: "/accounts/\(id)/activities",
                ["kind": "call", "text": "Intro call", "nextStep": "Send deck", "nextStepDue": "2026-11-10"])
            #expect(logged.status == .seeOther)
            let page = try await sofia.get("/accounts/\(id)")
            #expect(page.body.string.contains("badge-danger"))  // overdue: the test clock is 2026-11-18
            let activity = try #require(
                try await app.stores.activities.list(subject: .account(Account.ID(uuidString: id)!)).first)
            var samuel = try await browser(app, "samuel@lumen.example")
            let notHis = try await samuel.submit("/accounts/\(id)", to: "/activities/\(activity.id)/done", [:])
            #expect(notHis.status == .forbidden)
            _ = try await sofia.submit("/accounts/\(id)", to: "/activities/\(activity.id)/done", [:])
            #expect(try await app.stores.activities.find(id: activity.id)?.isDone == true)
            // A multipart upload, as the browser sends it.
            let form = try await sofia.get("/accounts/\(id)")
            let boundary = "----tandem"
            var body = ""
            for (name, value) in [("_csrf", Browser.csrf(in: form.body.string)), ("kind", "termbase"), ("title", "")] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../Game terms.tbx\"\r\n"
            body += "Content-Type: application/octet-stream\r\n\r\n<martif/>\r\n--\(boundary)--\r\n"
            let uploaded = try await sofia.send(
                .POST, "/accounts/\(id)/assets",
                headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
            #expect(uploaded.status == .seeOther)
            let asset = try #require(
                try await app.stores.clientAssets.list(accountId: Account.ID(uuidString: id)!).first)
            #expect(asset.fileName == "Game_terms.tbx" && asset.size == 9)
            let download = try await sofia.get("/assets/\(asset.id)")
            #expect(download.body.string == "<martif/>")
            var victor = try await browser(app, "victor@lumen.example")
            #expect(try await victor.get("/assets/\(asset.id)").status == .forbidden)
        }
    }
}
