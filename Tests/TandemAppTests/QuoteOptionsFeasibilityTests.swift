import Foundation
import TandemApp
import TandemDomain
import Testing

/// Every option of a quote is checked and holds its vendors (docs/quotes.md, "Tentative holds"):
/// the client takes one option, so each option's holds carry an equal share of the probability,
/// and acceptance books the chosen option's holds and releases the others.
@Suite("Quotes: feasibility and holds of every option")
struct QuoteOptionsFeasibilityTests {
    @Test func everyOptionIsCheckedHoldsAShareAndOnlyTheChosenOneIsBooked() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            let version = try await world.management.addOption(
                quote.id, name: "Express", services: ["translation"], by: world.rep)
            #expect(version.options.count == 2)
            // One verdict per option and target (de and fr).
            #expect(version.feasibility.count == 4)
            #expect(Set(version.feasibility.compactMap(\.option)) == Set(version.options.map(\.id)))
            let holds = try await world.holds(of: quote)
            #expect(
                Set(holds.compactMap(\.quoteReference))
                    == Set(version.options.map { quote.holdReference(option: $0.id) }))
            // The opportunity is at Lead (10 %): each of the two options holds at 5 %.
            #expect(holds.allSatisfy { $0.probability == Decimal(string: "0.05") })

            _ = try await world.management.submit(quote.id, by: world.rep)
            _ = try await world.management.send(quote.id, by: world.rep)
            let express = version.options[1].id
            let chosen = try await world.holds(of: quote).filter {
                $0.quoteReference == quote.holdReference(option: express)
            }
            #expect(!chosen.isEmpty)
            let outcome = try await world.handOff.accept(
                quote.id, .init(clientReference: "PO-2", optionID: express.description), by: world.rep)
            #expect(outcome.project.optionID == express)
            #expect(try await world.holds(of: quote).isEmpty)
            let booked = try await world.env.stores.vendorSchedule.bookings(of: nil, overlapping: nil).filter {
                $0.jobReference == "project:\(outcome.project.id)"
            }
            #expect(booked.count == chosen.count)
        }
    }
}
