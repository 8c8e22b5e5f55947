import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import TandemPlanning
import Testing

/// Quotes on a real database: numbers, versions, lines from the analysis, the gate, review, send.
@Suite("Quotes: creation, versions, lines, gate and review")
struct QuoteFlowTests {
    @Test func quotesAreNumberedPerYearWithoutGaps() async throws {
        try await QuoteWorld.run { world in
            let first = try await world.quote()
            let second = try await world.quote()
            #expect(first.number == "Q-2026-0001")
            #expect(second.number == "Q-2026-0002")
            #expect(first.status == .draft)
            let version = try await world.env.stores.quoteStores.quotes.version(first.id, number: 1)
            #expect(version?.targets.map(\.language.description) == ["fr", "de"])
            #expect(
                version?.targets.allSatisfy { $0.delivery == ISO8601DateFormatter().date(from: QuoteWorld.deadline) }
                    == true)
            world.clock.now = try #require(ISO8601DateFormatter().date(from: "2027-01-04T09:00:00Z"))
            #expect(try await world.quote().number == "Q-2027-0001")
        }
    }

    @Test func aQuoteFromAnAccountCreatesItsOpportunityAtProposal() async throws {
        try await QuoteWorld.run { world in
            let (quote, version) = try await world.management.create(
                .init(
                    accountID: world.accountID.description, deadline: QuoteWorld.deadline, services: ["translation"],
                    sourceLanguage: "en", targetLanguages: ["it"]), by: world.rep)
            let opportunity = try #require(
                try await world.env.stores.pipeline.opportunities.find(id: quote.opportunityID))
            let stage = try await world.env.stores.pipeline.stages.find(id: opportunity.stageID)
            #expect(stage?.name == "Proposal")
            #expect(opportunity.accountID == world.accountID)
            #expect(version.targets.map(\.language.description) == ["it"])
        }
    }

    @Test func badInputNamesEveryField() async throws {
        try await QuoteWorld.run { world in
            let error = await #expect(throws: ValidationErrors.self) {
                try await world.management.create(.init(deadline: "tomorrow", services: ["poetry"]), by: world.rep)
            }
            #expect(error?.errors.map(\.field) == ["deadline", "services.0", "opportunityId"])
            await #expect(throws: DomainError.self) {
                try await world.management.create(
                    .init(opportunityID: world.opportunity.id.description, deadline: QuoteWorld.deadline),
                    by: world.otherRep)
            }
        }
    }

    @Test func linesComeFromTheAnalysisPerTargetAndService() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            let version = try await world.analysed(quote)
            #expect(version.lines.count == 2)
            let fr = try #require(version.lines.first { $0.targetLanguage?.description == "fr" })
            #expect(fr.service == "translation")
            #expect(fr.bands["new"] == BandCount(segments: 200, words: 2000))
            #expect(fr.bands["100"]?.words == 1000)
            #expect(version.feasibility.count == 2)
            #expect(version.feasibility.allSatisfy { $0.verdict == "green" })
            #expect(fr.cost != nil)
            // Excluding the file leaves the lines without words.
            let file = try #require(try await world.env.stores.quoteStores.files.files(of: quote.id).first)
            let without = try await world.management.setExcluded(file.id, true, by: world.rep)
            #expect(without.lines.allSatisfy { $0.bands.totalWords == 0 })
            // Targets per file: only German keeps the file.
            _ = try await world.management.setExcluded(file.id, false, by: world.rep)
            let german = try await world.management.setTargets(file.id, ["de"], by: world.rep)
            #expect(german.lines.first { $0.targetLanguage?.description == "fr" }?.bands.totalWords == 0)
            #expect(german.lines.first { $0.targetLanguage?.description == "de" }?.bands.totalWords == 3000)
        }
    }

    @Test func manualLinesDiscountsAndOptions() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            var version = try await world.management.addLine(
                quote.id, .init(description: "DTP", unit: "page", quantity: "12", unitPrice: "4.50"), by: world.rep)
            #expect(version.lines.last?.price == Money(54, .eur))
            version = try await world.management.addLine(
                quote.id, .init(kind: "discount", description: "Loyalty", unitPrice: "10.00"), by: world.rep)
            #expect(version.lines.last?.price == Money(-10, .eur))
            // Each target: 2,000 new words × 100 % + 1,000 exact × 20 % = 2,200 weighted × 0.30 = 660.00.
            let fr = try #require(version.lines.first { $0.targetLanguage?.description == "fr" })
            #expect(fr.weightedWords == 2200)
            #expect(fr.unitPrice == Money(Decimal(string: "0.30")!, .eur))
            #expect(fr.price == Money(660, .eur))
            #expect(version.totals.total == Money(1364, .eur))
            #expect(version.rateCardVersion == 1)
            version = try await world.management.addOption(
                quote.id, name: "Post-editing", services: ["mtpe"], by: world.rep)
            #expect(version.options.map(\.name) == ["Standard", "Post-editing"])
            #expect(version.lines.filter { $0.service == "mtpe" }.count == 2)
            let error = await #expect(throws: ValidationErrors.self) {
                try await world.management.addLine(
                    quote.id, .init(kind: "analysed", description: "", unit: "cubit", quantity: "-1", unitPrice: "x"),
                    by: world.rep)
            }
            #expect(error?.errors.map(\.field) == ["kind", "description", "unit", "quantity", "unitPrice"])
        }
    }

    @Test func aGreenQuoteWithoutTriggersIsApprovedAtOnceAndSent() async throws {
        try await QuoteWorld.run { world in
            let quote = try await world.quote()
            try await world.analysed(quote)
            let submitted = try await world.management.submit(quote.id, by: world.rep)
            #expect(submitted.status == .approved)
            let sent = try await world.management.send(quote.id, by: world.rep)
            #expect(sent.status == .sent)
            let version = try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1)
            #expect(version?.isSent == true)
            #expect(version?.reviewReasons == [])
        }
    }

    @Test func theValueTriggerSendsAQuoteToReview() async throws {
        try await QuoteWorld.run { world in
            try await world.env.stores.quoteStores.reviewSettings.save(
                QuoteReviewSettings(highValue: true, valueThreshold: 100, incompleteBrief: false))
            let quote = try await world.quote()
            _ = try await world.management.addLine(
                quote.id, .init(description: "Certification", unitPrice: "150.00"), by: world.rep)
            try await world.analysed(quote)
            let submitted = try await world.management.submit(quote.id, by: world.rep)
            #expect(submitted.status == .inReview)
            let version = try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1)
            #expect(version?.reviewReasons == [.highValue])
            await #expect(throws: DomainError.self) { try await world.management.send(quote.id, by: world.rep) }
        }
    }

    @Test func aQuoteThatCannotBePlannedGoesToReview() async throws {
        try await QuoteWorld.run { world in
            // Tomorrow morning: far too soon for 3,000 words per target.
            let quote = try await world.quote(deadline: "2026-11-19T08:00:00Z")
            try await world.analysed(quote, new: 20_000)
            let submitted = try await world.management.submit(quote.id, by: world.rep)
            #expect(submitted.status == .inReview)
            let version = try await world.env.stores.quoteStores.quotes.version(quote.id, number: 1)
            #expect(version?.reviewReasons == [.notGreen])
            #expect(version?.feasibility.contains { $0.verdict != "green" } == true)
        }
    }
}
