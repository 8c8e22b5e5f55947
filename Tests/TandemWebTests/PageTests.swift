import Foundation
import TandemDomain
import TandemPersistence
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Admin and profile pages")
struct PageTests {
    @Test func anAdminCreatesAUserWhoCanThenSignIn() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let created = try await admin.submit(
                "/settings/users/new",
                [
                    "displayName": "Nina Nilsson", "email": "nina@lumen.example",
                    "roles[]": "pm,sales", "password": "nina's password",
                ])
            #expect(created.status == .seeOther)
            let list = try await admin.get("/settings/users")
            #expect(list.body.string.contains("Nina Nilsson can now sign in."))
            #expect(list.body.string.contains("nina@lumen.example"))
            var nina = Browser(app)
            #expect(try await nina.signIn("nina@lumen.example", password: "nina's password").status == .seeOther)
            let stored = try #require(
                try await app.stores.users.find(email: try EmailAddress("nina@lumen.example")))
            #expect(stored.roles == [.pm, .sales])
        }
    }

    @Test func aBadUserFormKeepsWhatWasTypedAndSaysWhatIsWrong() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let response = try await admin.submit(
                "/settings/users/new", ["displayName": "Nina", "email": "admin@lumen.example", "password": "short"])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains(#"value="Nina""#))
            #expect(html.contains("Choose at least one role."))
            #expect(html.contains("Use at least 10 characters."))
            #expect(try await app.stores.users.count() == 1)
        }
    }

    @Test func aUserFormWithATakenEmailAddressSaysSo() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let duplicate = try await admin.submit(
                "/settings/users/new",
                [
                    "displayName": "Nina", "email": "ADMIN@lumen.example",
                    "roles[]": "pm", "password": "long enough pw",
                ])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("Another user already has this e-mail address."))
        }
    }

    @Test func adminsCannotRemoveTheirOwnAdminRole() async throws {
        try await withTandem { app, _ in
            let me = try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let demote = try await admin.submit(
                "/settings/users/\(me.id)", ["displayName": "Admin", "email": "admin@lumen.example", "roles[]": "pm"])
            #expect(demote.status == .unprocessableEntity)
            #expect(try await app.stores.users.find(id: me.id)?.roles == [.admin])
        }
    }

    @Test func adminsCannotDeactivateThemselves() async throws {
        try await withTandem { app, _ in
            let me = try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let deactivate = try await admin.submit(
                "/settings/users/\(me.id)", to: "/settings/users/\(me.id)/deactivate", [:])
            #expect(deactivate.status == .unprocessableEntity)
            #expect(try await app.stores.users.find(id: me.id)?.isActive == true)
        }
    }

    @Test func badHolidayLinesAreNamedAndWhatWasTypedIsKept() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let bad = try await admin.submit(
                "/settings/organisation",
                [
                    "name": "Lumen", "baseCurrency": "EUR", "timeZone": "Europe/Paris",
                    "defaultLocale": "fr", "workingDays[]": "mon,tue",
                    "holidays": "2026-12-25 Noël\n12/25/27 Noël",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Line 2: “12/25/27” can be read two ways."))
            #expect(bad.body.string.contains("2026-12-25 Noël"))
            #expect(try await app.stores.organisation.load().name != "Lumen")
        }
    }

    @Test func organisationSettingsAreSaved() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "admin@lumen.example", roles: [.admin])
            var admin = Browser(app)
            _ = try await admin.signIn("admin@lumen.example")
            let good = try await admin.submit(
                "/settings/organisation",
                [
                    "name": "Lumen", "baseCurrency": "chf", "timeZone": "Europe/Zurich",
                    "defaultLocale": "fr", "workingDays[]": "mon,tue,wed",
                    "holidays": "2026-12-25 Noël\n2027-01-01",
                ])
            #expect(good.status == .seeOther)
            let saved = try await app.stores.organisation.load()
            #expect(saved.baseCurrency.code == "CHF")
            #expect(saved.workingDays == [.mon, .tue, .wed])
            #expect(saved.holidays.count == 2)
            #expect(saved.defaultLocale == "fr")
        }
    }

    static let frenchOrganisationFields = [
        "name": "Lumen", "baseCurrency": "EUR", "timeZone": "Europe/Paris", "defaultLocale": "fr",
        "workingDays[]": "mon",
    ]

    /// An admin whose profile is in French, signed in.
    func frenchAdmin(_ app: Application) async throws -> Browser {
        let user = try await makeUser(app, "admin@lumen.example", roles: [.admin])
        try await app.stores.users.setLocale(user.id, "fr", at: app.tandem.clock())
        var admin = Browser(app)
        _ = try await admin.signIn("admin@lumen.example")
        return admin
    }

    @Test func holidayDatesAreReadInTheUsersOwnFormat() async throws {
        try await withTandem { app, _ in
            var admin = try await frenchAdmin(app)
            var french = Self.frenchOrganisationFields
            french["holidays"] = "25/12/2026 Noël\n2027-01-01 Jour de l'an"
            #expect(try await admin.submit("/settings/organisation", french).status == .seeOther)
            #expect(
                try await app.stores.organisation.load().holidays.map(\.date.description) == [
                    "2026-12-25", "2027-01-01",
                ])
        }
    }

    @Test func anImpossibleHolidayDateIsRefusedInTheUsersLanguage() async throws {
        try await withTandem { app, _ in
            var admin = try await frenchAdmin(app)
            var impossible = Self.frenchOrganisationFields
            impossible["holidays"] = "31/02/2027 Jamais"
            let refused = try await admin.submit("/settings/organisation", impossible)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Ligne 1 :"))
        }
    }

    @Test func managersSeeButCannotEditTheOrganisation() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "boss@lumen.example", roles: [.manager])
            var manager = Browser(app)
            _ = try await manager.signIn("boss@lumen.example")
            let page = try await manager.get("/settings/organisation")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<fieldset disabled>"))
            let post = try await manager.submit("/settings/organisation", ["name": "Mine"])
            #expect(post.status == .forbidden)
        }
    }

    @Test func theInterfaceSpeaksTheBrowsersLanguageBeforeSignIn() async throws {
        try await withTandem { app, _ in
            var french = Browser(app, language: "fr-CA,fr;q=0.8")
            let login = try await french.get("/login")
            #expect(login.body.string.contains(#"<html lang="fr">"#))
            #expect(login.body.string.contains("Connexion à Tandem"))
        }
    }

    @Test func theLanguageSwitcherSavesTheChoiceOnTheProfile() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var english = Browser(app)
            _ = try await english.signIn("ada@lumen.example")
            #expect(try await english.get("/").body.string.contains("Welcome"))
            let switched = try await english.submit("/", to: "/language", ["locale": "fr", "back": "/settings"])
            #expect(switched.location == "/settings")
            #expect(
                try await app.stores.users.find(email: try EmailAddress("ada@lumen.example"))?.locale == "fr"
            )
            #expect(try await english.get("/").body.string.contains("Bienvenue, Ada"))
        }
    }

    @Test func anUnknownLanguageIsRefused() async throws {
        try await withTandem { app, _ in
            let ada = try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var browser = Browser(app)
            _ = try await browser.signIn("ada@lumen.example")
            let unknown = try await browser.submit("/", to: "/language", ["locale": "xx"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(try await app.stores.users.find(id: ada.id)?.locale == nil)
        }
    }

    @Test func theProfileRefusesANewPasswordWithoutTheCurrentOne() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var ada = Browser(app)
            _ = try await ada.signIn("ada@lumen.example")
            let wrong = try await ada.submit(
                "/settings/profile",
                [
                    "locale": "", "timeZone": "Asia/Tokyo", "currentPassword": "nope",
                    "newPassword": "brand new password", "newPasswordConfirmation": "brand new password",
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("The current password is not correct."))
            var fresh = Browser(app)
            #expect(try await fresh.signIn("ada@lumen.example", password: "brand new password").status == .unauthorized)
        }
    }

    @Test func theProfileChangesThePasswordWithTheCurrentOne() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var ada = Browser(app)
            var otherDevice = Browser(app)
            _ = try await ada.signIn("ada@lumen.example")
            _ = try await otherDevice.signIn("ada@lumen.example")
            let right = try await ada.submit(
                "/settings/profile",
                [
                    "locale": "", "timeZone": "Asia/Tokyo", "currentPassword": "correct horse",
                    "newPassword": "brand new password", "newPasswordConfirmation": "brand new password",
                ])
            #expect(right.status == .seeOther)
            #expect(try await ada.get("/").status == .ok)  // this browser stays signed in
            #expect(try await otherDevice.get("/").status == .seeOther)  // other devices are signed out
            var fresh = Browser(app)
            #expect(try await fresh.signIn("ada@lumen.example", password: "brand new password").status == .seeOther)
        }
    }

    @Test func unknownPagesGetAFriendly404() async throws {
        try await withTandem { app, _ in
            var browser = Browser(app)
            let page = try await browser.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("Page not found"))
        }
    }

    @Test func theFriendly404KnowsTheSignedInUserAndTheirLanguage() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "ada@lumen.example", roles: [.pm])
            var french = Browser(app, language: "fr")
            _ = try await french.signIn("ada@lumen.example")
            let signedIn = try await french.get("/no/such/page")
            #expect(signedIn.status == .notFound)
            #expect(signedIn.body.string.contains("Page introuvable"))
            #expect(signedIn.body.string.contains("Ada"))  // the shell knows who is signed in
        }
    }

    func seedDemo(_ app: Application) async throws -> [DemoSeed.Login] {
        try await DemoSeed.run(on: app.db, hasher: app.password.async, clock: { Date(timeIntervalSince1970: 0) })
    }

    @Test func theDemoSeedCreatesItsPeopleAndOrganisation() async throws {
        try await withDemoTandem { app, _ in
            let logins = try await seedDemo(app)
            let users = try await app.stores.users.list()
            #expect(users.count == 9)
            #expect(logins.count == 9)
            #expect(users.filter { $0.has(.sales) }.count == 3)
            #expect(users.filter { $0.has(.pm) }.count == 3)
            #expect(try await app.stores.organisation.load().name == "Lumen Language Services")
        }
    }

    @Test func theDemoSeedRunsOnce() async throws {
        try await withTandem { app, _ in
            _ = try await seedDemo(app)
            let again = try await seedDemo(app)
            #expect(again.count == 9)  // the logins are listed again
            #expect(try await app.stores.users.count() == 9)  // nobody is created twice
        }
    }

    @Test func theDemoSeedsIdentifiersAreFixed() async throws {
        try await withDemoTandem { app, _ in
            let users = try await app.stores.users.list()
            #expect(
                users.first { $0.email.value == "admin@lumen.example" }?.id.description
                    == "00000000-0000-0000-0000-000000020000")
        }
    }

    @Test func demoPeopleSignInWithTheDemoPassword() async throws {
        try await withDemoTandem { app, _ in
            var browser = Browser(app)
            let response = try await browser.signIn("victor.vendor@lumen.example", password: DemoSeed.password)
            #expect(response.status == .seeOther)
        }
    }
}
