import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Accounts API")
struct AccountsAPITests {
    @Test func aSalesRepCreatesAnAccountAndOwnsIt() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let created = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts",
                json: #"{"name": "Brightpath Software", "currency": "USD", "partnerPmId": "\#(cast.paula.user.id)"}"#)
            #expect(created.status == .created)
            let body = try created.json()
            let id = try #require(body["id"] as? String)
            #expect(created.location == "/api/v1/accounts/\(id)")
            #expect(body["ownerId"] as? String == cast.sofia.user.id.description)
            #expect(body["partnerPmId"] as? String == cast.paula.user.id.description)
            #expect(body["currency"] as? String == "USD")
            #expect(body["status"] as? String == "prospect")
            #expect(body["version"] as? Int == 1)
            #expect(body["tier"] is NSNull)
            #expect(body["framework"] is NSNull)
            let read = try await cast.paula.send(app, .GET, "/api/v1/accounts/\(id)")
            #expect(read.status == .ok)
            #expect(try read.json()["name"] as? String == "Brightpath Software")
        }
    }

    @Test func aMissingNameIs422NamingTheField() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let missing = try await cast.sofia.send(app, .POST, "/api/v1/accounts", json: #"{"currency": "EUR"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorField == "name")
            let bad = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts", json: #"{"name": "X", "currency": "EUX", "website": "a b"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["website", "currency"])
            let notJSON = try await cast.sofia.send(app, .POST, "/api/v1/accounts", json: "{")
            #expect(notJSON.status == .badRequest)
        }
    }

    @Test func pmsAndVendorManagersMayNotCreate() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            for caller in [cast.paula, cast.victor] {
                let response = try await caller.send(
                    app, .POST, "/api/v1/accounts", json: #"{"name": "X", "currency": "EUR"}"#)
                #expect(response.status == .forbidden)
            }
            #expect(try await cast.victor.send(app, .GET, "/api/v1/accounts").status == .forbidden)
            let id = try await cast.account(app, "Kestrel Games")
            #expect(try await cast.victor.send(app, .GET, "/api/v1/accounts/\(id)").status == .forbidden)
            #expect(try await cast.paula.send(app, .GET, "/api/v1/accounts/\(id)").status == .ok)
        }
    }

    @Test func aNearDuplicateIs409UntilConfirmed() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let acme = try await cast.account(app, "Acme Corporation")
            let warned = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts", json: #"{"name": "ACME Corp", "currency": "EUR"}"#)
            #expect(warned.status == .conflict)
            #expect(warned.errorField == "name")
            #expect(warned.errorFieldCodes == ["possible_duplicate"])
            let error = try #require(try warned.json()["error"] as? [String: Any])
            #expect((error["similar"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [acme])
            let confirmed = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts",
                json: #"{"name": "ACME Corp", "currency": "EUR", "confirmDuplicate": true}"#)
            #expect(confirmed.status == .created)
        }
    }

    @Test func aPatchChangesOnlyTheFieldsSentAndChecksTheVersion() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let id = try await cast.account(app, "Nordlicht Medical", extra: #", "notes": "Met at tekom""#)
            let tier = try await cast.sofia.send(
                app, .PATCH, "/api/v1/accounts/\(id)", json: #"{"tier": "A", "version": 1, "paymentTermsDays": 45}"#)
            #expect(tier.status == .ok)
            #expect(try tier.json()["tier"] as? String == "A")
            #expect(try tier.json()["notes"] as? String == "Met at tekom")
            #expect(try tier.json()["paymentTermsDays"] as? Int == 45)
            #expect(try tier.json()["version"] as? Int == 2)
            let stale = try await cast.manager.send(
                app, .PATCH, "/api/v1/accounts/\(id)", json: #"{"status": "active", "version": 1}"#)
            #expect(stale.status == .conflict)
            #expect(stale.errorField == "version")
            let cleared = try await cast.manager.send(
                app, .PATCH, "/api/v1/accounts/\(id)", json: #"{"tier": null, "paymentTermsDays": null}"#)
            #expect(try cleared.json()["tier"] is NSNull)
            #expect(try cleared.json()["paymentTermsDays"] is NSNull)
            let other = try await cast.samuel.send(app, .PATCH, "/api/v1/accounts/\(id)", json: #"{"tier": "B"}"#)
            #expect(other.status == .forbidden)
            let bad = try await cast.sofia.send(app, .PATCH, "/api/v1/accounts/\(id)", json: #"{"status": "asleep"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorField == "status")
            let missing = try await cast.sofia.send(
                app, .PATCH, "/api/v1/accounts/\(UUID().uuidString.lowercased())", json: #"{"tier": "B"}"#)
            #expect(missing.status == .notFound)
        }
    }

    @Test func theListFiltersAndPages() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            for name in ["Élan Légal", "Alpha Games", "Beta Games", "Gamma Health"] {
                _ = try await cast.account(app, name)
            }
            _ = try await cast.account(app, "Delta Games", by: cast.samuel)
            let games = try await cast.paula.send(app, .GET, "/api/v1/accounts?q=GAMES&limit=2")
            #expect(games.items.compactMap { $0["name"] as? String } == ["Alpha Games", "Beta Games"])
            let cursor = try #require(games.nextCursor)
            let rest = try await cast.paula.send(app, .GET, "/api/v1/accounts?q=games&limit=2&cursor=\(cursor)")
            #expect(rest.items.compactMap { $0["name"] as? String } == ["Delta Games"])
            #expect(rest.nextCursor == nil)
            let accents = try await cast.paula.send(app, .GET, "/api/v1/accounts?q=elan%20legal")
            #expect(accents.items.count == 1)
            let samuels = try await cast.sofia.send(app, .GET, "/api/v1/accounts?ownerId=\(cast.samuel.user.id)")
            #expect(samuels.items.compactMap { $0["name"] as? String } == ["Delta Games"])
            let bad = try await cast.sofia.send(app, .GET, "/api/v1/accounts?status=asleep&tier=Z&ownerId=x")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["ownerId", "status", "tier"])
        }
    }
}
