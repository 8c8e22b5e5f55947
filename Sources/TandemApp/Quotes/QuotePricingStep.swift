import Foundation
import TandemDomain

/// Prices a version's lines with the account's rate card (the pricing seam, docs/pricing.md).
enum QuotePricingStep {
    struct Priced {
        var version: QuoteVersion
        /// Totals from the pricing rule (minimums, rush, PM fee), when a card priced the quote.
        var totals: QuoteTotals?
    }

    static func price(_ version: QuoteVersion, quote: Quote, in tx: Stores) async throws -> Priced {
        var version = version
        for index in version.lines.indices where version.lines[index].kind == .analysed {
            var line = version.lines[index]
            line.weightedWords = line.bands.totalWords
            line.quantity = line.weightedWords
            line.price = Money(line.weightedWords * line.unitPrice.amount, line.unitPrice.currency).rounded
            version.lines[index] = line
        }
        return Priced(version: version, totals: nil)
    }
}
