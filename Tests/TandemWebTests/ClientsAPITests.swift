import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

@Suite("Contacts, activities and briefs API")
struct ClientsAPITests {
    @Test func contactsAreAddedListedChangedByTheOwnerOnly() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let account = try await cast.account(app, "Nordlicht Medical")
            let created = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts/\(account)/contacts",
                json: #"{"name": "Greta Brandt", "email": "Greta@Nordlicht.example", "buyingRole": "decision-maker"}"#)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            #expect(try created.json()["email"] as? String == "greta@nordlicht.example")
            #expect(created.location == "/api/v1/contacts/\(id)")
            let list = try await cast.paula.send(app, .GET, "/api/v1/accounts/\(account)/contacts")
            #expect(list.items.compactMap { $0["name"] as? String } == ["Greta Brandt"])
            let patched = try await cast.sofia.send(
                app, .PATCH, "/api/v1/contacts/\(id)", json: #"{"jobTitle": "Head of Regulatory", "buyingRole": null}"#)
            #expect(try patched.json()["jobTitle"] as? String == "Head of Regulatory")
            #expect(try patched.json()["buyingRole"] is NSNull)
            #expect(try patched.json()["email"] as? String == "greta@nordlicht.example")
            // Wrong roles.
            let bySamuel = try await cast.samuel.send(app, .PATCH, "/api/v1/contacts/\(id)", json: #"{"phone": "1"}"#)
            #expect(bySamuel.status == .forbidden)
            let byPM = try await cast.paula.send(
                app, .POST, "/api/v1/accounts/\(account)/contacts", json: #"{"name": "X"}"#)
            #expect(byPM.status == .forbidden)
            #expect(try await cast.victor.send(app, .GET, "/api/v1/accounts/\(account)/contacts").status == .forbidden)
            #expect(try await cast.victor.send(app, .GET, "/api/v1/contacts/\(id)").status == .forbidden)
            // Bad input.
            let bad = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts/\(account)/contacts",
                json: #"{"email": "greta@", "phone": "call me", "buyingRole": "boss"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["name", "email", "phone", "buyingRole"])
            let nowhere = try await cast.sofia.send(
                app, .GET, "/api/v1/accounts/\(UUID().uuidString.lowercased())/contacts")
            #expect(nowhere.status == .notFound)
        }
    }

    @Test func aContactIsExportedThenErasedButTheRowStays() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let account = try await cast.account(app, "Kestrel Games")
            let created = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts/\(account)/contacts",
                json: #"{"name": "Jonas Weber", "email": "jonas@kestrel.example", "phone": "+49 30 1234"}"#)
            let id = try #require(try created.json()["id"] as? String)
            let logged = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts/\(account)/activities",
                json: #"{"kind": "call", "text": "Intro call", "contactId": "\#(id)"}"#)
            #expect(logged.status == .created)
            let export = try await cast.sofia.send(app, .GET, "/api/v1/contacts/\(id)/export")
            #expect(export.status == .ok)
            #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(try (export.json()["contact"] as? [String: Any])?["email"] as? String == "jonas@kestrel.example")
            #expect(try (export.json()["activities"] as? [Any])?.count == 1)
            #expect(try await cast.paula.send(app, .GET, "/api/v1/contacts/\(id)/export").status == .forbidden)
            #expect(try await cast.paula.send(app, .POST, "/api/v1/contacts/\(id)/erase").status == .forbidden)
            let erased = try await cast.manager.send(app, .POST, "/api/v1/contacts/\(id)/erase")
            #expect(erased.status == .ok)
            #expect(try erased.json()["email"] as? String == "")
            #expect(try erased.json()["phone"] as? String == "")
            #expect(try erased.json()["erasedAt"] is String)
            #expect(!erased.body.string.contains("Jonas"))
            let activities = try await cast.sofia.send(app, .GET, "/api/v1/accounts/\(account)/activities")
            #expect(activities.items.first?["contactId"] as? String == id)
            let change = try await cast.sofia.send(app, .PATCH, "/api/v1/contacts/\(id)", json: #"{"name": "Jonas"}"#)
            #expect(change.status == .unprocessableEntity)
            #expect(try await cast.sofia.send(app, .POST, "/api/v1/contacts/not-an-id/erase").status == .badRequest)
        }
    }

