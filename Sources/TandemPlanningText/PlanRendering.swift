import Foundation
import TandemDomain
import TandemLocalization
import TandemPlanning

public enum PlanOutputFormat: String, Sendable, CaseIterable {
    case table, json
}

/// Text renderings of a `FeasibilityResult` for the command line, in the localizer's language.
public enum PlanRendering {
    /// The contract's JSON: verdict, earliestDelivery, confidence, targets, reasons (plus
    /// deadline, riskAdjustedDelivery and cost), keys sorted so output is stable. Each reason is
    /// `{"code", "args", "text"}` with `text` in the localizer's language.
    public static func json(_ result: FeasibilityResult, localizer: Localizer) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[ReasonText.key] = ReasonText { PlanningText.text(for: $0, localizer: localizer) }
        let data = (try? encoder.encode(result)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A plain-text summary for people.
    public static func table(_ result: FeasibilityResult, localizer l: Localizer) -> String {
        let summary = PlanSummary(result, localizer: l)
        var lines: [String] = []
        lines.append(
            l.t("plan.table.verdict", ["verdict": .text("\(summary.verdictSymbol) \(summary.verdictLabel)")])
                + "   " + l.t("plan.table.confidence", ["confidence": .text(summary.confidence)]))
        lines.append(
            l.t(
                "plan.table.earliest_delivery",
                ["delivery": .text(result.earliestDelivery?.iso8601 ?? l.t("plan.table.none"))])
                + "   " + l.t("plan.table.deadline", ["deadline": .text(result.deadline.iso8601)]))
        if let cost = summary.costText {
            lines.append(l.t("plan.table.cost", ["cost": .text(cost)]))
        }
        if let base = summary.baseCost, let currency = result.baseCost?.currency.code {
            lines.append(l.t("plan.table.base_cost", ["currency": .text(currency), "cost": .text(base)]))
        }
        lines.append("")
        let columns = ["target", "step", "vendor", "words", "start", "end", "cost"]
        let rows: [[String]] =
            [columns.map { l.t("plan.column.\($0)") }]
            + summary.rows.map { [$0.target, $0.step, $0.vendor, $0.words, $0.start, $0.end, $0.cost] }
        let widths = (0..<columns.count).map { c in rows.map { $0[c].count }.max()! }
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
            lines.append(l.t("plan.table.why"))
            lines.append(contentsOf: summary.reasons.map { "- " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
