import Foundation
import TandemDomain
import Testing

/// Each derived promise status and each renegotiation rule, with a pinned clock.
@Suite("Promise standing and renegotiation")
struct PromiseStandingTests {
    /// Fri 2026-12-11 17:00 UTC.
    static let promised = Date(timeIntervalSince1970: 1_797_008_400)
    static let before = promised.addingTimeInterval(-86_400)
    static let utc = TimeZone(identifier: "UTC")!
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let terms = PromiseTerms(deliveryDate: promised, price: Money(600, .eur))

    func derive(
        _ terms: PromiseTerms = terms, zone: TimeZone = utc, finish: Date? = nil, delivered: Date? = nil,
        fullScope: Bool = true, brokenEarlier: Bool = false, now: Date = before
    ) -> PromiseStanding {
        PromiseStanding.derive(
            .init(
                terms: terms, clientZone: zone, forecast: PromiseForecast(expectedFinish: finish, expectedCost: nil),
                deliveredAt: delivered, deliveredFullScope: fullScope, brokenEarlier: brokenEarlier), now: now)
    }

    @Test func aPlanEndingBeforeThePromiseIsOnTrack() {
        #expect(derive(finish: Self.promised.addingTimeInterval(-3600)) == PromiseStanding(.onTrack, .onPlan))
        #expect(derive(finish: nil).status == .onTrack)
    }

    @Test func aPlanEndingAfterThePromiseIsAtRisk() {
        #expect(derive(finish: Self.promised.addingTimeInterval(60)) == PromiseStanding(.atRisk, .forecastAfterPromise))
    }

    @Test func deliveredInFullByTheInstantIsKept() {
        #expect(derive(delivered: Self.promised) == PromiseStanding(.kept, .deliveredOnTime))
    }

    @Test func deliveredAfterTheInstantIsBroken() {
        let late = Self.promised.addingTimeInterval(1)
        #expect(derive(delivered: late, now: late) == PromiseStanding(.broken, .deliveredLate))
    }

    @Test func deliveredShortOfTheScopeIsBroken() {
        #expect(derive(delivered: Self.before, fullScope: false) == PromiseStanding(.broken, .deliveredPartly))
    }

    @Test func notDeliveredByTheInstantIsBrokenEvenWithAGoodForecast() {
        let after = Self.promised.addingTimeInterval(1)
        #expect(derive(finish: Self.before, now: after) == PromiseStanding(.broken, .notDeliveredByPromise))
    }

    @Test func aPromisedDayIsJudgedInTheClientsZone() throws {
        let day = try LocalDate(iso: "2026-12-11")
        let terms = PromiseTerms.forDay(day, clientZone: Self.tokyo, price: Money(600, .eur))
        // 23:00 in Tokyo on the 11th: kept.
        let lateEvening = Date(timeIntervalSince1970: 1_797_008_400 - 3 * 3600)  // 14:00 UTC
        #expect(derive(terms, zone: Self.tokyo, delivered: lateEvening).status == .kept)
        // 01:00 in Tokyo on the 12th, still the 11th in UTC: broken.
        let pastMidnight = Date(timeIntervalSince1970: 1_797_008_400 - 3600)  // 16:00 UTC
        #expect(derive(terms, zone: Self.tokyo, delivered: pastMidnight, now: pastMidnight).status == .broken)
        #expect(terms.deadline(clientZone: Self.tokyo) == Date(timeIntervalSince1970: 1_797_008_400 - 7200 - 1))
    }

