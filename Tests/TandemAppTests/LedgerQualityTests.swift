import Foundation
import TandemApp
import TandemDomain
import Testing

@Suite("Quality records and change orders")
struct LedgerQualityTests {
    @Test func anEvaluationWritesThePairAndVendorScores() async throws {
        try await LedgerWorld.run { w in
            let vendor = QuoteWorld.vendorID(1)
            let records = QualityRecords(w.env)
            let input = QualityRecords.Evaluation(
                vendorID: vendor.description, sourceLanguage: "en", targetLanguage: "fr",
                projectID: w.project.id.description, promiseID: w.fr.id.description, jobID: UUID().uuidString,
                sampleWords: 1000, errors: [.init(category: "accuracy", severity: "major", count: 1)], timeliness: 5,
                communication: 5)
            let (evaluation, pair) = try await records.evaluate(input, by: w.pm)
            #expect(evaluation.score == 92 && pair.score == 92 && pair.evaluations == 1)
            #expect(try await w.env.stores.vendors.find(id: vendor)?.qualityScore == 92)
            var bad = input
            bad.errors = [.init(category: "spelling", severity: "major", count: 1)]
            bad.timeliness = 9
            await expectField("errors.0.category") { _ = try await records.evaluate(bad, by: w.pm) }
            await #expect(throws: DomainError.self) { _ = try await records.evaluate(input, by: w.rep) }
        }
    }

    @Test func aComplaintNeedsADeliveryAndJudgesTheQuality() async throws {
        try await LedgerWorld.run { w in
            let records = QualityRecords(w.env)
            let input = QualityRecords.ComplaintInput(
                description: "Wrong terminology", severity: "major", justified: true, rootCause: "No glossary",
                correctiveAction: "Glossary added")
            await expectField("deliveryId") { _ = try await records.complain(w.fr.id, input, by: w.pm) }
            _ = try await w.ledger.deliver(w.fr.id, .init(what: "all", recipient: "Anna"), by: w.pm)
            _ = try await records.complain(w.fr.id, input, by: w.pm)
            let complaints = try await w.env.stores.ledger.complaints(of: w.fr.id)
            #expect(QualityVerdict.judge(complaints) == .notMet)
        }
    }

    @Test func anAgreedChangeOrderVersionsPromisesAndAddsTargets() async throws {
        try await LedgerWorld.run { w in
            let orders = ChangeOrders(w.env)
            let order = try await orders.propose(
                w.project.id,
                items: [
                    .init(
                        kind: "cancel_target", targetLanguage: "de", words: "2000", price: Money(400, .eur),
                        workDonePercent: "50"),
                    .init(
                        kind: "add_target", targetLanguage: "it", words: "2000", price: Money(500, .eur),
                        deliveryDate: "2026-12-04T17:00:00Z"),
                ], reason: "Client drops German, adds Italian", by: w.rep)
            #expect(order.number == 1 && order.priceChange == Money(300, .eur))
            let agreed = try await orders.agree(order.id, by: w.rep)
            #expect(agreed.status == .agreed)
            await expectField("status") { _ = try await orders.withdraw(order.id, by: w.rep) }
            let entries = try await w.env.stores.ledger.entries(of: w.project.id, now: w.env.now)
            #expect(entries.map(\.promise.targetLanguage.description).sorted() == ["de", "fr", "it"])
            let de = try #require(entries.first { $0.id == w.de.id })
            #expect(de.state.cancelled && de.promise.price == Money(200, .eur) && de.promise.version == 2)
            #expect(try await w.page().totals.made == 2)
            await expectField("items.0.targetLanguage") {
                _ = try await orders.propose(
                    w.project.id,
                    items: [.init(kind: "add_files", targetLanguage: "ja", words: "10", price: Money(5, .eur))],
                    reason: "x", by: w.rep)
            }
        }
    }
}
