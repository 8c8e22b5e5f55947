import Foundation
import TandemDomain

extension DemoAccounts {
    static let problems = [
        "Three vendors deliver in three different styles; reviewers in the subsidiaries rewrite too much.",
        "Release cycles of two weeks; translations arrive after the build freeze.",
        "Regulatory submissions (MDR) were rejected twice for inconsistent terminology.",
        "Marketing copy reads translated; conversion in Germany is half of France.",
        "Contracts need sworn translations within 48 hours during closings.",
    ]
    static let objectives = [
        "One vendor for all European languages by the next fiscal year.",
        "Ship every release simultaneously in all languages.",
        "Pass the next notified-body audit without findings on labelling.",
        "Raise conversion in DACH by localising, not translating, campaigns.",
        "Predictable turnaround for urgent legal work, with a named team.",
    ]
    static let criteria: [[ClientBrief.BuyingCriterion]] = [
        [.init(name: "Quality", weight: 50), .init(name: "Turnaround", weight: 30), .init(name: "Price", weight: 20)],
        [
            .init(name: "Connector to their repository", weight: 40), .init(name: "Speed", weight: 40),
            .init(name: "Price", weight: 20),
        ],
        [.init(name: "ISO 13485 / ISO 17100 evidence", weight: 60), .init(name: "Terminology management", weight: 40)],
        [.init(name: "Creative quality", weight: 60), .init(name: "Price", weight: 40)],
        [.init(name: "Confidentiality", weight: 50), .init(name: "Availability at short notice", weight: 50)],
    ]
    static let quality = [
        "ISO 17100 with a second linguist on every job.",
        "Terminology sign-off by the client's product team before the first release.",
        "ISO 17100, second linguist, in-country review by the subsidiaries.",
        "Transcreation by native copywriters; a back-translation for claims.",
        "Sworn translators for court documents; four-eyes check on numbers and dates.",
    ]

    static func seedBrief(
        _ i: Int, _ account: Account, _ stores: Stores, rep: User.ID, pm: User.ID, at start: Date
    ) async throws {
        let kind = i % 5
        var brief = ClientBrief()
        brief.problems = problems[kind]
        brief.stakeholders = "Head of localization (decides), procurement (buys), product managers (review)."
        var versions: [(ClientBrief, User.ID)] = [(brief, rep)]
        // One account in five keeps an incomplete brief: sales has more to learn there.
        guard i % 5 != 3 else { return try await store(versions, account, stores, at: start) }
        brief.objectives = objectives[kind]
        brief.buyingCriteria = criteria[kind]
        brief.qualityExpectations = quality[kind]
        brief.audience = ["Developers and end users", "Clinicians and patients", "Lawyers and courts"][i % 3]
        brief.fileFormatsAndTools = ["XLIFF 2.0 from their CMS", "IDML and PDF", "DOCX with tracked changes"][i % 3]
        brief.priceAndTurnaround =
            "Expects rates in line with last year; 2,500 words a day per language is the standard turnaround."
        if i % 3 >= 1 {
            versions = [(brief, rep)]
        } else {
            versions.append((brief, rep))
        }
        if i % 3 == 2 || i % 4 == 0 {
            brief.risks = "Source files change late; the client's reviewers are often on leave in August."
            brief.productionNotes = "Reuse the client's TM; assign the same two linguists as last year."
            versions.append((brief, pm))
        }
        try await store(versions, account, stores, at: start)
    }

    static func store(
        _ versions: [(ClientBrief, User.ID)], _ account: Account, _ stores: Stores, at start: Date
    ) async throws {
        for (n, version) in versions.enumerated() {
            try await stores.briefs.append(
                BriefVersion(
                    subject: .account(account.id), number: n + 1, content: version.0, authorId: version.1,
                    createdAt: start + Double(n * 9) * 86_400))
        }
    }

    static func seedAssets(
        _ i: Int, _ account: Account, _ stores: Stores, _ ids: IdentifierGenerator, by pm: User.ID, at date: Date
    ) async throws {
        let languages = Array(Set(account.languagePairs.flatMap { [$0.source, $0.target] }))
            .sorted { $0.description < $1.description }
        var assets: [ClientAsset] = []
        if account.tier != .c {
            assets.append(
                ClientAsset(
                    id: ids(), accountId: account.id, kind: .translationMemory, title: "\(account.name) master TM",
                    languages: languages, note: "Kept in the client's CAT workspace; export on request.",
                    uploadedBy: pm, uploadedAt: date))
        }
        if i % 3 == 0 {
            assets.append(
                ClientAsset(
                    id: ids(), accountId: account.id, kind: .styleGuide, title: "Style guide \(account.name)",
                    note: "Tone: formal; address readers with “vous” in French.", uploadedBy: pm,
                    uploadedAt: date + 86_400))
        }
        if account.terms.ndaDate != nil {
            assets.append(
                ClientAsset(
                    id: ids(), accountId: account.id, kind: .nda, title: "Mutual NDA", note: "Signed by both parties.",
                    uploadedBy: pm, uploadedAt: date))
        }
        for asset in assets { try await stores.clientAssets.create(asset) }
    }

    static func seedActivities(
        _ i: Int, _ account: Account, _ stores: Stores, _ ids: IdentifierGenerator, rep: User.ID,
        contacts: [Contact.ID], now: Date, today: LocalDate
    ) async throws {
        let day: TimeInterval = 86_400
        let log: [(Activity.Kind, Double, String, String, Int?)] = [
            (.call, 40, "Discovery call: volumes, languages and who reviews.", "", nil),
            (.meeting, 12, "Met the localization team on site; walked through their release process.", "", nil),
            (
                .email, Double(2 + i % 5), "Sent the capability deck and two references.",
                "Call back about the pilot project", i % 4 == 0 ? -(3 + i % 6) : 4 + i % 9
            ),
        ]
        for (n, item) in log.enumerated() {
            let due = item.4.map { today.adding(days: $0) }
            try await stores.activities.create(
                Activity(
                    id: ids(), subject: .account(account.id), kind: item.0, occurredAt: now - item.1 * day,
                    text: item.2,
                    nextStep: item.3, nextStepDue: due, ownerId: rep, authorId: rep,
                    contactId: contacts[n % contacts.count], createdAt: now - item.1 * day))
        }
    }
}