    @Test func aStoredOpenStatusReadsBrokenPastItsDeadline() {
        let after = Self.promised.addingTimeInterval(1)
        #expect(
            PromiseStanding.current(stored: .atRisk, deadline: Self.promised, delivered: false, now: after) == .broken)
        #expect(
            PromiseStanding.current(stored: .onTrack, deadline: Self.promised, delivered: false, now: Self.before)
                == .onTrack)
        #expect(PromiseStanding.current(stored: .kept, deadline: Self.promised, delivered: true, now: after) == .kept)
    }

    @Test func marginAtRiskIsAFlagBesideTheStatus() {
        let floor = MarginFloor(percent: 30)
        #expect(MarginRisk.isAtRisk(price: Money(600, .eur), expectedCost: Money(500, .eur), floor: floor))
        #expect(!MarginRisk.isAtRisk(price: Money(600, .eur), expectedCost: Money(300, .eur), floor: floor))
        #expect(!MarginRisk.isAtRisk(price: Money(600, .eur), expectedCost: nil, floor: floor))
        #expect(!MarginRisk.isAtRisk(price: Money(600, .eur), expectedCost: Money(500, .usd), floor: floor))
    }

    func entry(version: Int = 1, delivered: Date? = nil) -> LedgerPromise {
        let id = Promise.ID(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
        let promise = Promise(
            id: id, projectID: .init(UUID()), targetLanguage: try! LanguageTag("fr"), deliveryDate: Self.promised,
            price: Money(600, .eur), weightedWords: 2000, services: ["translation"], salesOwnerID: .init(UUID()),
            pmID: nil, version: version, createdAt: Self.before)
        return LedgerPromise(
            promise: promise, state: PromiseState(deliveredAt: delivered), accountID: .init(UUID()),
            accountName: "Acme", projectName: "Website")
    }

    func renegotiate(_ entry: LedgerPromise, expected: Int?, at: Date) throws -> (PromiseVersion, PromiseState) {
        let terms = PromiseTerms(deliveryDate: Self.promised.addingTimeInterval(3 * 86_400), price: Money(650, .eur))
        return try PromiseRenegotiation.next(
            entry, expectedVersion: expected, terms: terms, reason: "Client added a chapter", cause: .clientChange,
            clientZone: Self.utc, id: .init(UUID()), by: .init(UUID()), at: at)
    }

    @Test func aRenegotiationMakesTheNextVersionWithOldAndNewTerms() throws {
        let (version, state) = try renegotiate(entry(), expected: 1, at: Self.before)
        #expect(version.number == 2)
        #expect(version.previous == Self.terms)
        #expect(version.terms.price == Money(650, .eur))
        #expect(version.cause == .clientChange && version.reason == "Client added a chapter")
        #expect(!version.madeAfterDeadline && state.renegotiated && !state.brokenEarlier)
        let next = PromiseStanding.derive(
            .init(terms: version.terms, clientZone: Self.utc, brokenEarlier: state.brokenEarlier),
            now: Self.promised.addingTimeInterval(60))
        #expect(next.status == .onTrack)
    }

    @Test func aRenegotiationAfterTheDeadlineKeepsTheVersionInForceBroken() throws {
        let after = Self.promised.addingTimeInterval(3600)
        let (version, state) = try renegotiate(entry(), expected: 1, at: after)
        #expect(version.madeAfterDeadline && state.brokenEarlier)
        let standing = PromiseStanding.derive(
            .init(terms: version.terms, clientZone: Self.utc, deliveredAt: after, brokenEarlier: true), now: after)
        #expect(standing == PromiseStanding(.broken, .brokenBeforeRenegotiation))
    }

    @Test func aStaleVersionIsAConflictOnVersion() {
        #expect(throws: DomainError.self) { try renegotiate(entry(version: 2), expected: 1, at: Self.before) }
        do {
            _ = try renegotiate(entry(version: 2), expected: 1, at: Self.before)
        } catch let error as DomainError {
            guard case .conflict(let field, _, _, _) = error else {
                Issue.record("not a conflict")
                return
            }
            #expect(field == "version")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func aDeliveredPromiseIsNotRenegotiated() {
        #expect(throws: DomainError.self) {
            try renegotiate(entry(delivered: Self.before), expected: nil, at: Self.before)
        }
    }
}
