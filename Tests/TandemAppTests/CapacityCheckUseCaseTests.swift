import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Testing

/// The deadline check on an index: the request read like `tandem plan` reads it, account
/// preferences added, and the export that `tandem plan` answers the same way.
@Suite("Capacity check use case")
struct CapacityCheckUseCaseTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // Wed 2026-11-18 09:46 UTC

    static func body(start: String = "2026-11-23T08:00:00Z", deadline: String = "2026-11-27T17:00:00Z") -> Data {
        Data(
            """
            {"start": "\(start)", "deadline": "\(deadline)", "maxVendorsPerStep": 2,
             "targets": [{"source": "en", "target": "fr", "steps": [{"service": "translation", "words": 6000}]}]}
            """.utf8)
    }

    static func index() throws -> CapacityIndex {
        let vendors = (1...3).map { n in
            PlanningVendor(
                id: VendorID("v\(n)"), timeZone: "UTC",
                capabilities: [
                    Capability(
                        pair: LanguagePair(source: try! LanguageTag("en"), target: try! LanguageTag("fr")),
                        service: .translation, wordsPerHour: 200 + 100 * n,
                        costPerWord: Money(Decimal(n) / 100, .eur))
                ])
        }
        return try CapacityIndex(vendors: vendors, window: nil)
    }

    @Test func fieldsAreNamedFromTheBodysRoot() throws {
        let bad = Data(#"{"start": "soon", "deadline": "2026-11-27T17:00:00Z", "targets": []}"#.utf8)
        #expect(throws: PlanningInputError(field: "start", .notAnInstant("soon", example: "2027-03-01T08:00:00Z"))) {
            try CapacityCheck.decodeRequest(bad)
        }
        let missing = Data(#"{"start": "2026-11-23T08:00:00Z", "targets": []}"#.utf8)
        #expect(throws: PlanningInputError(field: "deadline", .required)) { try CapacityCheck.decodeRequest(missing) }
        #expect((try? CapacityCheck.decodeRequest(Data("[1]".utf8))) == nil)
        #expect((try? CapacityCheck.decodeRequest(Data("nope".utf8))) == nil)
        #expect(try CapacityCheck.decodeRequest(Self.body()).maxVendorsPerStep == 2)
    }

    @Test func theExportedFileGivesTheSameAnswer() throws {
        let index = try Self.index()
        let request = try CapacityCheck.decodeRequest(Self.body())
        let preferences = PlanningPreferences(preferred: ["v1"], excluded: ["v3", "gone"])
        let result = try CapacityCheck.run(request, on: index, now: Self.now, preferences: preferences)
        let file = CapacityCheck.planFile(request, on: index, now: Self.now, preferences: preferences)
        #expect(file.request.excludedVendors == ["v3"])
        #expect(file.request.preferredVendors == ["v1"])
        let decoded = try PlanFile.decode(file.encoded())
        let again = try CapacityIndex(vendors: decoded.vendors).check(decoded.request, now: decoded.request.start)
        #expect(again == result)
        #expect(!result.targets[0].steps[0].assignments.contains { $0.vendor == "v3" })
    }

    @Test func aStartInThePastPlansFromNowAndTheExportSaysSo() throws {
        let index = try Self.index()
        let request = try CapacityCheck.decodeRequest(Self.body(start: "2026-11-01T08:00:00Z"))
        let file = CapacityCheck.planFile(request, on: index, now: Self.now)
        #expect(file.request.start == Instant(Self.now))
        let result = try CapacityCheck.run(request, on: index, now: Self.now)
        let again = try CapacityIndex(vendors: file.vendors).check(file.request, now: file.request.start)
        #expect(again == result)
    }
}
