import Foundation
import TandemApp
import TandemDomain

/// The review turnaround of the demo (docs/metrics.md): every review decision the earlier steps
/// wrote without the submission it answered (the historic quotes the guidance step reviewed)
/// gets its `quote-submitted` event, a few hours to two days before the decision. Deterministic:
/// quotes by id, waits from a fixed list; ids from 0xC0_0000.
extension GoalsDemo {
    static let reviewIDBase = 0xC0_0000

    /// Hours from submission to decision, in turn: mostly the same working day, some the next.
    static let reviewWaits: [Double] = [3, 6, 2.5, 26, 5, 9, 4, 30, 7, 1.5, 20, 48]

    static func reviewSubmissions(_ stores: Stores, ids: IdentifierGenerator) async throws {
        let quotes = try await stores.quoteStores.quotes.list(QuoteFilter()).sorted { $0.id < $1.id }
        var index = 0
        for quote in quotes {
            let subject = RecordSubject(kind: .quote, id: quote.id.rawValue)
            let events = try await stores.threads.events.list(on: subject, after: nil, limit: 200)
                .sorted { ($0.at, $0.id.rawValue.uuidString) < ($1.at, $1.id.rawValue.uuidString) }
            var submitted = false
            for event in events {
                if event.kind == .quoteSubmitted { submitted = true }
                guard event.kind == .quoteReviewed else { continue }
                defer { submitted = false }
                guard !submitted else { continue }
                let wait = reviewWaits[index % reviewWaits.count] * 3_600
                index += 1
                try await stores.threads.events.record(
                    ActivityEvent(
                        id: ids(), subject: subject, kind: .quoteSubmitted, actorId: quote.createdBy,
                        at: max(quote.createdAt, event.at.addingTimeInterval(-wait)),
                        payload: ["status": QuoteStatus.inReview.rawValue]))
            }
        }
    }
}
