import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

extension ProjectProgress {
    struct Badge: Encodable {
        var css: String
        var symbol: String
        var label: String
        var detail: String
    }

    func badge(_ l: Localizer) -> Badge {
        let label = l.t("production.progress.\(status.rawValue)")
        let detail = l.t("production.progress.count", ["approved": .integer(approved), "total": .integer(total)])
        switch status {
        case .planned: return Badge(css: "badge-muted", symbol: "○", label: label, detail: detail)
        case .inProduction: return Badge(css: "badge-info", symbol: "▶", label: label, detail: detail)
        case .onHold: return Badge(css: "badge-warn", symbol: "‖", label: label, detail: detail)
        case .done: return Badge(css: "badge-ok", symbol: "✓", label: label, detail: detail)
        }
    }

    /// The project list's filters: `mine=1` (the user's projects as PM), `status=`.
    struct Filters: Encodable {
        var mine: Bool
        var status: String?
        var statuses: [SelectOption]
        var action = SiteRoute.area(.projects).path
        var todayHref = SiteRoute.today.path

        init(_ req: Request, user: User) {
            mine = req.query[String.self, at: "mine"] == "1"
            let selected = req.query[String.self, at: "status"].flatMap(Status.init(rawValue:))
            status = selected?.rawValue
            let l = req.localizer
            statuses =
                [SelectOption(value: "", label: l.t("production.progress.any"), selected: selected == nil)]
                + Status.allCases.map {
                    SelectOption(
                        value: $0.rawValue, label: l.t("production.progress.\($0.rawValue)"), selected: $0 == selected)
                }
        }
    }
}
