import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

/// Vendor use cases on a real database: SQLite in memory, or PostgreSQL when
/// TANDEM_TEST_DATABASE_URL is set.
@Suite("Vendor directory and scheduling")
struct VendorDirectoryTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    func withEnvironment(_ body: (AppEnvironment) async throws -> Void) async throws {
        let database = try await StandaloneDatabase.scratch()
        let clock: @Sendable () -> Date = { Self.now }
        let ids = IdentifierGenerator.sequential()
        let env = AppEnvironment(
            stores: .fluent(database.database, clock: clock, ids: ids), clock: clock, ids: ids,
            passwords: UserAdministrationTests.PlainHashing())
        do { try await body(env) } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    static func input(name: String = "Lena Vogel", zone: String = "Europe/Berlin") -> VendorInput {
        VendorInput(
            name: name, kind: "agency", email: "lena@vogel.example", country: "de", timeZone: zone,
            workingHours: ["mon": ["08:00-12:00", "13:00-17:00"], "fri": ["08:00-12:00"]],
            domains: [DomainInput(name: "Legal", level: "expert")], tools: ["Trados Studio", " "],
            ndaSignedOn: "2026-03-01", maxBookedShare: "0.75", qualityScore: 92, parallelWorkers: 3, currency: "GBP",
            pairs: [
                PairInput(
                    source: "en", target: "de",
                    services: [
                        (
                            "translation",
                            CapabilityInput(wordsPerHour: "400", degree: "MA", testPassed: true, domains: ["Legal"])
                        ),
                        ("dtp", CapabilityInput(pagesPerHour: "6")),
                    ],
                    rates: [
                        RateInput(
                            service: "translation", unit: "word", price: MoneyInput(amount: "0.09", currency: "GBP"),
                            rushPrice: MoneyInput(amount: "0.12", currency: "GBP"))
                    ])
            ])
    }

    @Test func createStoresTheVendorWithCapabilitiesAndRates() async throws {
        try await withEnvironment { env in
            let created = try await VendorDirectory(env).create(Self.input())
            let details = try await VendorDirectory(env).details(created.profile.id)
            #expect(details.profile.kind == .agency)
            #expect(details.profile.country == "DE")
            #expect(details.profile.tools == ["Trados Studio"])
            #expect(details.profile.workingHours.weeklyMinutes == 12 * 60)
            #expect(details.capabilities.map(\.service) == [.dtp, .translation])
            #expect(details.capabilities.allSatisfy { $0.approval.approved })
            #expect(details.capabilities.first?.throughput == Throughput(perHour: 6, unit: .pages))
            #expect(details.capabilities.last?.domains == ["legal"])
            #expect(details.rates.first?.validFrom == (try LocalDate(iso: "2026-11-18")))
            #expect(details.rates.first?.rushPrice == Money(Decimal(string: "0.12")!, .gbp))
        }
    }

    @Test func everyWrongFieldIsReportedAndNothingIsStored() async throws {
        try await withEnvironment { env in
            var input = Self.input(name: " ", zone: "Europe/Pariss")
            input.maxBookedShare = "80%"
            input.qualityScore = 101
            input.pairs[0].rates[0].price.currency = "EURO"
            input.pairs[0].services[1].capability = CapabilityInput()
            let error = await #expect(throws: ValidationErrors.self) { try await VendorDirectory(env).create(input) }
            #expect(
                error?.errors.map(\.field) == [
                    "name", "timeZone", "maxBookedShare", "qualityScore", "pairs.0.services.dtp.wordsPerHour",
                    "pairs.0.rates.0.price.currency",
                ])
            let stored = try await env.stores.vendors.count()
            #expect(stored == 0)
        }
    }

    @Test func editsChangeOnlyWhatTheyNameAndDeactivationKeepsTheRecord() async throws {
        try await withEnvironment { env in
            let directory = VendorDirectory(env)
            let id = try await directory.create(Self.input()).profile.id
            var edit = VendorEdit()
            edit.phone = "+49 30 555"
            edit.ndaSignedOn = ""
            let edited = try await directory.update(id, edit, expectedVersion: 1)
            #expect(edited.phone == "+49 30 555")
            #expect(edited.ndaSignedOn == nil)
            #expect(edited.qualityScore == 92)
            await #expect(throws: DomainError.self) { _ = try await directory.update(id, edit, expectedVersion: 1) }
            #expect(try await directory.deactivate(id).status == .inactive)
        }
    }

    @Test func aNewRateEndsTheCurrentOne() async throws {
        try await withEnvironment { env in
            let directory = VendorDirectory(env)
            let id = try await directory.create(Self.input()).profile.id
            _ = try await directory.addRate(
                to: id, pair: ("en", "de"),
                RateInput(
                    service: "translation", unit: "word", price: MoneyInput(amount: "0.10", currency: "GBP"),
                    validFrom: "2027-01-01"))
            let rates = try await env.stores.vendors.rates(of: id)
            #expect(rates.map(\.validTo?.description) == ["2027-01-01", nil])
        }
    }

    @Test func absencesBookingsAndHoldsAreChecked() async throws {
        try await withEnvironment { env in
            let id = try await VendorDirectory(env).create(Self.input()).profile.id
            let scheduling = VendorScheduling(env)
            let start = Self.now
            let absence = try await scheduling.addAbsence(
                to: id, .init(from: start, to: start + 4 * 3600), reason: "Doctor")
            #expect(try await env.stores.vendorSchedule.absences(of: id, overlapping: nil) == [absence])
            let backwards = await #expect(throws: ValidationErrors.self) {
                try await scheduling.addAbsence(to: id, .init(from: start, to: start - 60), reason: nil)
            }
            #expect(backwards?.errors.map(\.field) == ["to"])
            let booking = try await scheduling.addBooking(
                vendorID: id, .init(from: start, to: start + 8 * 3600), minutes: nil, jobReference: "J-1")
            #expect(booking.minutes == 480)
            let hold = await #expect(throws: ValidationErrors.self) {
                try await scheduling.addHold(
                    vendorID: nil, .init(from: start, to: nil), minutes: nil, probability: "2", quoteReference: nil)
            }
            #expect(hold?.errors.map(\.field) == ["vendorId", "to", "probability"])
            try await scheduling.removeAbsence(absence.id, of: id)
            await #expect(throws: DomainError.self) { try await scheduling.removeAbsence(absence.id, of: id) }
        }
    }
}
