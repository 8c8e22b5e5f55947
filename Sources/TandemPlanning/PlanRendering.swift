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
        lines.append(
            "Verdict: \(symbol) \(result.verdict.rawValue.uppercased())   confidence \(String(format: "%.0f%%", result.confidence * 100))"
        )
        lines.append(
            "Earliest delivery: \(result.earliestDelivery?.iso8601 ?? "none")   deadline: \(result.deadline.iso8601)")
        if !result.cost.isEmpty {
            lines.append("Vendor cost: \(result.cost.map { $0.description }.joined(separator: " + "))")
        }
        lines.append("")
        var rows: [[String]] = [["target", "step", "vendor", "words", "start", "end", "cost"]]
        for target in result.targets {
            for step in target.steps {
                for a in step.assignments {
                    rows.append([
                        target.target.description, step.service.description, a.vendor.description, "\(a.words)",
                        a.start.readable, a.end.readable, a.cost.description,
                    ])
                }
            }
            rows.append([
                target.target.description, "delivery", "", "", "", target.delivery?.readable ?? "not possible", "",
            ])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        for row in rows {
            lines.append(
                row.enumerated().map { c, cell in
                    c == 3
                        ? String(repeating: " ", count: widths[c] - cell.count) + cell
                        : cell + String(repeating: " ", count: widths[c] - cell.count)
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
