import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPlanningText
import Vapor

/// Small pieces the quote, review and project pages share: status and verdict badges, money,
/// the analysis table and the lines.
enum QuoteViews {
    struct Badge: Encodable {
        var css: String
        var symbol: String
        var label: String
    }
    struct BandRow: Encodable {
        var file: String
        var target: String
        var cells: [String]
        var total: String
    }
    struct LineRow: Encodable {
        var option: String?
        var description: String
        var bands: String?
        var quantity: String
        var unitPrice: String
        var price: String
        var cost: String
        var costIsDefault: Bool
        var isDiscount: Bool
        var removeAction: String?
    }
    struct TargetRow: Encodable {
        var language: String
        var verdict: Badge
        var delivery: String
        var earliest: String
        var confidence: String
        var isLate: Bool
    }

    /// The bands in the order a grid lists them.
    static let bands = ["context", "repetition", "100", "95-99", "85-94", "75-84", "50-74", "new"]

    static func status(_ status: QuoteStatus, _ l: Localizer) -> Badge {
        let css: String
        let symbol: String
        switch status {
        case .draft: (css, symbol) = ("badge-muted", "✎")
        case .inReview: (css, symbol) = ("badge-warn", "◔")
        case .approved: (css, symbol) = ("badge-ok", "✓")
        case .rejected: (css, symbol) = ("badge-danger", "✖")
        case .sent: (css, symbol) = ("badge-info", "➜")
        case .accepted: (css, symbol) = ("badge-ok", "★")
        case .lost: (css, symbol) = ("badge-danger", "⊘")
        case .expired: (css, symbol) = ("badge-muted", "○")
        }
        return Badge(css: css, symbol: symbol, label: l.t("quote.status.\(status.rawValue)"))
    }

    static func verdict(_ verdict: String?, _ l: Localizer) -> Badge {
        guard let verdict, ["green", "amber", "red"].contains(verdict) else {
            return Badge(css: "verdict-unknown", symbol: "?", label: l.t("quote.verdict.unknown"))
        }
        return Badge(
            css: "verdict-\(verdict)", symbol: ["green": "✔", "amber": "▲", "red": "✖"][verdict] ?? "",
            label: l.t("plan.verdict.\(verdict)"))
    }

    static func money(_ money: Money?, _ l: Localizer) -> String { money.map { l.format($0) } ?? "—" }

    static func percent(_ value: Decimal?, _ l: Localizer) -> String {
        value.map { l.formatPercent($0 / 100, maximumFractionDigits: 1) } ?? "—"
    }

    static func words(_ value: Decimal, _ l: Localizer) -> String { l.format(value, maximumFractionDigits: 2) }

    static func bandRows(_ analysis: QuoteAnalysis?, _ l: Localizer) -> [BandRow] {
        (analysis?.files ?? []).map { file in
            BandRow(
                file: file.name, target: QuoteDocument.languageName(file.targetLanguage, in: l),
                cells: bands.map { band in file.bands[band].map { words($0.words, l) } ?? "0" },
                total: words(file.bands.totalWords, l))
        }
    }

    static func lineRows(_ version: QuoteVersion, quoteID: Quote.ID, editable: Bool, _ l: Localizer) -> [LineRow] {
        let options = Dictionary(uniqueKeysWithValues: version.options.map { ($0.id, $0.name) })
        return version.lines.map { line in
            let document = QuoteDocument.line(line, in: l)
            let bandText =
                line.kind == .analysed
                ? bands.compactMap { band in
                    line.bands[band].flatMap {
                        $0.words == 0 ? nil : "\(l.t("quote.band.\(band)")): \(words($0.words, l))"
                    }
                }.joined(separator: " · ") : ""
            return LineRow(
                option: line.optionID.flatMap { options[$0] }, description: document.description,
                bands: bandText.isEmpty ? nil : bandText,
                quantity: document.quantity, unitPrice: document.unitPrice, price: document.price,
                cost: money(line.cost, l), costIsDefault: line.costIsDefaultRate, isDiscount: line.kind == .discount,
                removeAction: editable && line.kind != .analysed
                    ? SiteRoute.quoteLineRemove(PathParameter(quoteID), PathParameter(line.id)).path : nil)
        }
    }

    /// One row per target, per option when the quote has options (each option is checked).
    static func targetRows(_ sheet: QuoteSheet, _ l: Localizer) -> [TargetRow] {
        let options: [QuoteOption?] = sheet.version.options.isEmpty ? [nil] : sheet.version.options
        return options.flatMap { option in
            sheet.version.targets.map { target in
                targetRow(sheet, target, option: option, l)
            }
        }
    }

    static func targetRow(_ sheet: QuoteSheet, _ target: QuoteTarget, option: QuoteOption?, _ l: Localizer)
        -> TargetRow
    {
        let found =
            sheet.feasibility.targets.first { $0.target == target.language && $0.option == option?.id }
            ?? sheet.feasibility.targets.first { $0.target == target.language }
        let earliest = found?.earliestDelivery
        let language = QuoteDocument.languageName(target.language, in: l)
        return TargetRow(
            language: option.map { "\(language) · \($0.name)" } ?? language, verdict: verdict(found?.verdict, l),
            delivery: l.formatDateTime(target.delivery), earliest: earliest.map { l.formatDateTime($0) } ?? "—",
            confidence: found.map { l.formatPercent($0.confidence, maximumFractionDigits: 0) } ?? "—",
            isLate: earliest.map { $0 > target.delivery } ?? false)
    }

    /// The feasibility reasons in words: with vendor names for those who may see vendors, and
    /// without vendors (names, ids, quality) for the others, as the deadline check words them.
    static func reasons(_ sheet: QuoteSheet, showVendors: Bool, req: Request) async throws -> [String] {
        let l = req.localizer
        let texts: [String]
        if showVendors {
            let names = try await req.vendorNames(reasons: sheet.feasibility.reasons)
            texts = sheet.feasibility.reasons.map { PlanningText.text(for: $0.naming(names), localizer: l) }
        } else {
            texts = RedactedCheck.reasons(sheet.feasibility.reasons, localizer: l).map(\.text)
        }
        var seen: Set<String> = []
        return texts.filter { seen.insert($0).inserted }
    }

    static func reviewReasons(_ reasons: [ReviewReason], _ l: Localizer) -> [String] {
        reasons.map { l.t("quote.review_reason.\($0.rawValue)") }
    }

    /// "3 days", "5 hours": how long a review request has waited.
    static func waited(since: Date?, now: Date, _ l: Localizer) -> String? {
        guard let since else { return nil }
        let hours = max(0, Int(now.timeIntervalSince(since) / 3600))
        return hours >= 48
            ? l.t("quote.waited.days", ["count": .integer(hours / 24)])
            : l.t("quote.waited.hours", ["count": .integer(hours)])
    }

    static func quoteID(_ req: Request) throws -> Quote.ID { try PDFQuoteRoutes.quoteID(req) }

    /// Turns a `datetime-local` value in the user's zone into the ISO instant the use cases take.
    static func instant(_ text: String?, _ l: Localizer) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = DeadlineForm.localDateTime(text, in: l.timeZone) else { return text }
        return ISO8601DateFormatter().string(from: date)
    }
}
