import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// Settings → Rate cards, Workflows and Pricing: who sees what, forms that keep what was typed and
/// put each error next to its field, an edit that makes a new version.
@Suite("Pricing pages")
struct PricingPageTests {
    static func signedIn(_ app: Application, _ email: String, roles: Set<Role>, language: String? = nil)
        async throws -> Browser
    {
        try await makeUser(app, email, roles: roles)
        var browser = Browser(app, language: language)
        _ = try await browser.signIn(email)
        return browser
    }

    static let newCard: [String: String] = [
        "name": "Lumen standard", "account": "", "currency": "EUR", "grid_context": "0", "grid_repetition": "10",
        "grid_100": "20", "grid_95-99": "40", "grid_85-94": "60", "grid_75-84": "80", "grid_50-74": "100",
        "grid_new": "100", "bound_high": "95", "bound_middle": "85", "bound_low": "75", "bound_lowest": "50",
        "price_0_source": "en", "price_0_target": "fr", "price_0_service": "translation", "price_0_unit": "word",
        "price_0_price": "0.12", "price_1_source": "", "price_1_target": "", "price_1_service": "",
        "price_1_unit": "word", "price_1_price": "", "price_2_source": "en", "price_2_target": "de",
        "price_2_service": "translation", "price_2_unit": "word", "price_2_price": "0.14", "minimum": "45",
        "pm_fee": "5", "tier_0_kind": "compression", "tier_0_limit": "50", "tier_0_surcharge": "50",
        "tier_1_kind": "weekend", "tier_1_limit": "", "tier_1_surcharge": "", "words_per_day": "", "lead_time_days": "",
        "version": "0",
    ]

    @Test func aManagerCreatesACardAndEditingMakesANewVersion() async throws {
        try await withTandem { app, _ in
            var mona = try await Self.signedIn(app, "mona@lumen.example", roles: [.manager])
            let list = try await mona.get("/settings/rate-cards")
            #expect(list.status == .ok && list.body.string.contains("/settings/rate-cards/new"))
            let created = try await mona.submit("/settings/rate-cards/new", to: "/settings/rate-cards", Self.newCard)
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let page = try await mona.get(path).body.string
            #expect(page.contains("Lumen standard") && page.contains("Version 1"))
            #expect(page.contains("0.14 EUR") && page.contains("€45.00"))

            var edit = Self.newCard
            edit["minimum"] = "60"
            edit["version"] = "1"
            let saved = try await mona.submit(path + "/edit", edit)
            #expect(saved.status == .seeOther)
            let latest = try await mona.get(path).body.string
            #expect(latest.contains("Version 2") && latest.contains("€60.00"))
            let old = try await mona.get(path + "?version=1").body.string
            #expect(old.contains("€45.00") && old.contains("older version"))
            // An edit from version 1 after version 2 was saved is refused, and says why.
            let stale = try await mona.submit(path + "/edit", edit)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("newer version"))
        }
    }

    @Test func errorsAreShownNextToTheirFieldsWithWhatWasTyped() async throws {
        try await withTandem { app, _ in
            var alex = try await Self.signedIn(app, "alex@lumen.example", roles: [.admin])
            var bad = Self.newCard
            bad["name"] = ""
            bad["grid_95-99"] = "140"
            bad["price_2_price"] = "abc"
            bad["tier_0_limit"] = ""
            let response = try await alex.submit("/settings/rate-cards/new", to: "/settings/rate-cards", bad)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains(#"id="name-error""#))
            #expect(html.contains(#"id="grid_95-99-error""#))
            // The form comes back with the prices given first: the second price is row 1.
            let row = try #require(html.range(of: #"name="price_1_price" value="abc""#))
            #expect(html[row.upperBound...].prefix(200).contains("field-error"))
            #expect(html.contains("not a number from 1 to 99"))
        }
    }

    @Test func salesReadsPricesButNotCostsAndCannotEdit() async throws {
        try await withTandem { app, _ in
            var alex = try await Self.signedIn(app, "alex@lumen.example", roles: [.admin])
            let created = try await alex.submit("/settings/rate-cards/new", to: "/settings/rate-cards", Self.newCard)
            let path = try #require(created.location)
            var sofia = try await Self.signedIn(app, "sofia@lumen.example", roles: [.sales])
            let page = try await sofia.get(path)
            #expect(page.status == .ok && !page.body.string.contains("/edit"))
            #expect(try await sofia.get(path + "/edit").status == .forbidden)
            #expect(try await sofia.get("/settings/pricing").status == .forbidden)
            #expect(!(try await sofia.get("/settings").body.string.contains("/settings/pricing")))
            #expect(try await sofia.get("/settings/workflows").status == .ok)
            var victor = try await Self.signedIn(app, "victor@lumen.example", roles: [.vendorManager])
            #expect(try await victor.get("/settings/rate-cards").status == .forbidden)
        }
    }

    @Test func adminsEditWorkflowsAndPricingSettingsInFrench() async throws {
        try await withTandem { app, _ in
            var alex = try await Self.signedIn(
                app, "alex@lumen.example", roles: [.admin], language: "fr-FR,fr;q=0.9")
            let page = try await alex.get("/settings/workflows")
            #expect(page.body.string.contains("Flux de travail"))
            let steps: [String: String] = [
                "version": "1", "step_0_service": "translation", "step_0_performer": "vendor", "step_0_unit": "word",
                "step_0_effort": "weighted-words", "step_1_service": "qa", "step_1_performer": "project-manager",
                "step_1_unit": "hour", "step_1_effort": "fixed", "step_1_hours": "1,5",
            ]
            let saved = try await alex.submit("/settings/workflows", to: "/settings/workflows/translation", steps)
            #expect(saved.status == .seeOther)
            #expect(try await alex.get("/settings/workflows").body.string.contains("par le chef de projet, 1,5 h"))
            var noHours = steps
            noHours["step_1_hours"] = ""
            noHours["version"] = "2"
            let refused = try await alex.submit("/settings/workflows", to: "/settings/workflows/translation", noHours)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Une étape interne demande une durée"))

            let settings = try await alex.get("/settings/pricing")
            #expect(settings.status == .ok && settings.body.string.contains("Grille d’effort"))
            var form: [String: String] = [
                "version": "1", "costPerWord": "0,075", "costPerPage": "6", "costPerHour": "40", "marginFloor": "35",
                "wordsPerDay": "2000", "leadTimeDays": "1",
            ]
            for band in MatchBand.allCases { form["effort_\(band.rawValue)"] = band == .exact ? "20" : "100" }
            let stored = try await alex.submit("/settings/pricing", form)
            #expect(stored.status == .seeOther)
            #expect(try await app.stores.pricing.settings.load().defaultCostRates.perWord == Decimal(string: "0.075"))
            form["marginFloor"] = "cent"
            form["version"] = "2"
            let bad = try await alex.submit("/settings/pricing", form)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#"id="marginFloor-error""#))
        }
    }
}
