import Foundation
import TandemDomain
import Testing

@testable import TandemPlanning
@testable import TandemPlanningText

@Suite("Worked example of the issue")
struct WorkedExampleTests {
    @Test func translationSplitThenRevision() throws {
        let request = Fixtures.request(maxVendors: 2, Fixtures.target(steps: (.translation, 8000), (.revision, 8000)))

        let result = try Fixtures.check(Fixtures.workedExampleVendors, request)

        #expect(result.earliestDelivery == Fixtures.t("2027-03-03T17:00:00Z"))
        let steps = result.targets[0].steps
        #expect(steps[0].end == Fixtures.t("2027-03-02T17:00:00Z"))
        #expect(steps[1].start == Fixtures.t("2027-03-03T09:00:00Z"))
        #expect(steps[1].end == Fixtures.t("2027-03-03T17:00:00Z"))
        let words = Dictionary(uniqueKeysWithValues: steps[0].assignments.map { ($0.vendor.rawValue, $0.words) })
        #expect(words == ["ana": 4800, "ben": 3200])
        #expect(steps[1].assignments.map(\.vendor) == ["chloe"])
        #expect(result.verdict == .green)
        #expect(result.cost == [Money(848, .eur)])
    }

    @Test func commandJSONCarriesTheContractFields() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../docs/examples/worked-example.json")
        let data = try Data(contentsOf: url)

        let outcome = PlanRunner.run(fileContents: data, format: .json, localizer: try Fixtures.localizer("en"))

        #expect(outcome.exitCode == 0)
        #expect(outcome.standardError.isEmpty)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "green")
        #expect(json["earliestDelivery"] as? String == "2027-03-03T17:00:00Z")
        #expect((json["confidence"] as? Double).map { (0...1).contains($0) } == true)
        let target = try #require((json["targets"] as? [[String: Any]])?.first)
        #expect(target["target"] as? String == "fr")
        #expect(target["delivery"] as? String == "2027-03-03T17:00:00Z")
        let step = try #require((target["steps"] as? [[String: Any]])?.last)
        #expect(step["service"] as? String == "revision")
        let assignment = try #require((step["assignments"] as? [[String: Any]])?.first)
        #expect(assignment["vendor"] as? String == "chloe")
        #expect(assignment["words"] as? Int == 8000)
        #expect(assignment["start"] as? String == "2027-03-03T09:00:00Z")
        #expect((assignment["cost"] as? [String: String])?["amount"] == "240")
        let reason = try #require((json["reasons"] as? [[String: Any]])?.first)
        #expect(reason["code"] as? String == "on_time")
        #expect((reason["args"] as? [String: Any])?["delivery"] as? String == "2027-03-03T17:00:00Z")
        #expect(
            reason["text"] as? String
                == "Earliest delivery Wed 3/3/2027, 5:00\u{202F}PM UTC leaves 1 d before the deadline Thu 3/4/2027, 5:00\u{202F}PM UTC (29% of the window)."
        )
    }

    @Test func tableNamesVerdictInWords() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../docs/examples/worked-example.json")

        let outcome = PlanRunner.run(
            fileContents: try Data(contentsOf: url), format: .table, localizer: try Fixtures.localizer("en"))

        #expect(outcome.standardOutput.contains("GREEN"))
        #expect(outcome.standardOutput.contains("2027-03-03T17:00:00Z"))
        #expect(outcome.standardOutput.contains("chloe"))
    }
}