    @Test func activitiesAreLoggedWithNextSteps() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let account = try await cast.account(app, "Brightpath Software")
            let byPM = try await cast.paula.send(
                app, .POST, "/api/v1/accounts/\(account)/activities",
                json:
                    #"{"kind": "meeting", "text": "Tooling workshop", "nextStep": "Send TM", "nextStepDue": "2026-11-20"}"#
            )
            #expect(byPM.status == .created)
            #expect(try byPM.json()["ownerId"] as? String == cast.paula.user.id.description)
            let bad = try await cast.sofia.send(
                app, .POST, "/api/v1/accounts/\(account)/activities",
                json: #"{"kind": "fax", "text": "", "nextStepDue": "2026-13-01"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["kind", "text", "nextStepDue"])
            let byVendorManager = try await cast.victor.send(
                app, .POST, "/api/v1/accounts/\(account)/activities", json: #"{"kind": "note", "text": "x"}"#)
            #expect(byVendorManager.status == .forbidden)
            let list = try await cast.sofia.send(app, .GET, "/api/v1/accounts/\(account)/activities")
            #expect(list.items.compactMap { $0["text"] as? String } == ["Tooling workshop"])
        }
    }

    @Test func theBriefIsVersionedAndSplitBetweenSalesAndPMs() async throws {
        try await withTandem { app, _ in
            let cast = try await ClientCast.make(app)
            let account = try await cast.account(app, "Helvetia Insurance")
            let empty = try await cast.paula.send(app, .GET, "/api/v1/accounts/\(account)/brief")
            #expect(try empty.json()["version"] as? Int == 0)
            #expect(try empty.json()["isComplete"] as? Bool == false)
            let first = try await cast.sofia.send(
                app, .PUT, "/api/v1/accounts/\(account)/brief",
                json: #"""
                    {"version": 0, "content": {"problems": "Slow reviews", "objectives": "Launch in 4 languages",
                     "buyingCriteria": [{"name": "Quality", "weight": 60}, {"name": "Price", "weight": 40}],
                     "qualityExpectations": "ISO 17100, second linguist"}}
                    """#)
            #expect(first.status == .ok)
            #expect(try first.json()["version"] as? Int == 1)
            #expect(try first.json()["isComplete"] as? Bool == true)
            // The PM may add production notes, not change statements.
            var content = try #require(try first.json()["content"] as? [String: Any])
            content["productionNotes"] = "Use the 2025 termbase."
            let notes = try await cast.paula.send(
                app, .PUT, "/api/v1/accounts/\(account)/brief",
                json: String(
                    decoding: try JSONSerialization.data(withJSONObject: ["content": content, "version": 1]),
                    as: UTF8.self))
            #expect(notes.status == .ok)
            #expect(try notes.json()["version"] as? Int == 2)
            content["problems"] = "Changed by a PM"
            let statement = try await cast.paula.send(
                app, .PUT, "/api/v1/accounts/\(account)/brief",
                json: String(decoding: try JSONSerialization.data(withJSONObject: ["content": content]), as: UTF8.self))
            #expect(statement.status == .forbidden)
            let stale = try await cast.sofia.send(
                app, .PUT, "/api/v1/accounts/\(account)/brief", json: #"{"version": 1, "content": {"problems": "x"}}"#)
            #expect(stale.status == .conflict)
            #expect(stale.errorField == "version")
            let bad = try await cast.sofia.send(
                app, .PUT, "/api/v1/accounts/\(account)/brief",
                json: #"{"content": {"buyingCriteria": [{"name": "", "weight": 10}, {"name": "Speed", "weight": 0}]}}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["buyingCriteria.0.name", "buyingCriteria.1.weight"])
            let versions = try await cast.paula.send(app, .GET, "/api/v1/accounts/\(account)/brief/versions")
            #expect(versions.items.compactMap { $0["version"] as? Int } == [1, 2])
            #expect(versions.items.last?["authorId"] as? String == cast.paula.user.id.description)
            #expect(try await cast.victor.send(app, .GET, "/api/v1/accounts/\(account)/brief").status == .forbidden)
            let other = try await cast.samuel.send(
                app, .PUT, "/api/v1/accounts/\(account)/brief", json: #"{"content": {"problems": "Mine"}}"#)
            #expect(other.status == .forbidden)
        }
    }
}
