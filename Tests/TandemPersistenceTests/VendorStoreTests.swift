import FluentKit
import Foundation
import TandemDomain
import Testing

@testable import TandemPersistence

/// Vendor stores on SQLite in memory, and on PostgreSQL when TANDEM_TEST_DATABASE_URL is set.
@Suite("Vendor stores")
struct VendorStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func withStores(_ body: (Stores) async throws -> Void) async throws {
        let db = try await StandaloneDatabase.scratch()
        let t0 = self.t0
        do { try await body(.fluent(db.database, clock: { t0 }, ids: .sequential())) } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }

    static func id<T>(_ n: Int) -> Identifier<T> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", n))!)
    }

    func vendor(_ n: Int, _ name: String, status: VendorStatus = .approved) -> VendorProfile {
        VendorProfile(
            id: Self.id(n), name: name, kind: .agency, email: try? EmailAddress("\(n)@vendors.example"),
            country: "DE", timeZone: "Europe/Berlin", status: status,
            workingHours: WorkingHours([
                .mon: [.init(fromMinute: 480, toMinute: 720), .init(fromMinute: 780, toMinute: 1020)]
            ]),
            domains: [SubjectDomain(name: "Legal", level: .expert)], tools: ["memoQ"],
            ndaSignedOn: try? LocalDate(iso: "2026-01-15"), maxBookedShare: Decimal(string: "0.8"), qualityScore: 91,
            parallelWorkers: 3, currency: .gbp, weightingGrid: .goldenRule, createdAt: t0)
    }

    func capability(
        _ n: Int, vendor: Int, _ source: String, _ target: String, _ service: LinguisticService = .translation,
        domains: [String] = []
    )
        throws -> VendorCapability
    {
        VendorCapability(
            id: Self.id(n), vendorID: Self.id(vendor),
            pair: LanguagePair(source: try LanguageTag(source), target: try LanguageTag(target)), service: service,
            throughput: .wordsPerHour(350),
            approval: CapabilityApproval(
                approved: true, degree: "MA Translation", yearsOfExperience: 6, testPassed: true),
            domains: domains)
    }

    @Test func vendorsRoundTripWithEveryField() async throws {
        try await withStores { stores in
            let original = vendor(1, "Berlin Sprachwerk")
            try await stores.vendors.create(original)
            let loaded = try #require(try await stores.vendors.find(id: original.id))
            #expect(loaded == original)
            #expect(loaded.workingHours.intervals(on: .mon).count == 2)
            #expect(try await stores.vendors.count() == 1)
        }
    }

    @Test func listsFilterByPairServiceStatusAndDomain() async throws {
        try await withStores { stores in
            try await stores.vendors.createMany(
                [vendor(1, "Anna"), vendor(2, "bruno", status: .candidate), vendor(3, "Chloé")],
                capabilities: [
                    try capability(11, vendor: 1, "en", "de", domains: ["medical"]),
                    try capability(12, vendor: 2, "en", "de", .revision),
                    try capability(13, vendor: 3, "en", "ja"),
                ], rates: [])
            let enDe = try await stores.vendors.list(
                VendorFilter(source: try LanguageTag("en"), target: try LanguageTag("de")))
            #expect(enDe.map(\.name) == ["Anna", "bruno"])
            let revision = try await stores.vendors.list(VendorFilter(service: .revision))
            #expect(revision.map(\.name) == ["bruno"])
            #expect(try await stores.vendors.list(VendorFilter(status: .candidate)).map(\.name) == ["bruno"])
            // A capability's domains count, and so do the vendor's own (all three list legal).
            #expect(try await stores.vendors.list(VendorFilter(domain: "medical")).map(\.name) == ["Anna"])
            #expect(try await stores.vendors.list(VendorFilter(domain: "Legal")).count == 3)
            let medicalJapanese = try await stores.vendors.list(
                VendorFilter(target: try LanguageTag("ja"), domain: "medical"))
            #expect(medicalJapanese.isEmpty)
            #expect(try await stores.vendors.list(VendorFilter(text: "RUN")).map(\.name) == ["bruno"])
        }
    }

    @Test func anEditWritesOnlyItsFieldsAndRefusesAStaleVersion() async throws {
        try await withStores { stores in
            try await stores.vendors.create(vendor(1, "Anna"))
            var change = VendorProfileChange()
            change.qualityScore = .some(75)
            change.phone = .some("+49 30 1234")
            let edited = try await stores.vendors.update(Self.id(1), change, expectedVersion: 1, at: t0 + 60)
            #expect(edited.version == 2)
            #expect(edited.qualityScore == 75)
            #expect(edited.name == "Anna")
            #expect(edited.weightingGrid == .goldenRule)
            var stale = VendorProfileChange()
            stale.name = "Anna B."
            await #expect(throws: DomainError.self) {
                _ = try await stores.vendors.update(Self.id(1), stale, expectedVersion: 1, at: t0 + 120)
            }
            await #expect(throws: DomainError.self) {
                _ = try await stores.vendors.update(Self.id(99), stale, expectedVersion: nil, at: t0)
            }
            #expect(try await stores.vendors.find(id: Self.id(1))?.name == "Anna")
        }
    }

    @Test func aNewRateClosesTheCurrentOneWithoutRewritingIt() async throws {
        try await withStores { stores in
            try await stores.vendors.create(vendor(1, "Anna"))
            let pair = LanguagePair(source: try LanguageTag("en"), target: try LanguageTag("de"))
            let old = VendorRate(
                id: Self.id(21), vendorID: Self.id(1), pair: pair, service: .translation, unit: .word,
                price: Money(Decimal(string: "0.09")!, .gbp), validFrom: try LocalDate(iso: "2026-01-01"))
            try await stores.vendors.addRate(old)
            var new = old
            new.id = Self.id(22)
            new.price = Money(Decimal(string: "0.10")!, .gbp)
            new.rushPrice = Money(Decimal(string: "0.14")!, .gbp)
            new.validFrom = try LocalDate(iso: "2026-07-01")
            try await stores.vendors.addRate(new)
            let rates = try await stores.vendors.rates(of: Self.id(1))
            #expect(rates.map(\.price.amount) == [Decimal(string: "0.09")!, Decimal(string: "0.10")!])
            #expect(rates[0].validTo == (try LocalDate(iso: "2026-07-01")))
            #expect(rates[1].validTo == nil)
            #expect(rates[1].rushPrice?.amount == Decimal(string: "0.14"))
            #expect(rates[0].isValid(on: try LocalDate(iso: "2026-06-30")))
            #expect(!rates[0].isValid(on: try LocalDate(iso: "2026-07-01")))
        }
    }

    @Test func everyWriteRaisesTheChangeVersionAndNamesTheVendor() async throws {
        try await withStores { stores in
            #expect(try await stores.vendors.changeVersion() == 0)
            try await stores.vendors.createMany([vendor(1, "Anna"), vendor(2, "Bruno")], capabilities: [], rates: [])
            let afterCreate = try await stores.vendors.changeVersion()
            #expect(afterCreate == 1)
            try await stores.vendorSchedule.addAbsence(
                VendorAbsence(id: Self.id(31), vendorID: Self.id(2), from: t0, to: t0 + 3600, reason: "dentist"))
            let changes = try await stores.vendors.changes(since: afterCreate)
            #expect(changes.version == 2)
            #expect(changes.vendorIDs == [Self.id(2)])
            #expect(try await stores.vendorSchedule.removeAbsence(Self.id(31), of: Self.id(1)) == false)
            #expect(try await stores.vendorSchedule.removeAbsence(Self.id(31), of: Self.id(2)))
            #expect(try await stores.vendors.changeVersion() == 3)
            #expect(try await stores.vendors.changes(since: 3).vendorIDs.isEmpty)
        }
    }

    @Test func calendarsAreListedByOverlapAndSnapshotsLoadEverything() async throws {
        try await withStores { stores in
            try await stores.vendors.createMany(
                [vendor(1, "Anna"), vendor(2, "Bruno")], capabilities: [try capability(11, vendor: 1, "en", "de")],
                rates: [])
            let hour: TimeInterval = 3600
            try await stores.vendorSchedule.addBookings([
                VendorBooking(
                    id: Self.id(41), vendorID: Self.id(1), from: t0, to: t0 + 4 * hour, minutes: 180,
                    jobReference: "J-1"),
                VendorBooking(
                    id: Self.id(42), vendorID: Self.id(1), from: t0 + 48 * hour, to: t0 + 50 * hour, minutes: 120),
                VendorBooking(
                    id: Self.id(43), vendorID: Self.id(2), from: t0 - 48 * hour, to: t0 - 47 * hour, minutes: 60),
            ])
            try await stores.vendorSchedule.addHolds([
                TentativeHold(
                    id: Self.id(51), vendorID: Self.id(2), from: t0, to: t0 + 8 * hour, minutes: 240,
                    probability: Decimal(string: "0.35")!, quoteReference: "Q-7")
            ])
            let window = DateInterval(start: t0 + hour, end: t0 + 49 * hour)
            #expect(
                try await stores.vendorSchedule.bookings(of: Self.id(1), overlapping: window).map(\.id) == [
                    Self.id(41), Self.id(42),
                ])
            #expect(try await stores.vendorSchedule.bookings(of: nil, overlapping: nil).count == 3)
            #expect(
                try await stores.vendorSchedule.holds(of: Self.id(2), overlapping: nil).first?.probability
                    == Decimal(string: "0.35"))
            #expect(try await stores.vendorSchedule.findBooking(Self.id(41))?.jobReference == "J-1")

            let all = try await stores.vendors.snapshot(of: nil, from: t0)
            #expect(all.vendors.map(\.name) == ["Anna", "Bruno"])
            #expect(all.capabilities.count == 1)
            #expect(all.bookings.map(\.id) == [Self.id(41), Self.id(42)])  // the past one ended before `from`
            #expect(all.holds.count == 1)
            #expect(all.version == (try await stores.vendors.changeVersion()))
            let one = try await stores.vendors.snapshot(of: [Self.id(2)], from: nil)
            #expect(one.vendors.map(\.name) == ["Bruno"])
            #expect(one.bookings.map(\.id) == [Self.id(43)])
            #expect(try await stores.vendorSchedule.removeBooking(Self.id(43)))
            #expect(try await stores.vendorSchedule.removeHold(Self.id(51)))
            #expect(try await stores.vendorSchedule.findHold(Self.id(51)) == nil)
        }
    }
}
