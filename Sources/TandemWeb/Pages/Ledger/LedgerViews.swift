import Foundation
import TandemApp
import TandemDomain
import TandemLocalization

/// The ledger's words and badges, shared by the ledger and promise pages.
enum LedgerViews {
    static func statusBadge(_ status: PromiseStatus, _ l: Localizer) -> QuoteViews.Badge {
        let label = l.t("promise.status.\(status.rawValue)")
        switch status {
        case .onTrack: return .init(css: "badge-ok", symbol: "●", label: label)
        case .atRisk: return .init(css: "badge-warn", symbol: "▲", label: label)
        case .kept: return .init(css: "badge-ok", symbol: "✓", label: label)
        case .broken: return .init(css: "badge-danger", symbol: "✕", label: label)
        }
    }

    static func cause(_ cause: BreachCause?, _ l: Localizer) -> String? {
        cause.map { l.t("promise.cause.\($0.rawValue)") }
    }

    static func causeOptions(selected: String?, _ l: Localizer) -> [SelectOption] {
        [SelectOption(value: "", label: l.t("promise.cause.none"), selected: (selected ?? "").isEmpty)]
            + BreachCause.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: l.t("promise.cause.\($0.rawValue)"), selected: selected == $0.rawValue)
            }
    }

    /// "Fri 11 Dec 2026" for a promised day, the date and time otherwise.
    static func delivery(_ terms: PromiseTerms, _ l: Localizer) -> String {
        guard let day = terms.deliveryDay else { return l.formatDateTime(terms.deliveryDate) }
        // Noon UTC of the day falls on that day in every zone within twelve hours of UTC.
        let noon = PromiseTerms.endOfDay(day, in: TimeZone(identifier: "UTC")!).addingTimeInterval(-12 * 3600)
        return l.t("promise.by_day", ["day": l.formatDate(noon)])
    }

    /// An at-risk notice's codes in words: the reason, then the options (another vendor, a split,
    /// a new date to agree with the client); nil for other notifications.
    static func note(of notification: InAppNotification, _ l: Localizer) -> String? {
        guard notification.kind == .promiseAtRisk, let notice = AtRiskNotice(decoding: notification.note) else {
            return nil
        }
        var parts = [
            notice.expectedFinish.map { l.t("promise.notice.finish", ["finish": l.formatDateTime($0)]) }
                ?? l.t("promise.notice.reason")
        ]
        guard notice.checked else {
            parts.append(
                l.t(
                    notice.newDate == nil ? "promise.notice.options" : "promise.notice.options_date",
                    ["date": notice.newDate.map { l.formatDateTime($0) } ?? ""]))
            return parts.joined(separator: " ")
        }
        if let finish = notice.anotherVendorFinish, notice.options.contains(.anotherVendor) {
            parts.append(l.t("promise.notice.checked.another_vendor", ["date": l.formatDateTime(finish)]))
        }
        if let finish = notice.splitFinish, notice.options.contains(.split) {
            parts.append(l.t("promise.notice.checked.split", ["date": l.formatDateTime(finish)]))
        }
        if let finish = notice.replanFinish, notice.options.contains(.replan) {
            parts.append(l.t("promise.notice.checked.replan", ["date": l.formatDateTime(finish)]))
        } else if !notice.options.contains(.anotherVendor) && !notice.options.contains(.split) {
            parts.append(l.t("promise.notice.checked.no_vendor"))
        }
        if let date = notice.newDate, notice.options.contains(.newDate) {
            parts.append(l.t("promise.notice.checked.new_date", ["date": l.formatDateTime(date)]))
        }
        return parts.joined(separator: " ")
    }
}
