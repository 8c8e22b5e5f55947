import Foundation
import TandemDomain
import TandemLocalization
import Testing

@testable import TandemPlanning
@testable import TandemPlanningText

/// `PlanCheck` plans a file as `tandem plan` does; `PlanSummary` puts the result into words for a page.
@Suite("Plan check and summary")
struct PlanSummaryTests {
    static func example(_ name: String) throws -> Data {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return try Data(contentsOf: url.appendingPathComponent("docs/examples/\(name).json"))
    }

    @Test func theWorkedExampleIsSummarisedInFrench() throws {
        let result = try PlanCheck.run(fileContents: try Self.example("worked-example"))
        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T17:00:00Z"))
        let summary = PlanSummary(result, localizer: try Fixtures.localizer("fr"))
        #expect(summary.verdict == "green")
        #expect(summary.verdictLabel == "VERT")
        #expect(summary.verdictSymbol == "✔")
        #expect(summary.earliestDelivery == "mer. 03/03/2027 17:00 UTC")
        #expect(summary.reasons.first?.hasPrefix("Livraison au plus tôt le mer. 03/03/2027 17:00 UTC") == true)
        #expect(summary.rows.map(\.vendor) == ["ben", "ana", "chloe", ""])
        #expect(summary.rows.last?.isDelivery == true)
        #expect(summary.rows.map(\.step).prefix(3) == ["traduction", "traduction", "révision"])
    }

    @Test func costsInSeveralCurrenciesAreJoinedAndAMissingPlanSaysSo() throws {
        let result = try PlanCheck.run(fileContents: try Self.example("competing-targets"))
        let summary = PlanSummary(result, localizer: try Fixtures.localizer("en"))
        #expect(summary.cost.count == 2)
        #expect(summary.costText == summary.cost.joined(separator: " + "))

        var file = try JSONSerialization.jsonObject(with: try Self.example("worked-example")) as! [String: Any]
        var request = file["request"] as! [String: Any]
        request["targets"] = [["source": "en", "target": "ja", "steps": [["service": "translation", "words": 100]]]]
        file["request"] = request
        let none = try PlanCheck.run(fileContents: try JSONSerialization.data(withJSONObject: file))
        let red = PlanSummary(none, localizer: try Fixtures.localizer("en"))
        #expect(red.verdict == "red" && red.verdictSymbol == "✖")
        #expect(red.earliestDelivery == nil)
        #expect(red.costText == nil)
        #expect(red.rows.last?.end == "not possible")
    }

    @Test func badInputNamesTheField() throws {
        let text = String(decoding: try Self.example("worked-example"), as: UTF8.self)
            .replacingOccurrences(of: #""wordsPerHour": 300"#, with: #""wordsPerHour": "fast""#)
        #expect(throws: PlanningInputError.self) { try PlanCheck.run(fileContents: Data(text.utf8)) }
        do {
            _ = try PlanCheck.run(fileContents: Data(text.utf8))
        } catch let error as PlanningInputError {
            #expect(error.field == "vendors[0].capabilities[0].wordsPerHour")
        }
    }
}
