import Foundation
import TandemDomain
import TandemLocalization
import TandemPlanning

/// A `FeasibilityResult` as words for a page, in the localizer's language and time zone: the
/// verdict, the key dates, the plan's rows and the reasons as sentences. Plain strings, so a
/// template shows them as they are.
public struct PlanSummary: Sendable, Equatable, Encodable {
    /// One vendor's share of a step, or (with `isDelivery`) a target's delivery.
    public struct Row: Sendable, Equatable, Encodable {
        public var target: String
        public var step: String
        public var vendor: String
        /// The share's amount: words, "20 pages" or a duration for hour-based steps.
        public var words: String
        public var start: String
        public var end: String
        public var cost: String
        public var isDelivery: Bool
    }

    /// `green`, `amber` or `red`: for styling; `verdictLabel` is the word to show with it.
    public var verdict: String
    public var verdictLabel: String
    /// ✔, ▲ or ✖, shown with the word so the verdict is never colour alone.
    public var verdictSymbol: String
    /// Nil when no plan delivers every target.
    public var earliestDelivery: String?
    public var deadline: String
    public var riskAdjustedDelivery: String?
    /// "94%" / "94 %".
    public var confidence: String
    /// One amount per currency, e.g. "€848.00".
    public var cost: [String]
    /// The amounts joined as the command line shows them: "€845.60 + $406.00"; nil when nothing is planned.
    public var costText: String?
    /// The total in the base currency ("€481.28"), when the request converts every currency.
    public var baseCost: String?
    public var rows: [Row]
    public var reasons: [String]

    public init(_ result: FeasibilityResult, localizer l: Localizer) {
        func when(_ instant: Instant) -> String { PlanningText.text(for: instant, localizer: l) }
        verdict = result.verdict.rawValue
        verdictLabel = l.t("plan.verdict.\(result.verdict.rawValue)")
        verdictSymbol = ["green": "✔", "amber": "▲", "red": "✖"][result.verdict.rawValue] ?? ""
        earliestDelivery = result.earliestDelivery.map(when)
        deadline = when(result.deadline)
        riskAdjustedDelivery = result.riskAdjustedDelivery.map(when)
        confidence = l.formatPercent(Decimal(result.confidence), maximumFractionDigits: 0)
        cost = result.cost.map { l.format($0) }
        costText = cost.isEmpty ? nil : cost.joined(separator: " + ")
        baseCost = result.baseCost.map { l.format($0) }
        rows = result.targets.flatMap { target in
            let name = target.target.description
            let work = target.steps.flatMap { step in
                step.assignments.map { a in
                    Row(
                        target: name, step: PlanningText.name(of: step.service, localizer: l),
                        vendor: a.vendor.description,
                        words: PlanningText.amount(a.words, unit: step.unit, localizer: l), start: when(a.start),
                        end: when(a.end),
                        cost: l.format(a.cost), isDelivery: false)
                }
            }
            let delivery = Row(
                target: name, step: l.t("plan.table.delivery_row"), vendor: "", words: "", start: "",
                end: target.delivery.map(when) ?? l.t("plan.table.not_possible"), cost: "", isDelivery: true)
            return work + [delivery]
        }
        reasons = result.reasons.map { PlanningText.text(for: $0, localizer: l) }
    }
}
