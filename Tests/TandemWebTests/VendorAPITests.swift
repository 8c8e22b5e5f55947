import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Vendor API")
struct VendorAPITests {
    static let contractBody = """
        {"name": "Camille Durand", "timeZone": "Europe/Paris",
         "workingHours": {"mon": ["09:00-12:30", "13:30-17:00"], "tue": ["09:00-17:00"]},
         "pairs": [{"source": "en", "target": "fr", "services": {"translation": {"wordsPerHour": 300}},
                    "rates": [{"service": "translation", "unit": "word", "price": {"amount": "0.08", "currency": "EUR"}}]}]}
        """

    func token(_ app: Application, _ email: String, roles: Set<Role>) async throws -> HTTPHeaders {
        try await makeUser(app, email, roles: roles)
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        let page = try await browser.submit("/settings/profile/tokens", ["name": "script"])
        let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return ["Authorization": "Bearer \(page.body.string[match])"]
    }

    @Test func aVendorManagerCreatesAVendorAsTheContractSays() async throws {
        try await withTandem { app, _ in
            let manager = try await token(app, "vera@lumen.example", roles: [.vendorManager])
            var client = Browser(app)
            let created = try await client.request(.POST, "/api/v1/vendors", json: Self.contractBody, headers: manager)
            #expect(created.status == .created)
            let body = try created.json()
            let id = try #require(body["id"] as? String)
            #expect(created.location == "/api/v1/vendors/\(id)")
            #expect(body["status"] as? String == "approved")
            #expect((body["workingHours"] as? [String: [String]])?["mon"] == ["09:00-12:30", "13:30-17:00"])
            let pair = try #require((body["pairs"] as? [[String: Any]])?.first)
            let translation = try #require((pair["services"] as? [String: [String: Any]])?["translation"])
            #expect(translation["approved"] as? Bool == true)
            #expect(translation["wordsPerHour"] as? String == "300")
            let rate = try #require((pair["rates"] as? [[String: Any]])?.first)
            #expect((rate["price"] as? [String: String])?["amount"] == "0.08")

            let shown = try await client.request(.GET, "/api/v1/vendors/\(id)", headers: manager)
            #expect(try shown.json()["name"] as? String == "Camille Durand")
        }
    }

