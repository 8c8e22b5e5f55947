import Foundation
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// `/api/v1/stages`, `/api/v1/lost-reasons`, `/api/v1/exchange-rates`.
@Suite("Pipeline settings API")
struct PipelineSettingsAPITests {
    @Test func stagesAreListedInOrderWithTheContractsFields() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let stages = try await f.api(.GET, "/api/v1/stages", as: "paula")
            #expect(stages.status == .ok)
            #expect(
                stages.items.map { $0["name"] as? String } == [
                    "Lead", "Qualified", "Solution design", "Proposal", "Negotiation", "Won", "Lost",
                ])
            #expect(stages.items.map { $0["probability"] as? Int } == [10, 25, 40, 60, 80, 100, 0])
            #expect(
                stages.items.map { $0["outcome"] as? String } == [
                    "open", "open", "open", "open", "open", "won", "lost",
                ])
            let keys = Set(try #require(stages.items.first).keys)
            #expect(keys.isSuperset(of: ["id", "name", "order", "probability", "outcome"]))
            #expect(try await f.api(.GET, "/api/v1/stages", as: "victor").status == .forbidden)
        }
    }

    @Test func adminsChangeStages() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let body = #"{"name": "Pilot", "order": 45, "probability": 70, "outcome": "open"}"#
            #expect(try await f.api(.POST, "/api/v1/stages", as: "sofia", json: body).status == .forbidden)
            let created = try await f.api(.POST, "/api/v1/stages", as: "alex", json: body)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            #expect(created.location == "/api/v1/stages/\(id)")
            let patched = try await f.api(.PATCH, "/api/v1/stages/\(id)", as: "alex", json: #"{"probability": 65}"#)
            #expect(try patched.json()["probability"] as? Int == 65)
            let bad = try await f.api(.PATCH, "/api/v1/stages/\(id)", as: "alex", json: #"{"probability": 101}"#)
            #expect(bad.status == .unprocessableEntity && bad.errorField == "probability")
            let read = try await f.api(.GET, "/api/v1/stages/\(id)", as: "sofia")
            #expect(try read.json()["name"] as? String == "Pilot")
            #expect(try await f.api(.PATCH, "/api/v1/stages/\(id)", as: "sofia", json: "{}").status == .forbidden)
        }
    }

    @Test func adminsMaintainLostReasons() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let created = try await f.api(
                .POST, "/api/v1/lost-reasons", as: "alex", json: #"{"name": "Quality concerns"}"#)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let retired = try await f.api(
                .PATCH, "/api/v1/lost-reasons/\(id)", as: "alex", json: #"{"isActive": false}"#)
            #expect(try retired.json()["isActive"] as? Bool == false)
            #expect(try await f.api(.GET, "/api/v1/lost-reasons/\(id)", as: "paula").status == .ok)
            let empty = try await f.api(.POST, "/api/v1/lost-reasons", as: "alex", json: #"{"name": " "}"#)
            #expect(empty.status == .unprocessableEntity && empty.errorField == "name")
            #expect(
                try await f.api(.POST, "/api/v1/lost-reasons", as: "sofia", json: #"{"name": "x"}"#).status
                    == .forbidden)
        }
    }

    @Test func adminsMaintainExchangeRates() async throws {
        try await withTandem { app, _ in
            let f = try await PipelineFixture.make(app)
            let body = #"{"currency": "USD", "date": "2026-11-01", "rate": "0.9215"}"#
            #expect(try await f.api(.POST, "/api/v1/exchange-rates", as: "sofia", json: body).status == .forbidden)
            let created = try await f.api(.POST, "/api/v1/exchange-rates", as: "alex", json: body)
            #expect(created.status == .created)
            #expect(try created.json()["rate"] as? String == "0.9215")
            #expect(try created.json()["baseCurrency"] as? String == "EUR")
            let again = try await f.api(.POST, "/api/v1/exchange-rates", as: "alex", json: body)
            #expect(again.status == .conflict && again.errorField == "date")
            let bad = try await f.api(
                .POST, "/api/v1/exchange-rates", as: "alex", json: #"{"currency": "EUR", "date": "x", "rate": "0"}"#)
            #expect(bad.errorFields == ["currency", "date", "rate"])
            let id = try #require(try created.json()["id"] as? String)
            let patched = try await f.api(
                .PATCH, "/api/v1/exchange-rates/\(id)", as: "alex", json: #"{"rate": "0.93"}"#)
            #expect(try patched.json()["rate"] as? String == "0.93")
            let list = try await f.api(.GET, "/api/v1/exchange-rates?currency=USD", as: "sofia")
            #expect(list.items.count == 1)
            #expect(
                try await f.api(.GET, "/api/v1/exchange-rates?currency=dollars", as: "sofia").errorField == "currency")
        }
    }
}
