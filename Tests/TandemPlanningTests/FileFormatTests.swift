import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning
@testable import TandemPlanningText

/// The `tandem plan` file's fields for the vendor database (docs/planning.md): decoded into the
/// library's values, with errors naming the field; files without them read as before.
@Suite("Plan file: vendor database fields")
struct FileFormatTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let example = root.appendingPathComponent("Resources/Examples/vendor-database-plan.json")

    static func decode(_ text: String) throws -> PlanFile { try PlanFile.decode(Data(text.utf8)) }

    static func error(_ text: String) -> String {
        do {
            _ = try decode(text)
            return "no error"
        } catch let error as PlanningInputError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func theExampleDecodesEveryNewField() throws {
        let file = try PlanFile.decode(Data(contentsOf: Self.example))
        let (ana, atlas, ines) = (file.vendors[0], file.vendors[1], file.vendors[2])

        #expect(
            ana.absentPeriods == [
                TimeRange(start: Fixtures.t("2027-03-01T13:00:00Z"), end: Fixtures.t("2027-03-01T15:00:00Z"))
            ])
        #expect(ana.absences == [Absence(from: Fixtures.day("2027-03-05"), to: Fixtures.day("2027-03-05"))])
        #expect(ana.maxBookedShare == Decimal(canonical: "0.5"))
        #expect(ana.quality == 90)
        #expect(ana.capabilities[0].rate.minimumFee == Money(30, .eur))
        #expect(ana.capabilities[0].rate.rushPrice == Money(Decimal(canonical: "0.10")!, .eur))
        #expect(atlas.workers == 3)
        #expect(atlas.grid?.percent(of: .exact) == 30)
        #expect(atlas.grid?.percent(of: .new) == 100)
        #expect(atlas.capabilities[1].unit == .page)
        #expect(atlas.capabilities[1].unitsPerHour == 4)
        #expect(atlas.capabilities[1].rate.unit == .page)
        #expect(ines.capabilities[0].rate.unit == .hour)
        #expect(ines.capabilities[1].unit == .hour)
        #expect(ines.capabilities[1].unitsPerHour == 60)

        let request = file.request
        #expect(
            request.exchangeRates
                == ExchangeRates(currency: .eur, rates: ["USD": Decimal(canonical: "0.92")!], complete: true))
        #expect(request.rush)
        #expect(request.minimumQuality == 60)
        #expect(request.grid == CostGrid(percent: [.exact: 25]))
        let steps = request.targets[0].steps
        #expect(steps[0].bands == [.new: 6000, .exact: 2000])
        #expect(steps[2] == .pages(.dtp, 20))
        #expect(steps[3] == .hours(.qa, minutes: 150))
    }

    @Test func theExamplePlansAsDocumented() throws {
        let outcome = PlanRunner.run(
            fileContents: try Data(contentsOf: Self.example), format: .table, localizer: try Fixtures.localizer("en"))

        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput.contains("Vendor cost: $446.50 + €582.50"))
        #expect(outcome.standardOutput.contains("Vendor cost in EUR: €993.28"))
        #expect(outcome.standardOutput.contains("20 pages"))
        #expect(outcome.standardOutput.contains("2 h 30 min"))
        #expect(outcome.standardOutput.contains("cheap would cost less but is below the minimum quality 60"))
    }

    @Test func filesWithoutTheNewFieldsReadAsBefore() throws {
        let file = try Self.decode(ValidationTests.valid)
        let vendor = file.vendors[0]

        #expect(vendor.absentPeriods.isEmpty && vendor.maxBookedShare == nil && vendor.quality == nil)
        #expect(vendor.workers == 1 && vendor.grid == nil)
        #expect(vendor.capabilities[0].unit == .word)
        #expect(vendor.capabilities[0].rate == VendorRate(price: Money(Decimal(canonical: "0.08")!, .eur)))
        #expect(file.request.targets[0].steps[0] == StepRequest(service: .translation, words: 800))
        #expect(!file.request.rush && file.request.minimumQuality == nil && file.request.exchangeRates == nil)

        let original = try Self.decode(
            ValidationTests.valid.replacingOccurrences(
                of: "\"maxVendorsPerStep\": 2,",
                with:
                    "\"maxVendorsPerStep\": 2, \"exchangeRates\": {\"currency\": \"EUR\", \"rates\": {\"USD\": \"0.92\"}},"
            ))
        #expect(original.request.exchangeRates?.complete == false)
    }

    @Test(arguments: [
        (#""quality": 90"#, #""quality": 120"#, "vendors[0].quality: must be a whole number from 0 to 100, got 120"),
        (
            #""maxBookedShare": 0.5"#, #""maxBookedShare": 1.5"#,
            "vendors[0].maxBookedShare: must be more than 0 and at most 1, got 1.5"
        ),
        (#""workers": 3"#, #""workers": 0"#, "vendors[1].workers: must be at least 1, got 0"),
        (
            #""hours": 2.5"#, #""hours": 0.001"#,
            "request.targets[0].steps[3].hours: must be a positive number of hours in whole minutes"
        ),
        (
            #""pages": 20"#, #""pages": 20, "words": 5"#,
            "request.targets[0].steps[2]: give exactly one of words, pages or hours"
        ),
        (
            #""100": 2000}"#, #""100": 1000}"#,
            "request.targets[0].steps[0].bands: the bands add up to 7000, not to the step's 8000 words"
        ),
        (#""new": 6000"#, #""fresh": 6000"#, "request.targets[0].steps[0].bands.fresh: “fresh” is not a match band"),
        (#""95-99": "60""#, #""95-99": "sixty""#, "vendors[1].grid.95-99: “sixty” is not an amount"),
        (#""baseCurrency": "EUR", "#, "", "request.baseCurrency: is required"),
        (
            #""costPerPage": "5.00""#, #""costPerWord": "5.00""#,
            "vendors[1].capabilities[1].costPerWord: a price per word needs a capability counting words, not pages"
        ),
        (
            #""minimumFee": "30.00""#, #""costPerHour": "30.00""#,
            "vendors[0].capabilities[0].costPerHour: give exactly one of costPerWord"
        ),
        (
            #""pagesPerHour": 4"#, #""pagesPerHour": 4, "wordsPerHour": 4"#,
            "vendors[1].capabilities[1].pagesPerHour: give at most one of wordsPerHour and pagesPerHour"
        ),
        (
            #""2027-03-01T15:00:00Z""#, #""2027-03-01T12:00:00Z""#,
            "vendors[0].absences[0].to: 2027-03-01T12:00:00Z is not after “from” 2027-03-01T13:00:00Z"
        ),
        (#""USD": "0.92""#, #""USD": "-1""#, "request.exchangeRates.USD: “-1” is not a positive amount"),
    ])
    func badFieldIsNamed(original: String, replacement: String, expected: String) throws {
        let text = try String(contentsOf: Self.example, encoding: .utf8)
        #expect(text.contains(original))
        #expect(Self.error(text.replacingOccurrences(of: original, with: replacement)).hasPrefix(expected))
    }

    @Test func aCurrencyWithoutARateIsNamedWhenChecking() throws {
        let text = try String(contentsOf: Self.example, encoding: .utf8).replacingOccurrences(
            of: #""exchangeRates": {"USD": "0.92"}, "#, with: "")
        let outcome = PlanRunner.run(
            fileContents: Data(text.utf8), format: .json, localizer: try Fixtures.localizer("en"))

        #expect(outcome.exitCode == PlanningInputError.exitCode)
        #expect(
            outcome.standardError.contains(
                "request.exchangeRates.USD: no exchange rate for “USD”; add it to request.exchangeRates (the value of 1 USD in EUR)"
            ))
    }
}
