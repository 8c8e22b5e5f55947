import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The JSON shapes of the incentive plans API (docs/metrics.md, openapi.yaml).
enum IncentiveBodies {
    struct Component: Content {
        var kind: String
        var weight, threshold, target, cap: String
        init(_ c: PlanComponent) {
            kind = c.kind.rawValue
            weight = c.weight.canonicalString
            threshold = c.threshold.canonicalString
            target = c.target.canonicalString
            cap = c.cap.canonicalString
        }
    }

    struct Plan: Content {
        var id: String
        var name: String
        var roles: [String]
        var shared: Bool
        var targetBonus: MoneyBody
        var components: [Component]
        var createdAt: String
        init(_ p: IncentivePlan) {
            id = p.id.description
            name = p.name
            roles = p.roles.sorted().map(\.rawValue)
            shared = p.isShared
            targetBonus = MoneyBody(p.targetBonus)
            components = p.components.map(Component.init)
            createdAt = LedgerBodies.iso(p.createdAt)
        }
    }

    struct Plans: Content { var items: [Plan] }

    struct ComponentInput: Decodable {
        var kind: String?
        var weight, threshold, target, cap: String?
    }

    struct PlanInput: Decodable {
        var name: String?
        var roles: [String]?
        /// A decimal string, or a Money object.
        var targetBonus: MoneyOrDecimal?
        var components: [ComponentInput]?
    }

    /// `"500.00"` or `{"amount": "500.00", "currency": "EUR"}`.
    struct MoneyOrDecimal: Decodable {
        var amount: String
        var currency: String?
        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                amount = text
                currency = nil
            } else {
                let money = try MoneyBody(from: decoder)
                amount = money.amount
                currency = money.currency
            }
        }
    }

    struct SimulateInput: Decodable {
        var planIds: [String]?
        var from: String?
        var to: String?
        var period: String?
    }

    struct ComponentResult: Content {
        var kind: String
        var weight: String
        @NullWhenAbsent var value: String?
        var factor: String
        var contribution: MoneyBody
        init(_ r: TandemDomain.ComponentResult) {
            kind = r.component.kind.rawValue
            weight = r.component.weight.canonicalString
            value = r.value.map { $0.rounded(scale: 2).canonicalString }
            factor = r.factor.rounded(scale: 4).canonicalString
            contribution = MoneyBody(r.contribution)
        }
    }

    struct Earnings: Content {
        var planId: String
        var total: MoneyBody
        var components: [ComponentResult]
        init(_ e: PlanEarnings) {
            planId = e.planID.description
            total = MoneyBody(e.total)
            components = e.components.map(ComponentResult.init)
        }
    }

    struct Person: Content {
        var personId: String
        var name: String
        var role: String
        var metrics: ScorecardBodies.Metrics
        var earnings: [Earnings]
    }

    struct Evidence: Content {
        var metric: String
        @NullWhenAbsent var before: String?
        @NullWhenAbsent var now: String?
        var worse: Bool
    }

    struct Warning: Content {
        var code: String
        var planId: String
        var component: String
        var personId: String
        var paid: MoneyBody
        var evidence: [Evidence]
        var text: String
    }

    struct Simulation: Content {
        var period: ScorecardBodies.Period
        var previousPeriod: ScorecardBodies.Period
        var plans: [Plan]
        var people: [Person]
        var warnings: [Warning]

        init(_ s: IncentiveSimulator.Simulation, _ l: Localizer) {
            period = .init(s.period)
            previousPeriod = .init(s.previous)
            plans = s.plans.map(Plan.init)
            people = s.people.map {
                Person(
                    personId: $0.userID.description, name: $0.name, role: $0.role.rawValue,
                    metrics: ScorecardBodies.Metrics($0.metrics), earnings: $0.earnings.map(Earnings.init))
            }
            warnings = s.warnings.map { w in
                Warning(
                    code: w.code.rawValue, planId: w.planID.description, component: w.component.rawValue,
                    personId: w.personID.description, paid: MoneyBody(w.paid),
                    evidence: w.evidence.map {
                        Evidence(
                            metric: $0.metric.rawValue, before: $0.before.map { $0.rounded(scale: 2).canonicalString },
                            now: $0.now.map { $0.rounded(scale: 2).canonicalString }, worse: $0.worse)
                    }, text: IncentiveText.warning(w, simulation: s, l))
            }
        }
    }
}

/// Alignment warnings in words (the API's `text` and the simulator page).
enum IncentiveText {
    static func warning(_ w: AlignmentWarning, simulation s: IncentiveSimulator.Simulation, _ l: Localizer) -> String {
        let plan = s.plans.first { $0.id == w.planID }?.name ?? ""
        let person = s.people.first { $0.userID == w.personID }?.name ?? ""
        return l.t(
            "incentive.warning.\(w.code.rawValue)",
            [
                "plan": .text(plan), "person": .text(person), "paid": .money(w.paid),
                "component": .text(l.t("incentive.component.\(w.component.rawValue)")),
            ])
    }

    /// "On-time rate: 80 % → 62 %".
    static func evidence(_ e: AlignmentWarning.Evidence, _ l: Localizer, base: CurrencyCode) -> String {
        func text(_ value: Decimal?) -> String {
            guard let value else { return "—" }
            switch e.metric {
            case .bookedRevenue, .deliveredRevenue, .deliveredMargin, .quotedMargin: return l.format(Money(value, base))
            default: return QuoteViews.percent(value, l)
            }
        }
        return l.t(
            "incentive.evidence",
            [
                "metric": .text(l.t("metrics.name.\(e.metric.rawValue)")), "before": .text(text(e.before)),
                "now": .text(text(e.now)),
            ])
    }
}
