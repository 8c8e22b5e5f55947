import Fluent
import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Vapor

/// The demo workspace of a mid-size LSP, seeded once by `tandem serve --demo`. Deterministic:
/// fixed names, fixed IDs. Each step runs once per database (recorded in `seed_runs`); later
/// features append steps with their own names and ID ranges, never edit shipped ones.
public enum DemoSeed {
    public struct Login: Sendable, Equatable {
        public var email: String
        public var roles: String
    }
    /// Shown on the console with the logins; demo data only, never used outside `--demo`.
    public static let password = "demo-password"

    struct Step: Sendable {
        var name: String
        /// First sequential UUID of this step; steps own disjoint ranges.
        var idBase: Int
        var run:
            @Sendable (_ stores: Stores, _ ids: IdentifierGenerator, _ hasher: AsyncPasswordHasher, _ now: Date)
                async throws -> Void
    }

    static let people: [(name: String, email: String, roles: Set<Role>)] = [
        ("Alex Admin", "admin@lumen.example", [.admin]),
        ("Morgan Martin", "manager@lumen.example", [.manager]),
        ("Sofia Sales", "sofia.sales@lumen.example", [.sales]),
        ("Samuel Sauer", "samuel.sauer@lumen.example", [.sales]),
        ("Sara Lindqvist", "sara.lindqvist@lumen.example", [.sales]),
        ("Paula Project", "paula.project@lumen.example", [.pm]),
        ("Pierre Durand", "pierre.durand@lumen.example", [.pm]),
        ("Priya Natarajan", "priya.natarajan@lumen.example", [.pm]),
        ("Victor Vendor", "victor.vendor@lumen.example", [.vendorManager]),
    ]

    static let steps: [Step] = [
        Step(name: "demo.v1.organisation", idBase: 0x1_0000) { stores, _, _, _ in
            let holidays = try [
                ("2026-12-25", "Noël"), ("2027-01-01", "Jour de l'an"), ("2027-03-29", "Lundi de Pâques"),
                ("2027-05-01", "Fête du Travail"), ("2027-05-08", "Victoire 1945"), ("2027-05-06", "Ascension"),
                ("2027-05-17", "Lundi de Pentecôte"), ("2027-07-14", "Fête nationale"), ("2027-08-15", "Assomption"),
                ("2027-11-01", "Toussaint"), ("2027-11-11", "Armistice"), ("2027-12-25", "Noël"),
            ].map { PublicHoliday(date: try LocalDate(iso: $0.0), name: $0.1) }
            try await stores.organisation.save(
                try OrganisationSettings(
                    name: "Lumen Language Services", baseCurrency: .eur, timeZone: "Europe/Paris",
                    workingDays: [.mon, .tue, .wed, .thu, .fri], defaultLocale: "en", holidays: holidays))
        },
        Step(name: "demo.v1.users", idBase: 0x2_0000) { stores, ids, hasher, now in
            let hash = try await hasher.hash(password)
            for person in people {
                let user = try NewUser(
                    email: try EmailAddress(person.email), displayName: person.name, roles: person.roles,
                    passwordHash: hash)
                _ = try await stores.users.create(user, id: ids(), at: now)
            }
        },
        DemoAccounts.step,
        VendorDemo.step,
        PipelineDemo.step,
        PricingDemo.step,
        // Quotes are priced with the demo's rate cards, so they come after them.
        QuoteDemo.step,
        ProductionDemo.step,
        // Historic projects and promises, and the current projects' standings (docs/ledger.md).
        LedgerDemo.step,
        ThreadDemo.step,  // threads (issue #15)
        // Working together (docs/together.md), after production, ledger and threads.
        TogetherDemo.step,
        // Issues #13 and #14, second pass: a held pair for the amber verdict (docs/quotes.md).
        CrunchDemo.step,
        GuidanceDemo.step,  // review-gate history for the parity dashboard (docs/guidance.md)
        ThreadRecordsDemo.step,  // threads on jobs, promises, groups, an idea and a proposal (issue #15)
        // Scorecards and incentive plans (docs/metrics.md), after the ledger's history.
        GoalsDemo.step,
        // A booked translator off sick turns promises at risk (docs/ledger.md).
        AbsenceDemo.step,
        // Exchange rates over the demo's whole history (docs/metrics.md).
        RatesDemo.step,
    ]

    /// Refused by `serve --demo`: the database holds people who are not the demo's, and the demo
    /// would add accounts with a published password next to them.
    public struct RealUsersPresent: Error, CustomStringConvertible {
        public var count: Int
        public var description: String {
            "This database already holds \(count) user(s) that are not demo users; --demo would add accounts with a "
                + "published password to it. Start without --demo, or point TANDEM_DATA_DIR (or DATABASE_URL) at "
                + "an empty database for the demo."
        }
    }

    /// Throws `RealUsersPresent` when any user is not one of the demo's people.
    public static func checkDatabaseIsDemoOnly(_ stores: Stores) async throws {
        let demoAddresses = Set(people.map(\.email))
        let others = try await stores.users.list().filter { !demoAddresses.contains($0.email.value) }
        if !others.isEmpty { throw RealUsersPresent(count: others.count) }
    }

    /// Runs the steps that have not run yet; returns the demo logins to print.
    @discardableResult
    /// `files` keeps the demo quotes' files (the data directory under `serve --demo`), so a demo
    /// quote can be analysed again; without it they live in memory while seeding.
    public static func run(
        on database: any Database, hasher: AsyncPasswordHasher, clock: @escaping @Sendable () -> Date,
        files: (any AssetFiles)? = nil
    ) async throws -> [Login] {
        let ledger = FluentSeedLedger(database: database)
        for step in steps where !(try await ledger.hasRun(step.name)) {
            // Each step and its ledger entry commit together: an interrupted seed reruns cleanly.
            try await database.transaction { db in
                // Bound inside: the transaction's closure runs in a task of its own.
                try await QuoteDemoFiles.$keep.withValue(files) {
                    let ids = IdentifierGenerator.sequential(startingAt: step.idBase)
                    try await step.run(.fluent(db, clock: clock, ids: ids), ids, hasher, clock())
                    try await FluentSeedLedger(database: db).markRun(step.name, at: clock())
                }
            }
        }
        return people.map { Login(email: $0.email, roles: Role.listString($0.roles)) }
    }

    public static func banner(logins: [Login], baseURL: String) -> String {
        var lines = [
            "Demo workspace: Lumen Language Services — open \(baseURL)", "",
            "Demo logins (password for all: \(password)):",
        ]
        for login in logins {
            lines.append("  \(login.email.padding(toLength: 34, withPad: " ", startingAt: 0)) \(login.roles)")
        }
        return lines.joined(separator: "\n")
    }
}