    @Test func badInputIs422NamingEveryField() async throws {
        try await withTandem { app, _ in
            let manager = try await token(app, "vera@lumen.example", roles: [.vendorManager])
            var client = Browser(app)
            let badZone = Self.contractBody.replacingOccurrences(of: "Europe/Paris", with: "Europe/Pariss")
            let zone = try await client.request(.POST, "/api/v1/vendors", json: badZone, headers: manager)
            #expect(zone.status == .unprocessableEntity)
            #expect(zone.errorField == "timeZone")
            let several = """
                {"name": "", "timeZone": "Mars/Olympus", "workingHours": {"mon": ["17:00-09:00"]},
                 "pairs": [{"source": "en", "target": "en", "services": {"translation": {}}}]}
                """
            let all = try await client.request(.POST, "/api/v1/vendors", json: several, headers: manager)
            #expect(all.status == .unprocessableEntity)
            #expect(all.errorFields == ["name", "timeZone", "workingHours.mon", "pairs.0.target"])
            let missing = try await client.request(.POST, "/api/v1/vendors", json: #"{"name": "X"}"#, headers: manager)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorField == "timeZone")
            #expect(try await app.stores.vendors.count() == 0)
        }
    }

    @Test func salesGetsNoVendorDataAndPMsOnlyRead() async throws {
        try await withTandem { app, _ in
            let manager = try await token(app, "vera@lumen.example", roles: [.vendorManager])
            let sales = try await token(app, "sofia@lumen.example", roles: [.sales])
            let pm = try await token(app, "paula@lumen.example", roles: [.pm])
            var client = Browser(app)
            let id = try #require(
                try await client.request(.POST, "/api/v1/vendors", json: Self.contractBody, headers: manager).json()[
                    "id"]
                    as? String)
            for path in [
                "/api/v1/vendors", "/api/v1/vendors/\(id)", "/api/v1/vendors/\(id)/absences", "/api/v1/bookings",
                "/api/v1/tentative-holds",
            ] {
                let refused = try await client.request(.GET, path, headers: sales)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(!refused.body.string.contains("Camille"))
                #expect(try await client.request(.GET, path, headers: pm).status == .ok, "\(path)")
            }
            #expect(
                try await client.request(.POST, "/api/v1/vendors", json: Self.contractBody, headers: pm).status
                    == .forbidden)
            #expect(
                try await client.request(.POST, "/api/v1/vendors/\(id)/deactivate", headers: pm).status == .forbidden)
            let absence = #"{"from": "2026-12-01T00:00:00Z", "to": "2026-12-02T00:00:00Z"}"#
            #expect(
                try await client.request(.POST, "/api/v1/vendors/\(id)/absences", json: absence, headers: sales).status
                    == .forbidden)
        }
    }

    @Test func listsFilterByPairServiceStatusAndDomain() async throws {
        try await withTandem { app, _ in
            let manager = try await token(app, "vera@lumen.example", roles: [.vendorManager])
            var client = Browser(app)
            let japanese = """
                {"name": "Aiko Tanaka", "timeZone": "Asia/Tokyo", "status": "candidate", "domains": [{"name": "medical", "level": "expert"}],
                 "pairs": [{"source": "en", "target": "ja", "services": {"revision": {"wordsPerHour": 900}}}]}
                """
            _ = try await client.request(.POST, "/api/v1/vendors", json: Self.contractBody, headers: manager)
            _ = try await client.request(.POST, "/api/v1/vendors", json: japanese, headers: manager)
            func names(_ query: String) async throws -> [String] {
                let page = try await client.request(.GET, "/api/v1/vendors?\(query)", headers: manager)
                return (try page.json()["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            }
            #expect(try await names("") == ["Aiko Tanaka", "Camille Durand"])
            #expect(try await names("source=en&target=fr") == ["Camille Durand"])
            #expect(try await names("service=revision") == ["Aiko Tanaka"])
            #expect(try await names("status=approved") == ["Camille Durand"])
            #expect(try await names("domain=medical") == ["Aiko Tanaka"])
            let paged = try await client.request(.GET, "/api/v1/vendors?limit=1", headers: manager)
            let cursor = try #require(try paged.json()["nextCursor"] as? String)
            #expect(try await names("limit=1&cursor=\(cursor)") == ["Camille Durand"])
            let bad = try await client.request(.GET, "/api/v1/vendors?status=retired&target=x_1", headers: manager)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.errorFields) == ["status", "target"])
        }
    }

    @Test func patchWritesTheFieldsSentAndRefusesAStaleVersion() async throws {
        try await withTandem { app, _ in
            let manager = try await token(app, "vera@lumen.example", roles: [.vendorManager])
            var client = Browser(app)
            let id = try #require(
                try await client.request(.POST, "/api/v1/vendors", json: Self.contractBody, headers: manager).json()[
                    "id"]
                    as? String)
            let patched = try await client.request(
                .PATCH, "/api/v1/vendors/\(id)",
                json: #"{"qualityScore": 88, "version": 1, "kind": "agency", "parallelWorkers": 4}"#,
                headers: manager)
            #expect(patched.status == .ok)
            #expect(try patched.json()["qualityScore"] as? Int == 88)
            #expect(try patched.json()["version"] as? Int == 2)
            #expect(try patched.json()["name"] as? String == "Camille Durand")
            let stale = try await client.request(
                .PATCH, "/api/v1/vendors/\(id)", json: #"{"name": "X", "version": 1}"#, headers: manager)
            #expect(stale.status == .conflict)
            #expect(stale.errorField == "version")
            let bad = try await client.request(
                .PATCH, "/api/v1/vendors/\(id)", json: #"{"qualityScore": 140, "timeZone": "Nowhere"}"#,
                headers: manager)
            #expect(bad.errorFields == ["timeZone", "qualityScore"])
            let cleared = try await client.request(
                .PATCH, "/api/v1/vendors/\(id)", json: #"{"qualityScore": null}"#, headers: manager)
            #expect(try cleared.json()["qualityScore"] == nil)
            let unknown = try await client.request(
                .PATCH, "/api/v1/vendors/\(UUID())", json: #"{"name": "Y"}"#, headers: manager)
            #expect(unknown.status == .notFound)
            let off = try await client.request(.POST, "/api/v1/vendors/\(id)/deactivate", headers: manager)
            #expect(try off.json()["status"] as? String == "inactive")
        }
    }

    @Test func absencesBookingsAndHoldsFollowTheContract() async throws {
        try await withTandem { app, _ in
            let manager = try await token(app, "vera@lumen.example", roles: [.vendorManager])
            var client = Browser(app)
            let id = try #require(
                try await client.request(.POST, "/api/v1/vendors", json: Self.contractBody, headers: manager).json()[
                    "id"]
                    as? String)
            let absence = try await client.request(
                .POST, "/api/v1/vendors/\(id)/absences",
                json: #"{"from": "2026-12-01T13:00:00Z", "to": "2026-12-01T17:00:00Z"}"#,
                headers: manager)
            #expect(absence.status == .created)
            let absences = try await client.request(.GET, "/api/v1/vendors/\(id)/absences", headers: manager)
            #expect(
                (try absences.json()["items"] as? [[String: Any]])?.first?["from"] as? String == "2026-12-01T13:00:00Z")
            let backwards = try await client.request(
                .POST, "/api/v1/vendors/\(id)/absences",
                json: #"{"from": "2026-12-02T00:00:00Z", "to": "2026-12-01T00:00:00Z"}"#,
                headers: manager)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.errorField == "to")
            let unreadable = try await client.request(
                .POST, "/api/v1/vendors/\(id)/absences", json: #"{"from": "tomorrow", "to": "2026-12-01T00:00:00Z"}"#,
                headers: manager)
            #expect(unreadable.errorField == "from")

            let booking = try await client.request(
                .POST, "/api/v1/bookings",
                json:
                    #"{"vendorId": "\#(id)", "from": "2026-11-20T08:00:00Z", "to": "2026-11-20T16:00:00Z", "minutes": 360, "jobId": "J-2026-0042"}"#,
                headers: manager)
            #expect(booking.status == .created)
            let bookings = try await client.request(.GET, "/api/v1/bookings?vendorId=\(id)", headers: manager)
            let item = try #require((try bookings.json()["items"] as? [[String: Any]])?.first)
            #expect(item["vendorId"] as? String == id)
            #expect(item["from"] as? String == "2026-11-20T08:00:00Z")
            #expect(item["to"] as? String == "2026-11-20T16:00:00Z")
            #expect(item["jobId"] as? String == "J-2026-0042")
            #expect(try bookings.json()["nextCursor"] is NSNull)
            let tooLong = try await client.request(
                .POST, "/api/v1/bookings",
                json:
                    #"{"vendorId": "\#(id)", "from": "2026-11-20T08:00:00Z", "to": "2026-11-20T09:00:00Z", "minutes": 90}"#,
                headers: manager)
            #expect(tooLong.errorField == "minutes")
            let nobody = try await client.request(
                .POST, "/api/v1/bookings",
                json: #"{"vendorId": "\#(UUID())", "from": "2026-11-20T08:00:00Z", "to": "2026-11-20T09:00:00Z"}"#,
                headers: manager)
            #expect(nobody.errorField == "vendorId")

            let hold = try await client.request(
                .POST, "/api/v1/tentative-holds",
                json:
                    #"{"vendorId": "\#(id)", "from": "2026-11-23T08:00:00Z", "to": "2026-11-24T16:00:00Z", "minutes": 600, "probability": 0.4, "quoteId": "Q-17"}"#,
                headers: manager)
            #expect(hold.status == .created)
            #expect(try hold.json()["probability"] as? String == "0.4")
            let certain = try await client.request(
                .POST, "/api/v1/tentative-holds",
                json:
                    #"{"vendorId": "\#(id)", "from": "2026-11-23T08:00:00Z", "to": "2026-11-24T16:00:00Z", "probability": "1.5"}"#,
                headers: manager)
            #expect(certain.errorField == "probability")
            let holds = try await client.request(
                .GET, "/api/v1/tentative-holds?vendorId=\(id)&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z",
                headers: manager)
            #expect((try holds.json()["items"] as? [[String: Any]])?.count == 1)
        }
    }
}

