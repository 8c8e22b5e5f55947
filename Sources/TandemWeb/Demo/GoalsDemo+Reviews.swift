import Foundation
import TandemApp
import TandemDomain

/// The review turnaround of the demo (docs/metrics.md): every review decision the earlier steps
/// wrote without the submission it answered (the historic quotes the guidance step reviewed)
/// gets its `quote-submitted` event, a few hours to two days before the decision. Deterministic:
/// quotes by id, waits from a fixed list; ids from 0xC0_0000 (then the rush deals' jobs).
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

extension GoalsDemo {
    /// Actual words over the quoted 20,000 of each rush deal's translation, in turn: the rush
    /// deals grew as they went (word accuracy above 100 %).
    static let rushActualWords = [21_400, 20_000, 23_100, 22_250, 20_600, 24_800]

    /// Samuel's rush deals (`rushDeals`) get the translation job each target had, delivered by
    /// an approved vendor of the pair with its actual words recorded, so last quarter shows a
    /// word accuracy for Samuel, his PM, his client and the team. Ids from the same generator.
    static func rushJobs(_ stores: Stores, ids: IdentifierGenerator) async throws {
        let projects = try await stores.quoteStores.projects.list()
            .filter { $0.name.contains(" · rush ") }.sorted { $0.acceptedAt < $1.acceptedAt }
        var jobs: [Job] = []
        var assignments: [JobAssignment] = []
        var events: [JobEvent] = []
        for (index, project) in projects.enumerated() {
            let promises = try await stores.quoteStores.projects.promises(of: project.id)
            for promise in promises.sorted(by: { $0.targetLanguage.description < $1.targetLanguage.description }) {
                let vendors = try await stores.vendors.list(
                    VendorFilter(
                        source: try LanguageTag("en"), target: promise.targetLanguage, service: .translation,
                        status: .approved))
                guard let vendor = vendors.sorted(by: { $0.id < $1.id }).first else { continue }
                let job = Job(
                    id: ids(), projectID: project.id, sourceLanguage: try LanguageTag("en"),
                    targetLanguage: promise.targetLanguage, service: "translation", step: .translation, sequence: 0,
                    isInternal: false, words: 20_000, weightedWords: 20_000, due: promise.deliveryDate,
                    status: .approved, createdAt: project.acceptedAt)
                jobs.append(job)
                let actual = promise.targetLanguage.language == "ja" ? rushActualWords[index % 6] : 20_000 + index * 150
                // Made at hand-off, delivered by the vendor and approved by the PM hours before the client got it.
                let handed =
                    try await stores.ledger.deliveries(of: promise.id).first?.deliveredAt ?? promise.deliveryDate
                events += [
                    JobEvent(
                        id: ids(), jobID: job.id, kind: "created", from: nil, to: .planned, at: project.acceptedAt,
                        by: project.pmID),
                    JobEvent(
                        id: ids(), jobID: job.id, kind: JobMove.delivered.rawValue, from: .inProgress, to: .delivered,
                        at: handed.addingTimeInterval(-8 * 3_600), by: project.pmID),
                    JobEvent(
                        id: ids(), jobID: job.id, kind: JobMove.approved.rawValue, from: .delivered, to: .approved,
                        at: handed.addingTimeInterval(-4 * 3_600), by: project.pmID),
                ]
                assignments.append(
                    JobAssignment(
                        id: ids(), jobID: job.id, vendorID: vendor.id, words: 20_000, rate: nil,
                        amount: Money(promise.price.amount * Decimal(string: "0.82")!, .eur).rounded,
                        start: project.acceptedAt, due: promise.deliveryDate, actualWords: actual,
                        createdAt: project.acceptedAt))
            }
        }
        guard !jobs.isEmpty else { return }
        try await stores.production.createJobs(jobs, events: events)
        for assignment in assignments { try await stores.production.addAssignment(assignment) }
    }
}
