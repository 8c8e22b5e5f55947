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
        var lines: [String] = []
        let symbol = ["green": "✔", "amber": "▲", "red": "✖"][result.verdict.rawValue]!
        let confidence = l.formatPercent(Decimal(result.confidence), maximumFractionDigits: 0)
        lines.append(
            l.t("plan.table.verdict", ["verdict": "\(symbol) \(l.t("plan.verdict.\(result.verdict.rawValue)"))"])
                + "   " + l.t("plan.table.confidence", ["confidence": .text(confidence)]))
        lines.append(
            l.t(
                "plan.table.earliest_delivery",
                ["delivery": .text(result.earliestDelivery?.iso8601 ?? l.t("plan.table.none"))])
                + "   " + l.t("plan.table.deadline", ["deadline": .text(result.deadline.iso8601)]))
        if !result.cost.isEmpty {
            lines.append(
                l.t("plan.table.cost", ["cost": .text(result.cost.map { l.format($0) }.joined(separator: " + "))]))
        }
        lines.append("")
        let columns = ["target", "step", "vendor", "words", "start", "end", "cost"]
        var rows: [[String]] = [columns.map { l.t("plan.column.\($0)") }]
        func when(_ instant: Instant) -> String { PlanningText.text(for: instant, localizer: l) }
        for target in result.targets {
            for step in target.steps {
                for a in step.assignments {
                    rows.append([
                        target.target.description, PlanningText.name(of: step.service, localizer: l),
                        a.vendor.description, l.format(a.words), when(a.start), when(a.end), l.format(a.cost),
                    ])
                }
            }
            rows.append([
                target.target.description, l.t("plan.table.delivery_row"), "", "", "",
                target.delivery.map(when) ?? l.t("plan.table.not_possible"), "",
            ])
        }
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
            lines.append(contentsOf: result.reasons.map { "- " + PlanningText.text(for: $0, localizer: l) })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
