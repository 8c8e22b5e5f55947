import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/scorecards/incentives`: the plans and, for managers, the form to define one.
enum IncentivePages {
    static let formRows = 5

    struct ComponentRow: Encodable {
        var kind: String
        var weight, threshold, target, cap: String
    }
    struct PlanView: Encodable {
        var id: String
        var name: String
        var roles: String
        var shared: Bool
        var bonus: String
        var components: [ComponentRow]
    }
    struct FormRow: Encodable {
        var index: Int
        var kinds: [SelectOption]
        var weight, threshold, target, cap: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var tabs: [GoalsViews.Tab]
        var plans: [PlanView]
        var canManage: Bool
        var action: String
        var simulateHref: String
        var name: String
        var sales: Bool
        var pm: Bool
        var targetBonus: String
        var currency: String
        var rows: [FormRow]
        var errors: FormErrors
    }

    struct Form: Content {
        var name: String?
        var roles: [String]?
        var targetBonus: String?
        var kind: [String]?
        var weight: [String]?
        var threshold: [String]?
        var target: [String]?
        var cap: [String]?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.goals(.incentives), use: list)
        routes.post(.goals(.incentives), use: create)
        routes.get(.goals(.simulate), use: SimulationPages.show)
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await render(req, Form(), errors: FormErrors())
    }

    static func render(_ req: Request, _ form: Form, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let user = try req.requireUser()
        let l = req.localizer
        let plans = try await IncentivePlans(req.appEnvironment).list(for: user)
        let base = try await req.organisation().baseCurrency
        func at(_ list: [String]?, _ i: Int) -> String { (list ?? []).indices.contains(i) ? list![i] : "" }
        let context = Context(
            shell: try await req.shell(title: l.t("incentive.title"), area: .scorecards),
            tabs: GoalsViews.tabs("plans", user: user, l),
            plans: plans.map { plan($0, l) }, canManage: Policy.permits(user, .manageIncentivePlans),
            action: SiteRoute.goals(.incentives).path, simulateHref: SiteRoute.goals(.simulate).path,
            name: form.name ?? "", sales: form.roles?.contains("sales") ?? false,
            pm: form.roles?.contains("pm") ?? false,
            targetBonus: form.targetBonus ?? "", currency: base.code,
            rows: (0..<formRows).map { i in
                FormRow(
                    index: i,
                    kinds: [
                        SelectOption(
                            value: "", label: l.t("incentive.form.no_component"), selected: at(form.kind, i).isEmpty)
                    ]
                        + ComponentKind.allCases.map {
                            SelectOption(
                                value: $0.rawValue, label: l.t("incentive.component.\($0.rawValue)"),
                                selected: at(form.kind, i) == $0.rawValue)
                        }, weight: at(form.weight, i), threshold: at(form.threshold, i), target: at(form.target, i),
                    cap: at(form.cap, i))
            }, errors: errors)
        return try await req.renderPage("goals/incentives", context, status: status)
    }

    static func plan(_ p: IncentivePlan, _ l: Localizer) -> PlanView {
        PlanView(
            id: p.id.description, name: p.name,
            roles: p.roles.sorted().map { l.t("role.\($0.rawValue)") }.joined(separator: ", "),
            shared: p.isShared, bonus: l.format(p.targetBonus),
            components: p.components.map {
                ComponentRow(
                    kind: l.t("incentive.component.\($0.kind.rawValue)"), weight: l.format($0.weight) + " %",
                    threshold: l.format($0.threshold), target: l.format($0.target), cap: l.format($0.cap))
            })
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.manageIncentivePlans)
        let form = try req.content.decode(Form.self)
        func at(_ list: [String]?, _ i: Int) -> String? { (list ?? []).indices.contains(i) ? list![i] : nil }
        let components = (0..<formRows).compactMap { i -> IncentivePlans.ComponentInput? in
            guard let kind = at(form.kind, i), !kind.isEmpty else { return nil }
            return .init(
                kind: kind, weight: at(form.weight, i), threshold: at(form.threshold, i), target: at(form.target, i),
                cap: at(form.cap, i))
        }
        do {
            _ = try await IncentivePlans(req.appEnvironment).create(
                .init(name: form.name, roles: form.roles ?? [], targetBonus: form.targetBonus, components: components),
                by: user)
        } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await render(req, form, errors: errors, status: .unprocessableEntity)
        }
        let response = req.redirect(to: SiteRoute.goals(.incentives).path)
        req.setFlash(response, "incentive.created")
        return response
    }
}
