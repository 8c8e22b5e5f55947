import Foundation
import TandemApp
import TandemDomain

/// Demo step "demo.v3.threads" (after the together area): conversations on the records that got
/// their thread later — jobs, promises, working groups, an idea and a proposal — written through
/// the same use case as the pages. All of it is more than a day old, so its notifications are read.
enum ThreadRecordsDemo {
    static let step = DemoSeed.Step(name: "demo.v3.threads", idBase: 0xB0_0000) { stores, ids, _, now in
        try await seed(stores, ids: ids, now: now)
    }

    typealias Line = ThreadDemo.Line
    static let morgan = "manager@lumen.example"
    static let victor = "victor.vendor@lumen.example"

    static let translationJob: [Line] = [
        Line(
            author: ThreadDemo.paula, hoursAgo: 52,
            text:
                "The translator asks whether the client's **termbase** applies to the UI strings too. @sofia.sales can you check with their product team?"
        ),
        Line(
            author: ThreadDemo.sofia, hoursAgo: 47,
            text: "Yes for the UI strings; the marketing copy can stay freer. They send the updated termbase tomorrow."),
        Line(
            author: ThreadDemo.paula, hoursAgo: 30,
            text: "Termbase received and passed on to the translator. No change to the due date."),
    ]

    static let reviewJob: [Line] = [
        Line(
            author: ThreadDemo.pierre, hoursAgo: 40,
            text:
                "The source mixes *mm* and *millimetre* in the tables. I'll list them in the delivery note rather than hold the job."
        ),
        Line(
            author: ThreadDemo.samuel, hoursAgo: 38,
            text: "Good call, @pierre.durand: this client prefers a query list to silent fixes."),
    ]

    static let promiseAtRisk: [Line] = [
        Line(
            author: ThreadDemo.priya, hoursAgo: 60,
            text:
                "The forecast now finishes a day after the promised date: the reviewer is out on Thursday. @sara.lindqvist could the client take the main document on the day and the annexes after?"
        ),
        Line(
            author: ThreadDemo.sara, hoursAgo: 55,
            text:
                "They can take the main document on the promised day and the annexes on Monday. I'll renegotiate the annexes only if we have to."
        ),
        Line(
            author: ThreadDemo.priya, hoursAgo: 50,
            text: "Agreed. The main document stays on track; I've moved QA earlier."),
    ]

    static let promiseOnTrack: [Line] = [
        Line(
            author: ThreadDemo.sofia, hoursAgo: 72,
            text: "The client's go-live moved by a week, but they still want the files on the promised date."),
        Line(
            author: ThreadDemo.paula, hoursAgo: 70,
            text: "Noted. We're a day ahead of plan, so I'll keep the buffer for their review round."),
    ]

    static let regulatedGroup: [Line] = [
        Line(
            author: ThreadDemo.sofia, hoursAgo: 150,
            text:
                "Two prospects asked for **ISO 17100 evidence per reviewer** in their RFPs this month. I'll bring their questions to our next meeting."
        ),
        Line(
            author: victor, hoursAgo: 140,
            text:
                "Reviewer pool: 6 of the 9 DE and FR reviewers have their medical credentials on file. @paula.project which projects need the other three first?"
        ),
        Line(
            author: ThreadDemo.paula, hoursAgo: 120,
            text: "The two cardiology manuals in January. The audit checklist is now part of every hand-off."),
        Line(
            author: ThreadDemo.priya, hoursAgo: 100,
            text: "I've added the checklist to the project template, so nobody has to remember it."),
    ]

    static let estimatesGroup: [Line] = [
        Line(
            author: ThreadDemo.samuel, hoursAgo: 130,
            text:
                "Median time from request to quote last month: **26 hours**. Our goal is two working hours for standard requests."
        ),
        Line(
            author: morgan, hoursAgo: 126,
            text: "Let's see where the hours go first. @sara.lindqvist can you log three requests end to end this week?"
        ),
        Line(
            author: ThreadDemo.sara, hoursAgo: 110,
            text:
                "Logged three: most of the time is waiting for the file analysis and for a PM's capacity answer. The turnaround table would remove the second."
        ),
    ]

    static let ideaTalk: [Line] = [
        Line(
            author: ThreadDemo.pierre, hoursAgo: 90,
            text: "We tried this on two projects last year: it saved about an hour per project."),
        Line(author: ThreadDemo.sofia, hoursAgo: 86, text: "+1, clients keep asking for it in kick-off calls."),
    ]

    static let proposalTalk: [Line] = [
        Line(
            author: ThreadDemo.priya, hoursAgo: 80,
            text: "I'd co-sign if the recurring cost includes the font licences. @samuel.sauer does it?"),
        Line(
            author: ThreadDemo.samuel, hoursAgo: 76,
            text: "It does: fonts for three seats are in the yearly cost. The agencies charged us more for one project."
        ),
    ]

    static func seed(_ stores: Stores, ids: IdentifierGenerator, now: Date) async throws {
        var threads: [(RecordSubject, [Line])] = []
        threads += try await jobThreads(stores)
        threads += try await promiseThreads(stores, now: now)
        let groups = try await stores.together.groups.list()
        for (name, lines) in [("Regulated content", regulatedGroup), ("Faster estimates", estimatesGroup)] {
            if let group = groups.first(where: { $0.name == name }) {
                threads.append((RecordSubject(kind: .group, id: group.id.rawValue), lines))
            }
        }
        if let idea = try await stores.together.ideas.list().first(where: { $0.status == .underReview }) {
            threads.append((RecordSubject(kind: .idea, id: idea.id.rawValue), ideaTalk))
        }
        if let proposal = try await stores.together.proposals.list().first(where: { $0.title.contains("DTP") }) {
            threads.append((RecordSubject(kind: .proposal, id: proposal.id.rawValue), proposalTalk))
        }
        try await ThreadDemo.post(threads, stores, ids: ids, now: now)
    }

    /// A translation job and a review job of the first open project with assigned vendors.
    static func jobThreads(_ stores: Stores) async throws -> [(RecordSubject, [Line])] {
        for project in try await stores.quoteStores.projects.list().sorted(by: { $0.id < $1.id }) {
            let jobs = try await stores.production.jobs(of: project.id).filter { $0.status.isOpen }
            guard let translation = jobs.first(where: { $0.step == .translation && !$0.isInternal }),
                let review = jobs.first(where: {
                    $0.step != .translation && $0.targetLanguage == translation.targetLanguage
                })
            else { continue }
            return [
                (RecordSubject(kind: .job, id: translation.id.rawValue), translationJob),
                (RecordSubject(kind: .job, id: review.id.rawValue), reviewJob),
            ]
        }
        return []
    }

    /// An open promise at risk (else the first open one) and another on track.
    static func promiseThreads(_ stores: Stores, now: Date) async throws -> [(RecordSubject, [Line])] {
        let open = try await stores.ledger.page(
            LedgerFilter(statuses: [.onTrack, .atRisk]), now: now, after: nil, limit: 200
        ).sorted { $0.id < $1.id }
        guard let risky = open.first(where: { $0.promise.status == .atRisk }) ?? open.first else { return [] }
        var threads = [(RecordSubject(kind: .promise, id: risky.id.rawValue), promiseAtRisk)]
        if let calm = open.first(where: { $0.promise.status == .onTrack && $0.id != risky.id }) {
            threads.append((RecordSubject(kind: .promise, id: calm.id.rawValue), promiseOnTrack))
        }
        return threads
    }
}
