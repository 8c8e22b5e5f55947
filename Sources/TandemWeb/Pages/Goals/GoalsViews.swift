import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// What the scorecard and incentive pages share: the period picker, figures in words, links.
enum GoalsViews {
    /// The figures shown on a subject's page, in order.
    static let figures: [MetricName] = [
        .promisesMade, .promisesKept, .promisesBroken, .onTimeRate, .bookedRevenue, .deliveredRevenue, .quotedMargin,
        .quotedMarginPercent, .deliveredMargin, .deliveredMarginPercent, .costAccuracy, .dateAccuracy, .wordAccuracy,
        .winRate, .qualityScore, .reviewTurnaroundHours, .leadToWonDays, .wonToDeliveredDays,
    ]
    /// The columns of the scorecards list.
    static let listFigures: [MetricName] = [
        .promisesMade, .promisesKept, .onTimeRate, .bookedRevenue, .deliveredRevenue, .deliveredMargin,
        .deliveredMarginPercent, .winRate,
    ]

    struct PeriodPicker: Encodable {
        var action: String
        var options: [SelectOption]
        var from: String
        var to: String
        var label: String
        /// Hidden fields the form keeps (the subject on the list).
        var hidden: [SelectOption]
        /// A wrong period, next to its field (the current quarter is shown instead).
        var errors: FormErrors
    }

    /// The period asked for; a wrong one falls back to the current quarter with its errors.
    static func period(_ req: Request, _ scorecards: Scorecards) async throws
        -> (ScorecardPeriodInput, MetricPeriod, FormErrors)
    {
        let input = GoalsViews.input(req)
        var errors = FormErrors()
        do {
            return (input, try await scorecards.period(input), errors)
        } catch let error as ValidationErrors {
            errors.add(error, in: req)
            return (ScorecardPeriodInput(), try await scorecards.period(ScorecardPeriodInput()), errors)
        }
    }

    static let choices = ["month", "last-month", "quarter", "last-quarter", "year", "last-year"]

    static func input(_ req: Request) -> ScorecardPeriodInput {
        let fields = QueryFields(request: req)
        return ScorecardPeriodInput(period: fields.value("period"), from: fields.value("from"), to: fields.value("to"))
    }

    /// The picker for `period` as asked in `input`, posting (GET) to `action`.
    static func picker(
        _ action: String, input: ScorecardPeriodInput, period: MetricPeriod, hidden: [String: String] = [:],
        errors: FormErrors = FormErrors(), _ l: Localizer
    ) -> PeriodPicker {
        let custom = input.from != nil
        let chosen = custom ? "" : (input.period ?? "quarter")
        return PeriodPicker(
            action: action,
            options: [SelectOption(value: "", label: l.t("metrics.period.custom"), selected: chosen.isEmpty)]
                + choices.map {
                    SelectOption(value: $0, label: l.t("metrics.period.\($0)"), selected: chosen == $0)
                },
            from: custom ? period.first.description : "", to: custom ? period.last.description : "",
            label: label(period, l),
            hidden: hidden.sorted { $0.key < $1.key }.map {
                SelectOption(value: $0.value, label: $0.key, selected: false)
            }, errors: errors)
    }

    /// "Q3 2026", "2026", or the first and last day.
    static func label(_ p: MetricPeriod, _ l: Localizer) -> String {
        switch p.kind {
        case .quarter:
            return l.t(
                "metrics.period.label.quarter",
                ["q": .integer((p.first.month - 1) / 3 + 1), "year": .text(String(p.first.year))])
        case .year: return String(p.first.year)
        default:
            return l.t(
                "metrics.period.label.range",
                [
                    "from": .text(
                        l.formatDate(CalendarDate(year: p.first.year, month: p.first.month, day: p.first.day)!)),
                    "to": .text(l.formatDate(CalendarDate(year: p.last.year, month: p.last.month, day: p.last.day)!)),
                ])
        }
    }

    /// The query string that asks for `period` again (the picker's fields).
    static func query(_ p: MetricPeriod) -> [String: String] {
        p.kind == .custom
            ? ["from": p.first.description, "to": p.last.description]
            : ["period": p.kind.rawValue, "from": p.first.description]
    }

    static func href(_ path: String, _ items: [String: String]) -> String {
        let items = items.filter { !$0.value.isEmpty }
        return path + (items.isEmpty ? "" : "?" + Browserless.encode(items))
    }

    /// A figure in the reader's language ("—" when there is nothing to measure).
    static func text(_ metric: MetricName, _ m: ScorecardMetrics, _ l: Localizer) -> String {
        switch metric {
        case .promisesMade, .promisesKept, .promisesBroken: return l.format(m.value(metric) ?? 0)
        case .bookedRevenue: return l.format(m.bookedRevenue)
        case .deliveredRevenue: return l.format(m.deliveredRevenue)
        case .quotedMargin: return l.format(m.quotedMargin)
        case .deliveredMargin: return l.format(m.deliveredMargin)
        case .reviewTurnaroundHours:
            return m.reviewTurnaroundHours.map { l.t("metrics.unit.hours", ["n": .decimal($0)]) } ?? "—"
        case .leadToWonDays, .wonToDeliveredDays:
            return m.value(metric).map { l.t("metrics.unit.days", ["n": .decimal($0)]) } ?? "—"
        default: return QuoteViews.percent(m.value(metric), l)
        }
    }

    static func definitionHref(_ metric: MetricName) -> String {
        SiteRoute.goals(.definitions).path + "#" + metric.rawValue
    }

    /// The sub-navigation of the Goals area (guidance's pages add their links here).
    struct Tab: Encodable {
        var label: String
        var href: String
        var current: Bool
    }

    static func tabs(_ current: String, user: User, _ l: Localizer) -> [Tab] {
        var tabs = [
            Tab(
                label: l.t("scorecard.tab.scorecards"), href: SiteRoute.area(.scorecards).path,
                current: current == "scorecards")
        ]
        if Policy.permits(user, .viewIncentivePlans) {
            tabs.append(
                Tab(
                    label: l.t("incentive.tab.plans"), href: SiteRoute.goals(.incentives).path,
                    current: current == "plans"))
            tabs.append(
                Tab(
                    label: l.t("incentive.tab.simulate"), href: SiteRoute.goals(.simulate).path,
                    current: current == "simulate"))
        }
        // The guidance pages (docs/guidance.md) sit beside the scorecards, for whoever may see them.
        if Policy.permitsGuidance(user, .whereToSell) {
            tabs.append(
                Tab(label: l.t("wheretosell.title"), href: SiteRoute.whereToSell.path, current: current == "where"))
        }
        if Policy.permitsGuidance(user, .parity) {
            tabs.append(Tab(label: l.t("parity.title"), href: SiteRoute.parity.path, current: current == "parity"))
        }
        tabs.append(
            Tab(
                label: l.t("metrics.tab.definitions"), href: SiteRoute.goals(.definitions).path,
                current: current == "definitions"))
        return tabs
    }
}
