import Foundation
import TandemApp
import TandemDomain

/// `GoalsWorld`'s quote reviews and vendor jobs (docs/metrics.md, review turnaround and word
/// accuracy):
///
/// - Reviews: X's quote submitted 2 Oct 09:00, approved by Pia 15:00 (6 h); Y's quote
///   submitted 15 Oct 12:00, rejected by Max 16 Oct 12:00 (24 h), submitted again 17 Oct 10:00
///   and approved by Pia 13:00 (3 h); Z's quote submitted 18 Sep, approved 19 Sep (not October).
///   October: 11 h for the team, 4.5 h for Pia, 6 h for Anna, 13.5 h for Bruno.
/// - Jobs: X-fr's translation quoted 1,000 words, done 1,100 (its revision has no actual words);
///   X-de's quoted 800, done 400 + 380 by two vendors (a released assignment's 999 do not
///   count); Z-fr's 500 as quoted; Y-fr's (not delivered) and an X-fr page job do not count.
///   October: 2,380 ÷ 2,300 = 103.48 % for the team.
extension GoalsWorld {
    static func time(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func addReviewsAndJobs(
        _ env: AppEnvironment, x: Project, y: Project, z: Project, pm: User, manager: User
    ) async throws {
        func event(_ quote: Project, _ kind: ActivityEvent.Kind, _ at: String, by user: User? = nil) async throws {
            try await env.stores.threads.events.record(
                ActivityEvent(
                    id: env.ids(), subject: RecordSubject(kind: .quote, id: quote.quoteID.rawValue), kind: kind,
                    actorId: user?.id ?? quote.salesOwnerID, at: time(at)))
        }
        try await event(x, .quoteSubmitted, "2026-10-02T09:00:00Z")
        try await event(x, .quoteReviewed, "2026-10-02T15:00:00Z", by: pm)
        try await event(y, .quoteSubmitted, "2026-10-15T12:00:00Z")
        try await event(y, .quoteReviewed, "2026-10-16T12:00:00Z", by: manager)
        try await event(y, .quoteSubmitted, "2026-10-17T10:00:00Z")
        try await event(y, .quoteReviewed, "2026-10-17T13:00:00Z", by: pm)
        try await event(z, .quoteSubmitted, "2026-09-18T10:00:00Z")
        try await event(z, .quoteReviewed, "2026-09-19T10:00:00Z", by: pm)

        var jobs: [Job] = []
        var assignments: [JobAssignment] = []
        func job(
            _ project: Project, _ target: String, sequence: Int = 0, unit: PriceUnit = .word, words: Int,
            actual: [Int?], released: Int? = nil
        ) throws {
            let job = Job(
                id: env.ids(), projectID: project.id, sourceLanguage: try LanguageTag("en"),
                targetLanguage: try LanguageTag(target), service: "translation",
                step: sequence == 0 ? .translation : .revision, sequence: sequence, isInternal: false, unit: unit,
                words: words, weightedWords: Decimal(words), due: project.acceptedAt, status: .approved,
                createdAt: project.acceptedAt)
            jobs.append(job)
            for (words, state) in actual.map({ ($0, JobAssignment.State.active) }) + [(released, .released)] {
                guard state == .active || words != nil else { continue }
                assignments.append(
                    JobAssignment(
                        id: env.ids(), jobID: job.id, vendorID: .init(UUID()), words: words ?? 0, rate: nil,
                        amount: Money(0, .eur), start: project.acceptedAt, due: project.acceptedAt,
                        actualWords: words, state: state, createdAt: project.acceptedAt))
            }
        }
        try job(x, "fr", words: 1_000, actual: [1_100])
        try job(x, "fr", sequence: 1, words: 1_000, actual: [nil])
        try job(x, "fr", sequence: 2, unit: .page, words: 4, actual: [5])
        try job(x, "de", words: 800, actual: [400, 380], released: 999)
        try job(z, "fr", words: 500, actual: [500])
        try job(y, "fr", words: 2_000, actual: [2_100])
        try await env.stores.production.createJobs(jobs, events: [])
        for assignment in assignments { try await env.stores.production.addAssignment(assignment) }
    }
}
