import Foundation
import TandemApp
import TandemDomain
import Testing

/// The ledger's use cases on a real database: refresh and notices, statuses judged at read,
/// rows and totals agreeing, deliveries, renegotiation, quality and change orders.
@Suite("Promise ledger use cases")
struct LedgerUseCaseTests {
    @Test func aForecastAfterThePromiseTurnsItAtRiskAndNotifiesOwnerAndPMOnce() async throws {
        try await LedgerWorld.run { w in
            let late = PromiseForecast(expectedFinish: w.fr.deliveryDate.addingTimeInterval(3600), expectedCost: nil)
            try await w.ledger.refresh(projectID: w.project.id, forecast: [w.fr.targetLanguage: late])
            try await w.ledger.refresh(projectID: w.project.id, forecast: [w.fr.targetLanguage: late])
            #expect(try await w.entry(w.fr).promise.status == .atRisk)
            #expect(try await w.entry(w.de).promise.status == .onTrack)
            #expect(try await w.atRiskNotices(w.rep) == 1)
            #expect(try await w.atRiskNotices(w.pm) == 1)
            let note = try await w.env.stores.notifications.list(
                recipient: w.rep.id, unreadOnly: false, after: nil, limit: 10
            ).first { $0.kind == .promiseAtRisk }?.note
            let notice = try #require(note.flatMap(AtRiskNotice.init(decoding:)))
            #expect(notice.options == [.anotherVendor, .split, .newDate])
            // Back on track, then at risk again: told again.
            let fine = PromiseForecast(expectedFinish: w.fr.deliveryDate.addingTimeInterval(-3600), expectedCost: nil)
            try await w.ledger.refresh(projectID: w.project.id, forecast: [w.fr.targetLanguage: fine])
            #expect(try await w.entry(w.fr).promise.status == .onTrack)
            try await w.ledger.refresh(projectID: w.project.id, forecast: [w.fr.targetLanguage: late])
            #expect(try await w.atRiskNotices(w.rep) == 2)
        }
    }

    @Test func anExpectedCostUnderTheFloorFlagsTheMarginNotTheStatus() async throws {
        try await LedgerWorld.run { w in
            let costly = PromiseForecast(expectedFinish: nil, expectedCost: Money(500, .eur))
            try await w.ledger.refresh(projectID: w.project.id, forecast: [w.fr.targetLanguage: costly])
            let entry = try await w.entry(w.fr)
            #expect(entry.state.marginAtRisk && entry.promise.status == .onTrack)
            #expect(try await w.page().totals.marginAtRisk == 1)
        }
    }

    @Test func anUndeliveredPromisePastItsInstantReadsBrokenInRowsAndTotals() async throws {
        try await LedgerWorld.run { w in
            w.advance(days: 8)
            let broken = try await w.page(LedgerFilter(statuses: [.broken]))
            #expect(broken.rows.map(\.id) == [w.fr.id])
            #expect(broken.totals.broken == 1 && broken.totals.onTrack == 1 && broken.totals.made == 2)
            #expect(try await w.entry(w.fr).promise.status == .broken)
            // The stored status was never written: the judgement is made at read.
            let stored = try await w.env.stores.quoteStores.projects.promises(of: w.project.id)
            #expect(stored.first { $0.id == w.fr.id }?.status == .onTrack)
        }
    }

    @Test func deliveringOnTimeKeepsAndLateBreaksWithItsCause() async throws {
        try await LedgerWorld.run { w in
            let onTime = try await w.ledger.deliver(
                w.fr.id, .init(what: "12 files", recipient: "Anna", cost: Money(300, .eur)), by: w.pm)
            #expect(onTime.entry.promise.status == .kept)
            w.advance(days: 10)
            await expectField("lateCause") {
                _ = try await w.ledger.deliver(w.de.id, .init(what: "8 files", recipient: "Anna"), by: w.pm)
            }
            let late = try await w.ledger.deliver(
                w.de.id, .init(what: "8 files", recipient: "Anna", lateCause: "vendor"), by: w.pm)
            #expect(late.entry.promise.status == .broken && late.entry.state.cause == .vendor)
            let page = try await w.page()
            #expect(page.totals.kept == 1 && page.totals.broken == 1 && page.totals.made == 2)
            await expectField("deliveredAt") {
                _ = try await w.ledger.deliver(w.fr.id, .init(what: "again", recipient: "Anna"), by: w.pm)
            }
            let margin = try #require(try await w.ledger.margin(of: onTime.entry, delivery: onTime.delivery))
            #expect(margin.actualMargin?.amount == Money(300, .eur))
            await #expect(throws: DomainError.self) {
                _ = try await w.ledger.deliver(w.fr.id, .init(what: "x", recipient: "y"), by: w.rep)
            }
        }
    }

    @Test func renegotiationMakesVersionsAndRefusesAStaleOne() async throws {
        try await LedgerWorld.run { w in
            let input = PromiseLedger.Renegotiation(
                deliveryDate: "2026-12-01", price: Money(650, .eur), reason: "Two more files", cause: "client_change",
                version: 1)
            let next = try await w.ledger.renegotiate(w.fr.id, input, by: w.rep)
            #expect(next.promise.version == 2 && next.state.renegotiated && next.state.cause == .clientChange)
            #expect(next.state.deliveryDay == (try LocalDate(iso: "2026-12-01")))
            await expectField("version") { _ = try await w.ledger.renegotiate(w.fr.id, input, by: w.rep) }
            await expectField("cause") {
                _ = try await w.ledger.renegotiate(
                    w.fr.id, .init(deliveryDate: "2026-12-02", reason: "x", cause: "weather"), by: w.rep)
            }
            let versions = try await w.ledger.versions(of: next)
            #expect(versions.map(\.number) == [1, 2])
            #expect(versions[1].previous?.price == Money(600, .eur) && versions[1].terms.price == Money(650, .eur))
            #expect(try await w.page().totals.renegotiated == 1)
            await #expect(throws: DomainError.self) {
                _ = try await w.ledger.renegotiate(w.de.id, input, by: w.world.otherRep)
            }
        }
    }

    @Test func aRenegotiationAfterTheInstantKeepsItBroken() async throws {
        try await LedgerWorld.run { w in
            w.advance(days: 8)
            let next = try await w.ledger.renegotiate(
                w.fr.id, .init(deliveryDate: "2026-12-20T17:00:00Z", reason: "Vendor ill", cause: "vendor"), by: w.pm)
            #expect(next.promise.status == .broken && next.state.brokenEarlier)
            _ = try await w.ledger.deliver(w.fr.id, .init(what: "all", recipient: "Anna"), by: w.pm)
            #expect(try await w.entry(w.fr).promise.status == .broken)
        }
    }
}
