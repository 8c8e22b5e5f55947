import Foundation
import TandemDomain
import TandemLocalization
import TandemPlanning

/// Words for the planning engine's codes, in the user's language: the edge's half of
/// "engines speak in codes". Messages are `plan.reason.<code>`, `plan.input.<code>` and `plan.*` in the catalogs
/// (`Resources/Locales`). Used by `tandem plan`; the web layer can call it the same way (this
/// target needs neither Vapor nor the command line).
public enum PlanningText {
    /// The reason as a sentence, e.g. en "fr revision: the only eligible vendor, chloe, is booked
    /// until Wed 3/3/2027, 12:00 PM UTC.", fr "fr, révision : chloe, seul prestataire possible,
    /// est réservé jusqu’au mer. 03/03/2027 12:00 UTC."
    public static func text(for reason: FeasibilityReason, localizer: Localizer) -> String {
        let args = reason.arguments.mapValues { MessageArgument.text(text(for: $0, localizer: localizer)) }
        var all = args
        if case .count(let n)? = reason.arguments["count"] { all["count"] = .integer(n) }
        return localizer.t("plan.reason.\(reason.code)", all)
    }

    /// What is wrong with an input field, without the field's path: en "unknown time zone
    /// “Europe/Pariss”; use an IANA name such as Europe/Paris", fr "fuseau horaire inconnu
    /// « Europe/Pariss » ; utilisez un nom IANA comme Europe/Paris". The key is
    /// `plan.input.<code>`; values from the file are quoted as written, and the expected kind
    /// of value (`expected`) is `plan.kind.<kind>`.
    public static func text(for error: PlanningInputError, localizer: Localizer) -> String {
        var args = error.arguments.mapValues { MessageArgument.text($0) }
        if let kind = error.arguments["expected"] {
            args["expected"] = .text(localizer.t("plan.kind.\(kind)"))
        }
        return localizer.t("plan.input.\(error.code)", args)
    }

    /// `<field>: <what is wrong>` in the localizer's language, as `tandem plan` prints it.
    public static func line(for error: PlanningInputError, localizer: Localizer) -> String {
        "\(error.field): \(text(for: error, localizer: localizer))"
    }

    /// One argument as it appears in a message.
    public static func text(for argument: ReasonArgument, localizer: Localizer) -> String {
        switch argument {
        case .vendor(let id): return id.rawValue
        case .vendors(let ids): return ids.map(\.rawValue).joined(separator: ", ")
        case .instant(let instant): return text(for: instant, localizer: localizer)
        case .day(let day):
            guard let date = CalendarDate(iso: day.description) else { return day.description }
            return localizer.formatDate(date)
        case .minutes(let minutes): return duration(minutes, localizer: localizer)
        case .count(let n): return localizer.format(n)
        case .percent(let p): return localizer.formatPercent(Decimal(p) / 100)
        case .language(let tag): return tag.description
        case .service(let service): return name(of: service, localizer: localizer)
        }
    }

    /// An instant with its weekday, in the localizer's time zone: en "Wed 3/3/2027, 5:00 PM UTC",
    /// fr "mer. 03/03/2027 17:00 UTC" (the zone is named when it is UTC).
    public static func text(for instant: Instant, localizer: Localizer) -> String {
        let date = instant.date
        let weekday = weekdayKeys[Calendar.weekday(of: date, in: localizer.timeZone)]
        let isUTC =
            localizer.timeZone.secondsFromGMT() == 0 && localizer.timeZone.nextDaylightSavingTimeTransition == nil
        let zone = isUTC ? " UTC" : ""
        return localizer.t("weekday.short.\(weekday)") + " " + localizer.formatDateTime(date) + zone
    }

    /// "1 d 5 h 30 min" / "1 j 5 h 30 min".
    public static func duration(_ minutes: Int, localizer: Localizer) -> String {
        let parts: [(String, Int)] = [
            ("plan.unit.days", minutes / 1440), ("plan.unit.hours", (minutes % 1440) / 60),
            ("plan.unit.minutes", minutes % 60),
        ]
        let shown = parts.filter { $0.1 > 0 }
        if shown.isEmpty { return localizer.t("plan.unit.minutes", count: 0) }
        return shown.map { localizer.t($0.0, count: $0.1) }.joined(separator: " ")
    }

    /// An amount of work in its unit: words as a number ("8,000"), pages ("20 pages"), hours
    /// as a duration ("2 h 30 min"; the engine counts hour-based work in minutes).
    public static func amount(_ amount: Int, unit: WorkUnit?, localizer: Localizer) -> String {
        switch unit ?? .word {
        case .word: return localizer.format(amount)
        case .page: return localizer.t("plan.amount.pages", count: amount)
        case .hour: return duration(amount, localizer: localizer)
        }
    }

    /// The service's name in the user's language (`plan.service.<name>`), else as written.
    public static func name(of service: Service, localizer: Localizer) -> String {
        let key = "plan.service.\(service.rawValue)"
        return localizer.has(key) ? localizer.t(key) : service.rawValue
    }

    static let weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// The language asked for by a POSIX environment: `LC_ALL`, else `LC_MESSAGES`, else `LANG`
    /// (the first set and not empty), as a language tag: `fr_FR.UTF-8` → `fr-FR`; `C`, `POSIX`
    /// or nothing → `en`.
    public static func requestedLocale(environment: [String: String]) -> String {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let tag = value.split(separator: ".").first.map { $0.split(separator: "@").first.map(String.init) ?? "" } ?? ""
        if tag.isEmpty || tag == "C" || tag == "POSIX" { return Catalogs.sourceLocale }
        return tag.replacingOccurrences(of: "_", with: "-")
    }

    /// A localizer for the command line: catalogs from `resources`/Locales, the language from
    /// the environment (`requestedLocale`), times in UTC. Nil when the catalogs cannot be read.
    public static func commandLineLocalizer(environment: [String: String], resources: URL) -> Localizer? {
        guard let catalogs = try? Catalogs.load(shipped: resources.appendingPathComponent("Locales")) else {
            return nil
        }
        return catalogs.localizer(
            locale: requestedLocale(environment: environment), timeZone: TimeZone(identifier: "UTC")!)
    }
}

extension Calendar {
    /// 0 for Sunday … 6 for Saturday.
    static func weekday(of date: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.component(.weekday, from: date) - 1
    }
}