@Suite("Vendor preferences API")
struct VendorPreferencesAPITests {
    @Test func pmsSetPreferredAndExcludedVendorsAndSalesSeesNone() async throws {
        try await withTandem { app, _ in
            let api = VendorAPITests()
            let manager = try await api.token(app, "vera@lumen.example", roles: [.vendorManager])
            let pm = try await api.token(app, "paula@lumen.example", roles: [.pm])
            let sales = try await api.token(app, "sofia@lumen.example", roles: [.sales, .manager])
            let seller = try await api.token(app, "sam@lumen.example", roles: [.sales])
            var client = Browser(app)
            let account = try #require(
                try await client.request(
                    .POST, "/api/v1/accounts", json: #"{"name": "Brightpath Software", "currency": "USD"}"#,
                    headers: sales
                ).json()["id"] as? String)
            let first = try #require(
                try await client.request(.POST, "/api/v1/vendors", json: VendorAPITests.contractBody, headers: manager)
                    .json()["id"] as? String)
            let second = try #require(
                try await client.request(
                    .POST, "/api/v1/vendors",
                    json: VendorAPITests.contractBody.replacingOccurrences(of: "Camille Durand", with: "Bruno Martin"),
                    headers: manager
                ).json()["id"] as? String)
            let path = "/api/v1/accounts/\(account)/vendor-preferences"
            let put = try await client.request(
                .PUT, path,
                json:
                    #"{"preferred": [{"vendorId": "\#(first)", "note": "Client asked for her"}], "excluded": [{"vendorId": "\#(second)"}]}"#,
                headers: pm)
            #expect(put.status == .ok)
            let shown = try await client.request(.GET, path, headers: pm).json()
            #expect((shown["preferred"] as? [[String: Any]])?.first?["name"] as? String == "Camille Durand")
            #expect((shown["excluded"] as? [[String: Any]])?.first?["vendorId"] as? String == second)
            let twice = try await client.request(
                .PUT, path,
                json:
                    #"{"preferred": [{"vendorId": "\#(first)"}], "excluded": [{"vendorId": "\#(first)"}, {"vendorId": "nope"}]}"#,
                headers: pm)
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.errorFields == ["excluded.0.vendorId", "excluded.1.vendorId"])
            #expect(try await client.request(.GET, path, headers: seller).status == .forbidden)
            #expect(try await client.request(.PUT, path, json: "{}", headers: seller).status == .forbidden)
            let unknown = try await client.request(.GET, "/api/v1/accounts/\(UUID())/vendor-preferences", headers: pm)
            #expect(unknown.status == .notFound)
            let all = try await app.stores.vendorPreferences.all()
            #expect(all.map(\.kind) == [.preferred, .excluded])
        }
    }
}
