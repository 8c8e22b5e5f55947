import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// What the pipeline pages show of opportunities, in the user's language and time zone.
struct PipelineViews {
    let l: Localizer
    let stages: StageList
    let users: [User.ID: User]
    let accountNames: [Account.ID: String]
    let lostReasons: [LostReason]
    let today: LocalDate

    static func make(_ req: Request, accountNames: [Account.ID: String], stages: StageList? = nil) async throws
        -> PipelineViews
    {
        let l = req.localizer
        let now = CalendarDate(req.now, in: l.timeZone)
        let stageList: StageList
        if let stages { stageList = stages } else { stageList = StageList(try await req.stores.pipeline.stages.list()) }
        return PipelineViews(
            l: l, stages: stageList,
            users: Dictionary(uniqueKeysWithValues: try await req.stores.users.list().map { ($0.id, $0) }),
            accountNames: accountNames, lostReasons: try await req.stores.pipeline.lostReasons.list(),
            today: try LocalDate(year: now.year, month: now.month, day: now.day))
    }

    func day(_ date: LocalDate) -> String {
        CalendarDate(year: date.year, month: date.month, day: date.day).map(l.formatDate) ?? date.description
    }
    func name(_ id: User.ID?) -> String { id.flatMap { users[$0]?.displayName } ?? "" }
    func account(_ id: Account.ID) -> String { accountNames[id] ?? "" }
    func money(_ value: Money) -> String { l.format(value) }
    func stageName(_ id: Stage.ID) -> String { stages.stage(id)?.name ?? "" }

    /// A card on the board or a row of the list.
    struct Card: Encodable {
        var id: String
        var version: Int
        var href: String
        var name: String
        var account: String
        var value: String
        var closeDate: String
        var closeISO: String
        var overdue: Bool
        var owner: String
        var partnerPm: String
        var stage: String
        var stageID: String
        var probability: Int
        var capabilityBuilding: Bool
        var languages: String
        var moveAction: String
        var canMove: Bool
    }

    func card(_ o: Opportunity, canMove: Bool) -> Card {
        let stage = stages.stage(o.stageID)
        return Card(
            id: o.id.description, version: o.version, href: SiteRoute.opportunity(o.id).path, name: o.name,
            account: account(o.accountID), value: money(o.expectedValue), closeDate: day(o.closeDate),
            closeISO: o.closeDate.description, overdue: o.closeDate < today && stage?.outcome == .open,
            owner: name(o.ownerID), partnerPm: name(o.partnerPmID), stage: stage?.name ?? "",
            stageID: o.stageID.description, probability: stage.map(o.probability(in:)) ?? 0,
            capabilityBuilding: o.capabilityBuilding,
            languages: "\(o.sourceLanguage) → " + o.targetLanguages.map(\.description).joined(separator: ", "),
            moveAction: SiteRoute.opportunityMove(o.id).path, canMove: canMove)
    }

    /// The stages to move to, `current` chosen.
    func stageOptions(current: Stage.ID?) -> [SelectOption] {
        stages.stages.map { SelectOption(value: $0.id.description, label: $0.name, selected: $0.id == current) }
    }

    /// The lost reasons offered (active ones, and `current` even when retired).
    func lostReasonOptions(current: LostReason.ID? = nil) -> [SelectOption] {
        lostReasons.filter { $0.isActive || $0.id == current }.map {
            SelectOption(value: $0.id.description, label: $0.name, selected: $0.id == current)
        }
    }

    /// A column total in words: the sums, the rates used and what could not be converted.
    struct Total: Encodable {
        var count: String
        var total: String
        var weighted: String
        var rates: String?
        var missing: String?
    }

    func total(_ t: PipelineTotal) -> Total {
        let rates = t.ratesUsed.map {
            l.t(
                "pipeline.rate_used",
                [
                    "currency": .text($0.currency.code), "rate": .text($0.rate.canonicalString),
                    "date": .text(day($0.date)),
                ])
        }
        let missing = t.missing.map {
            l.t("pipeline.rate_missing", ["currency": .text($0.currency.code), "count": .text(l.format($0.count))])
        }
        return Total(
            count: l.plural("pipeline.count", count: t.count), total: money(t.total), weighted: money(t.weighted),
            rates: rates.isEmpty ? nil : rates.joined(separator: "; "),
            missing: missing.isEmpty ? nil : missing.joined(separator: "; "))
    }
}

/// The filter form of the board and the list; its values travel in the URL.
struct PipelineFilterForm: Encodable {
    var owners: [SelectOption]
    var pms: [SelectOption]
    var stages: [SelectOption]
    var sourceLanguage: String
    var targetLanguage: String
    var closeFrom: String
    var closeTo: String
    var capability: [SelectOption]
    var problems: [String]
    /// The list filters by stage too; the board shows every open stage.
    var showStage: Bool
    var clearHref: String
    /// The query string of the filters (with `?`), for links that keep them; empty when none.
    var query: String

    static let names = [
        "ownerId", "partnerPmId", "stage", "sourceLanguage", "targetLanguage", "closeFrom", "closeTo",
        "capabilityBuilding",
    ]

    static func make(_ req: Request, views: PipelineViews, problems: [FieldError], clear: SiteRoute)
        -> PipelineFilterForm
    {
        let value = { (name: String) in req.query[String.self, at: name] ?? "" }
        let people = views.users.values.sorted { $0.displayName < $1.displayName }
        let any = SelectOption(value: "", label: views.l.t("pipeline.filter.any"), selected: false)
        func options(_ users: [User], _ name: String) -> [SelectOption] {
            [any]
                + users.map {
                    SelectOption(
                        value: $0.id.description, label: $0.displayName, selected: value(name) == $0.id.description)
                }
        }
        var items = URLComponents()
        items.queryItems = names.compactMap { name in
            let v = value(name)
            return v.isEmpty ? nil : URLQueryItem(name: name, value: v)
        }
        return PipelineFilterForm(
            owners: options(people.filter { !$0.roles.isDisjoint(with: [.sales, .manager, .admin]) }, "ownerId"),
            pms: options(people.filter { $0.has(.pm) }, "partnerPmId"),
            stages: [any]
                + views.stages.stages.map {
                    SelectOption(
                        value: $0.id.description, label: $0.name, selected: value("stage") == $0.id.description)
                },
            sourceLanguage: value("sourceLanguage"), targetLanguage: value("targetLanguage"),
            closeFrom: value("closeFrom"), closeTo: value("closeTo"),
            capability: [
                any,
                SelectOption(
                    value: "true", label: views.l.t("common.yes"), selected: value("capabilityBuilding") == "true"),
                SelectOption(
                    value: "false", label: views.l.t("common.no"), selected: value("capabilityBuilding") == "false"),
            ],
            problems: problems.map { $0.message(views.l) }, showStage: clear == .opportunityList,
            clearHref: clear.path,
            query: items.queryItems?.isEmpty == false ? "?" + (items.percentEncodedQuery ?? "") : "")
    }
}
