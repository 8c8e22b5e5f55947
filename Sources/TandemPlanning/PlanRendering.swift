import Foundation
import TandemDomain

public enum PlanOutputFormat: String, Sendable, CaseIterable {
    case table, json
}

/// Text renderings of a `FeasibilityResult` for the command line.
public enum PlanRendering {
    /// The contract's JSON: verdict, earliestDelivery, confidence, targets, reasons (plus
    /// deadline, riskAdjustedDelivery and cost), keys sorted so output is stable.
    public static func json(_ result: FeasibilityResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(result)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A plain-text summary for people.
    public static func table(_ result: FeasibilityResult) -> String {
        var lines: [String] = []
        let symbol = ["green": "✔", "amber": "▲", "red": "✖"][result.verdict.rawValue]!
        lines.append("Verdict: \(symbol) \(result.verdict.rawValue.uppercased())   confidence \(String(format: "%.0f%%", result.confidence * 100))")
        lines.append("Earliest delivery: \(result.earliestDelivery?.iso8601 ?? "none")   deadline: \(result.deadline.iso8601)")
        if !result.cost.isEmpty { lines.append("Vendor cost: \(result.cost.map { $0.description }.joined(separator: " + "))") }
        lines.append("")
        var rows: [[String]] = [["target", "step", "vendor", "words", "start", "end", "cost"]]
        for target in result.targets {
            for step in target.steps {
                for a in step.assignments {
                    rows.append([target.target.description, step.service.description, a.vendor.description, "\(a.words)",
                                 a.start.readable, a.end.readable, a.cost.description])
                }
            }
            rows.append([target.target.description, "delivery", "", "", "", target.delivery?.readable ?? "not possible", ""])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        for row in rows {
            lines.append(row.enumerated().map { c, cell in
                c == 3 ? String(repeating: " ", count: widths[c] - cell.count) + cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        if !result.reasons.isEmpty {
            lines.append("")
            lines.append("Why:")
            lines.append(contentsOf: result.reasons.map { "- \($0)" })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What `tandem plan` prints and how it exits, as a value so it can be tested without a process.
public struct PlanRunOutcome: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: Int32
}

public enum PlanRunner {
    /// Decodes, validates, plans and renders. Bad input gives exit code 65 and a message naming
    /// the field on standard error, nothing on standard output. The plan is computed as of the
    /// request's start (a file is a snapshot).
    public static func run(fileContents: Data, format: PlanOutputFormat, options: PlanningOptions = .standard) -> PlanRunOutcome {
        do {
            let file = try PlanFile.decode(fileContents)
            let index = try CapacityIndex(vendors: file.vendors)
            let result = try index.check(file.request, now: file.request.start, options: options)
            let text = format == .json ? PlanRendering.json(result) + "\n" : PlanRendering.table(result)
            return PlanRunOutcome(standardOutput: text, standardError: "", exitCode: 0)
        } catch let error as PlanningInputError {
            return PlanRunOutcome(standardOutput: "", standardError: "error: \(error.description)\n", exitCode: PlanningInputError.exitCode)
        } catch {
            return PlanRunOutcome(standardOutput: "", standardError: "error: \(error)\n", exitCode: PlanningInputError.exitCode)
        }
    }
}
