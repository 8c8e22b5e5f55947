import Foundation
import TandemDomain

extension DemoAccounts {
    static let step = DemoSeed.Step(name: "demo.v2.accounts", idBase: idBase) { stores, _, _, now in
        try await seed(stores, now: now)
    }

    static let firstNames = [
        "Greta", "Jonas", "Camille", "Lucas", "Amélie", "Marco", "Sofie", "Henrik", "Inès", "Tomás", "Yuki", "Priya",
        "Oliver", "Chiara", "Mateusz", "Léa", "Anders", "Elena", "Noah", "Zoé",
    ]
    static let lastNames = [
        "Brandt", "Weber", "Laurent", "Moreau", "Rossi", "Nielsen", "Berg", "Garcia", "Tanaka", "Kowalski", "Dubois",
        "Fischer", "Silva", "Novak", "Martin", "Lindgren", "Costa", "Meyer", "Jansen", "Bernard",
    ]
    static let jobs: [(String, Contact.BuyingRole)] = [
        ("Head of Localization", .decisionMaker), ("Procurement Manager", .buyer), ("Product Manager", .influencer),
        ("Regulatory Affairs Specialist", .endUser), ("Marketing Director", .decisionMaker),
        ("Technical Writer", .endUser),
    ]

    static func seed(_ stores: Stores, now: Date) async throws {
        let ids = IdentifierGenerator.sequential(startingAt: idBase + 0x100)
        let zone = TimeZone(identifier: "Europe/Paris")!
        let today = LocalDate(now, in: zone)
        func user(_ email: String) async throws -> User.ID {
            guard let user = try await stores.users.find(email: try EmailAddress(email)) else {
                throw DomainError.userNotFound
            }
            return user.id
        }
        var repIDs: [User.ID] = []
        for email in reps { repIDs.append(try await user(email)) }
        var pmIDs: [User.ID] = []
        for email in pms { pmIDs.append(try await user(email)) }
        let day: TimeInterval = 86_400

        for (i, entry) in catalogue.enumerated() {
            let created = now - Double(420 - i * 7) * day
            let account = makeAccount(
                i, entry, owner: repIDs[entry.rep], pm: pmIDs[entry.pm], at: created, today: today)
            try await stores.accounts.create(account)
            let contacts = try await seedContacts(i, account, stores, ids, at: created)
            try await seedBrief(i, account, stores, rep: repIDs[entry.rep], pm: pmIDs[entry.pm], at: created + 3 * day)
            try await seedAssets(i, account, stores, ids, by: pmIDs[entry.pm], at: created + 5 * day)
            try await seedActivities(
                i, account, stores, ids, rep: repIDs[entry.rep], contacts: contacts, now: now, today: today)
        }
    }

    static func makeAccount(
        _ i: Int, _ entry: Entry, owner: User.ID, pm: User.ID, at created: Date, today: LocalDate
    ) -> Account {
        let medical = entry.industry == "Medical devices" || entry.industry == "Pharmaceuticals"
        let publicSector = entry.industry == "Public sector"
        let targets = entry.pairs.compactMap { try? AccountRules.languagePair($0).target }
        let framework =
            entry.tier == .a
            ? FrameworkAgreement(
                throughput: targets.map { .init(targetLanguage: $0, wordsPerDay: medical ? 2000 : 2500) },
                leadTimeDays: medical ? 2 : 1) : nil
        return Account(
            id: accountID(i), name: entry.name, currency: try! CurrencyCode(entry.currency), status: entry.status,
            createdAt: created, legalName: legalName(entry),
            vatNumber: entry.country + String(format: "%09d", 104_729 * (i + 3)),
            billingAddress:
                "\(12 + i) \(["Market Street", "Rue de la Paix", "Hauptstraße", "Via Roma"][i % 4])\n\(entry.country)",
            country: entry.country, website: "https://www.\(entry.domain)", industry: entry.industry,
            subjectDomains: entry.subjects,
            languagePairs: entry.pairs.compactMap { try? AccountRules.languagePair($0) },
            tier: entry.tier, ownerId: owner, partnerPmId: pm, tags: tags(i, entry),
            notes: i % 3 == 0 ? "Prefers one consolidated invoice per month." : "",
            parentId: entry.parent.map(accountID),
            terms: CommercialTerms(
                paymentTermsDays: publicSector ? 60 : [30, 45, 30, 60][i % 4],
                purchaseOrderRequired: publicSector || i % 5 == 0,
                framework: framework, ndaDate: i % 2 == 0 ? today.adding(days: -300 + i * 5) : nil,
                inCountryReview: medical ? InCountryReview(isRequired: true, workingDays: 3 + i % 3) : InCountryReview()
            ))
    }

    static func legalName(_ entry: Entry) -> String {
        switch entry.country {
        case "DE", "AT": return entry.name + " GmbH"
        case "FR": return entry.name + " SAS"
        case "GB", "IE": return entry.name + " Ltd"
        case "US", "CA", "IL": return entry.name + " Inc."
        case "CH": return entry.name + " AG"
        default: return entry.name
        }
    }

    static func tags(_ i: Int, _ entry: Entry) -> [String] {
        var tags: [String] = []
        if entry.tier == .a { tags.append("key account") }
        if entry.parent != nil { tags.append("subsidiary") }
        if i % 4 == 1 { tags.append("tekom 2026") }
        if entry.status == .prospect { tags.append("inbound lead") }
        return tags
    }

    static func seedContacts(
        _ i: Int, _ account: Account, _ stores: Stores, _ ids: IdentifierGenerator, at created: Date
    ) async throws -> [Contact.ID] {
        var result: [Contact.ID] = []
        for n in 0..<(1 + i % 3) {
            let first = firstNames[(i * 3 + n) % firstNames.count]
            let last = lastNames[(i * 7 + n * 5) % lastNames.count]
            let job = jobs[(i + n * 2) % jobs.count]
            let host = account.website.replacingOccurrences(of: "https://www.", with: "")
            let language = account.languagePairs.first?.source
            let contact = Contact(
                id: ids(), accountId: account.id, name: "\(first) \(last)", jobTitle: job.0,
                email: TextFolding.fold(first) + "." + TextFolding.fold(last) + "@" + host,
                phone: "+\(30 + i % 20) \(100 + i) \(200 + n * 11) \(40 + i)", preferredLanguage: language,
                buyingRole: job.1, createdAt: created)
            try await stores.contacts.create(contact)
            result.append(contact.id)
        }
        return result
    }
}
