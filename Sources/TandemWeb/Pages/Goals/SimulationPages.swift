import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// `/scorecards/simulate?planA=&planB=&period=…`: what each person would have earned under two
/// plans side by side, each component's contribution, and the alignment report with its evidence.
enum SimulationPages {
    struct Contribution: Encodable {
        var text: String
    }
    struct Cell: Encodable {
        var total: String
        var parts: [Contribution]
    }
    struct PersonRow: Encodable {
        var name: String
        var role: String
        var href: String
        var cells: [Cell?]
    }
    struct Evidence: Encodable {
        var text: String
        var worse: Bool
    }
    struct Warning: Encodable {
        var text: String
        var evidence: [Evidence]
        var drillHref: String
    }
    struct Context: Encodable {
        var shell: PageShell
        var tabs: [GoalsViews.Tab]
        var picker: GoalsViews.PeriodPicker
        var planA: [SelectOption]
        var planB: [SelectOption]
        var headers: [String]
        var people: [PersonRow]
        var warnings: [Warning]
        var ran: Bool
        var previous: String
        var formula: String
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try req.authorize(.viewIncentivePlans)
        let l = req.localizer
        let plans = try await IncentivePlans(req.appEnvironment).list(for: user)
        let a = req.query[String.self, at: "planA"] ?? plans.first?.id.description ?? ""
        let b = req.query[String.self, at: "planB"] ?? (plans.count > 1 ? plans[1].id.description : "")
        let (input, period, errors) = try await GoalsViews.period(req, Scorecards(req.appEnvironment))
        let chosen = [a, b].filter { !$0.isEmpty }
        var simulation: IncentiveSimulator.Simulation?
        var formErrors = errors
        if errors.isEmpty && !chosen.isEmpty {
            do {
                simulation = try await IncentiveSimulator(req.appEnvironment).simulate(
                    planIDs: chosen,
                    period: input.period == nil && input.from == nil ? .init(period: "quarter") : input,
                    for: user)
            } catch  where !error.domainErrors.isEmpty && (error as? DomainError)?.isAccessError != true {
                formErrors.add(error, in: req)
            }
        }
        func options(_ selected: String) -> [SelectOption] {
            [SelectOption(value: "", label: l.t("incentive.simulate.none"), selected: selected.isEmpty)]
                + plans.map {
                    SelectOption(value: $0.id.description, label: $0.name, selected: $0.id.description == selected)
                }
        }
        let base = try await req.organisation().baseCurrency
        let context = Context(
            shell: try await req.shell(title: l.t("incentive.simulate.title"), area: .scorecards),
            tabs: GoalsViews.tabs("simulate", user: user, l),
            picker: GoalsViews.picker(
                SiteRoute.goals(.simulate).path, input: input, period: period, hidden: [:], errors: formErrors, l),
            planA: options(a), planB: options(b), headers: simulation?.plans.map(\.name) ?? [],
            people: simulation.map { rows($0, l) } ?? [],
            warnings: simulation.map { s in
                s.warnings.map { w in
                    Warning(
                        text: IncentiveText.warning(w, simulation: s, l),
                        evidence: w.evidence.map {
                            Evidence(text: IncentiveText.evidence($0, l, base: base), worse: $0.worse)
                        },
                        drillHref: GoalsViews.href(
                            SiteRoute.goals(
                                .subject(
                                    PathParameter(value: w.component.rewardsVolume ? "rep" : "pm"),
                                    PathParameter(w.personID))
                            ).path,
                            GoalsViews.query(s.period)))
                }
            } ?? [], ran: simulation != nil,
            previous: simulation.map { GoalsViews.label($0.previous, l) } ?? "",
            formula: l.t("incentive.formula"))
        return try await req.renderPage("goals/simulate", context)
    }

    static func rows(_ s: IncentiveSimulator.Simulation, _ l: Localizer) -> [PersonRow] {
        s.people.map { person in
            let subject = person.role == .sales ? "rep" : "pm"
            return PersonRow(
                name: person.name, role: l.t("role.\(person.role.rawValue)"),
                href: GoalsViews.href(
                    SiteRoute.goals(.subject(PathParameter(value: subject), PathParameter(person.userID))).path,
                    GoalsViews.query(s.period)),
                cells: s.plans.map { plan in
                    person.earnings.first { $0.planID == plan.id }.map { e in
                        Cell(
                            total: l.format(e.total),
                            parts: e.components.map {
                                Contribution(
                                    text: l.t(
                                        "incentive.contribution",
                                        [
                                            "component": .text(
                                                l.t("incentive.component.\($0.component.kind.rawValue)")),
                                            "value": .text(
                                                $0.value.map {
                                                    l.format($0.rounded(scale: 2), maximumFractionDigits: 2)
                                                } ?? "—"),
                                            "amount": .money($0.contribution),
                                        ]))
                            })
                    }
                })
        }
    }
}
