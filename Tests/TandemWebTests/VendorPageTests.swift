import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Vendor pages")
struct VendorPageTests {
    func signedIn(_ app: Application, _ email: String, _ roles: Set<Role>) async throws -> Browser {
        try await makeUser(app, email, roles: roles)
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        return browser
    }

    func seedVendor(_ app: Application) async throws -> VendorProfile {
        let vendor = VendorProfile(
            id: VendorProfile.ID(UUID()), name: "Aiko Tanaka", email: try EmailAddress("aiko@vendors.example"),
            timeZone: "Asia/Tokyo", createdAt: app.tandem.clock())
        let pair = LanguagePair(source: try LanguageTag("en"), target: try LanguageTag("ja"))
        try await app.stores.vendors.createMany(
            [vendor],
            capabilities: [
                VendorCapability(
                    id: .init(UUID()), vendorID: vendor.id, pair: pair, service: .translation,
                    throughput: .wordsPerHour(250), approval: CapabilityApproval(approved: true, testPassed: true))
            ],
            rates: [
                VendorRate(
                    id: .init(UUID()), vendorID: vendor.id, pair: pair, service: .translation, unit: .word,
                    price: Money(18, try CurrencyCode("JPY")), validFrom: try LocalDate(iso: "2026-01-01"))
            ])
        return vendor
    }

    @Test func pmsSeeTheListAndVendorPageButSalesDoesNot() async throws {
        try await withTandem { app, _ in
            let vendor = try await seedVendor(app)
            var pm = try await signedIn(app, "paula@lumen.example", [.pm])
            let list = try await pm.get("/vendors?source=en&target=ja")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("Aiko Tanaka"))
            #expect(!list.body.string.contains("id=\"vendor-new\""))
            let filtered = try await pm.get("/vendors?target=de")
            #expect(!filtered.body.string.contains("Aiko Tanaka"))
            let page = try await pm.get("/vendors/\(vendor.id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("en → ja"))
            #expect(page.body.string.contains("vendor-load-timeline-slot"))
            #expect(!page.body.string.contains("vendor-absence-form"))
            #expect(try await pm.get("/vendors/new").status == .forbidden)
            var sales = try await signedIn(app, "sofia@lumen.example", [.sales])
            for path in ["/vendors", "/vendors/\(vendor.id)", "/vendors/export.csv", "/vendors/import"] {
                let refused = try await sales.get(path)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(!refused.body.string.contains("Aiko"))
            }
            let bad = try await pm.get("/vendors?status=retired")
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test func aVendorManagerCreatesEditsAndAddsAnAbsence() async throws {
        try await withTandem { app, _ in
            var manager = try await signedIn(app, "vera@lumen.example", [.vendorManager])
            let bad = try await manager.submit(
                "/vendors/new", ["name": "", "timeZone": "Europe/Pariss", "hours[mon]": "17:00-09:00", "target": "fr"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Europe/Pariss"))
            #expect(bad.body.string.contains("aria-invalid=\"true\""))
            let created = try await manager.submit(
                "/vendors/new",
                [
                    "name": "Camille Durand", "kind": "freelance", "timeZone": "Europe/Paris", "status": "approved",
                    "hours[mon]": "09:00-12:30, 13:30-17:00", "hours[tue]": "09:00-17:00", "source": "en",
                    "target": "fr",
                    "service": "translation", "wordsPerHour": "300", "rate": "0.08", "rateUnit": "word",
                    "currency": "EUR",
                ])
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            let page = try await manager.get(location)
            #expect(page.body.string.contains("Camille Durand"))
            #expect(page.body.string.contains("09:00-12:30, 13:30-17:00"))
            let id = String(location.split(separator: "/").last!)
            let wrong = try await manager.submit(
                location, to: "\(location)/absences", ["from": "2026-12-02T09:00", "to": "2026-12-01T09:00"])
            #expect(wrong.status == .unprocessableEntity)
            let absence = try await manager.submit(
                location, to: "\(location)/absences",
                ["from": "2026-12-01T09:00", "to": "2026-12-01T13:00", "reason": "Dentist"])
            #expect(absence.status == .seeOther)
            let stored = try await app.stores.vendorSchedule.absences(
                of: VendorProfile.ID(uuidString: id), overlapping: nil)
            #expect(stored.count == 1)
            // The user follows the organisation's zone (UTC in a fresh workspace): 09:00 is 09:00Z.
            #expect(stored.first?.from == APIInstant.parse("2026-12-01T09:00:00Z"))
            let edited = try await manager.submit(
                "\(location)/edit",
                [
                    "name": "Camille Durand-Roux", "timeZone": "Europe/Paris", "version": "1", "qualityScore": "90",
                    "currency": "EUR", "parallelWorkers": "1",
                ])
            #expect(edited.status == .seeOther)
            #expect(try await app.stores.vendors.find(id: VendorProfile.ID(uuidString: id)!)?.qualityScore == 90)
            let stale = try await manager.submit(
                "\(location)/edit", ["name": "X", "timeZone": "Europe/Paris", "version": "1", "currency": "EUR"])
            #expect(stale.status == .conflict)
            let notANumber = try await manager.submit(
                "\(location)/edit", ["name": "", "timeZone": "Europe/Paris", "qualityScore": "high", "currency": "EUR"])
            #expect(notANumber.status == .unprocessableEntity)
            #expect(notANumber.body.string.contains("“high”"))
            #expect(notANumber.body.string.contains("id=\"name\" name=\"name\" required value=\"\" aria-invalid"))
        }
    }

    @Test func theImportShowsRowErrorsThenImportsEverything() async throws {
        try await withTandem { app, _ in
            var manager = try await signedIn(app, "vera@lumen.example", [.vendorManager])
            let good =
                "name,time_zone,source,target,service,throughput,rate\nAnna,Europe/Berlin,en,de,translation,350,0.09\nBruno,Europe/Rome,en,it,translation,320,0.08\n"
            let bad = good.replacingOccurrences(of: "Europe/Rome", with: "Europe/Romee")
            let mapping = try await manager.submit("/vendors/import", ["csv": bad])
            #expect(mapping.status == .ok)
            #expect(mapping.body.string.contains("id=\"vendor-import-mapping\""))
            let fields = [
                "csv": bad, "map[name]": "0", "map[time_zone]": "1", "map[source]": "2", "map[target]": "3",
                "map[service]": "4", "map[throughput]": "5", "map[rate]": "6",
            ]
            let rejected = try await manager.submit("/vendors/import", to: "/vendors/import/confirm", fields)
            #expect(rejected.status == .unprocessableEntity)
            #expect(rejected.body.string.contains("Row 3, column time_zone"))
            #expect(try await app.stores.vendors.count() == 0)
            var fixed = fields
            fixed["csv"] = good
            let preview = try await manager.submit("/vendors/import", to: "/vendors/import/mapping", fixed)
            #expect(preview.body.string.contains("id=\"vendor-import-confirm\""))
            let done = try await manager.submit("/vendors/import", to: "/vendors/import/confirm", fixed)
            #expect(done.status == .seeOther)
            #expect(try await app.stores.vendors.count() == 2)
            let export = try await manager.get("/vendors/export.csv")
            #expect(export.headers.contentType?.subType == "csv")
            #expect(export.body.string.hasPrefix("name,kind,email"))
            #expect(export.body.string.contains("Bruno"))
        }
    }
}
