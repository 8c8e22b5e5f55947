import Foundation
import TandemDomain

extension CapacityIndex {
    static func result(
        request: FeasibilityRequest, origin: Int, best: RunOutcome, riskDelivery: Int?, confidence: Double,
        horizonDays: Int, index: CapacityIndex, options: PlanningOptions
    ) -> FeasibilityResult {
        let deadline = request.deadline.minutes
        var targets: [PlannedTarget] = []
        var costs: [CurrencyCode: Decimal] = [:]
        var currencyOrder: [CurrencyCode] = []
        for (t, target) in request.targets.enumerated() {
            let outcome = best.targets[t]
            let steps = outcome.steps.map { step in
                PlannedStep(
                    service: step.service, words: step.words, start: Instant(minutes: step.start),
                    end: Instant(minutes: step.end),
                    assignments: step.assignments.map { a in
                        let cost = (a.capability.costPerWord * Decimal(a.words)).rounded
                        if costs[cost.currency] == nil { currencyOrder.append(cost.currency) }
                        costs[cost.currency, default: 0] += cost.amount
                        return PlannedAssignment(
                            vendor: index.entry(a.slot).vendor.id, words: a.words,
                            start: Instant(minutes: a.start), end: Instant(minutes: a.end), cost: cost)
                    })
            }
            targets.append(
                PlannedTarget(
                    source: target.source, target: target.target,
                    delivery: outcome.delivery.map(Instant.init(minutes:)), steps: steps))
        }

        var reasons: [String] = []
        let delivery = best.delivery
        let window = deadline - origin
        let verdict: Verdict
        let deadlineText = Instant(minutes: deadline).readable
        if let delivery {
            let slack = deadline - delivery
            let riskLate = riskDelivery.map { $0 > deadline } ?? true
            if window <= 0 {
                verdict = .red
                reasons.append("The deadline \(deadlineText) has already passed.")
            } else if slack < 0 {
                verdict = .red
                reasons.append(
                    "Earliest delivery \(Instant(minutes: delivery).readable) is \(Self.duration(-slack)) after the deadline \(deadlineText)."
                )
            } else if Double(slack) < options.amberSlackFraction * Double(window) {
                verdict = .amber
                reasons.append(
                    "Earliest delivery \(Instant(minutes: delivery).readable) leaves only \(Self.duration(slack)) before the deadline \(deadlineText) (\(Self.percent(slack, of: window)) of the window; under \(Int((options.amberSlackFraction * 100).rounded()))% is amber)."
                )
            } else if riskLate {
                verdict = .amber
                reasons.append(
                    "Earliest delivery \(Instant(minutes: delivery).readable) meets the deadline \(deadlineText) only by using time that tentative work from open quotes is likely to need."
                )
            } else {
                verdict = .green
                reasons.append(
                    "Earliest delivery \(Instant(minutes: delivery).readable) leaves \(Self.duration(slack)) before the deadline \(deadlineText) (\(Self.percent(slack, of: window)) of the window)."
                )
            }
            if let riskDelivery, riskDelivery > delivery {
                reasons.append(
                    "Counting open quotes' tentative work at its win probability, delivery moves to \(Instant(minutes: riskDelivery).readable)\(riskDelivery > deadline ? ", after the deadline" : "")."
                )
            }
            reasons.append(contentsOf: Self.tentativeOverlaps(best, index: index))
        } else {
            verdict = .red
            reasons.append("No plan can deliver every target; see below.")
        }

        if let delivery, request.targets.count > 1,
            let last = best.targets.firstIndex(where: { $0.delivery == delivery })
        {
            let others = best.targets.enumerated().filter { $0.offset != last }.compactMap(\.element.delivery).max()
            reasons.append(
                "\(request.targets[last].target) is delivered last\(others.map { "; the other targets by \(Instant(minutes: $0).readable)" } ?? "")."
            )
        }

        for (t, target) in request.targets.enumerated() {
            let outcome = best.targets[t]
            for step in outcome.steps {
                if let reason = Self.waitReason(target: target.target, step: step, run: best, index: index) {
                    reasons.append(reason)
                }
            }
            if let failure = outcome.failure {
                let step = target.steps[failure.step]
                let name = "\(target.target) \(step.service)"
                switch failure.reason {
                case let .noVendor(fourEyes, byRequest):
                    var text = "\(name): no vendor offers \(target.source) → \(target.target) \(step.service)"
                    if fourEyes > 0 || byRequest > 0 {
                        var parts: [String] = []
                        if fourEyes > 0 {
                            parts.append(
                                "\(fourEyes) worked on this target's text and cannot \(step.service == .revision ? "revise" : "check") it (four-eyes)"
                            )
                        }
                        if byRequest > 0 { parts.append("\(byRequest) excluded by the request") }
                        text =
                            "\(name): every \(step.service.workerNoun) for \(target.source) → \(target.target) is ruled out: \(parts.joined(separator: ", "))"
                    }
                    reasons.append(text + ".")
                case .beyondHorizon:
                    reasons.append(
                        "\(name): cannot be finished within \(horizonDays) days of the start with the vendors available."
                    )
                }
            }
        }

        return FeasibilityResult(
            verdict: verdict, earliestDelivery: delivery.map(Instant.init(minutes:)), deadline: request.deadline,
            confidence: confidence, riskAdjustedDelivery: riskDelivery.map(Instant.init(minutes:)),
            targets: targets, reasons: reasons,
            cost: currencyOrder.map { Money(costs[$0]!, $0) })
    }

    /// "fr-FR revision: the only eligible reviser, v3, is booked until Wed 03 Mar 13:00 UTC."
    static func waitReason(target: LanguageTag, step: StepOutcome, run: RunOutcome, index: CapacityIndex) -> String? {
        guard let first = step.assignments.min(by: { $0.start < $1.start }), first.start > step.ready else {
            return nil
        }
        let entry = index.entry(first.slot)
        let window = Span(step.ready, first.start)
        let cause: String
        let booked = entry.calendar.busy.filter { Spans.overlap($0, window) > 0 }
        let reserved = run.reserved(of: first.slot).filter { Spans.overlap($0.span, window) > 0 }
        let firstDay = entry.calendar.zone.localDay(ofUTC: step.ready)
        let lastDay = entry.calendar.zone.localDay(ofUTC: first.start)
        let absent = (firstDay...max(firstDay, lastDay)).filter { entry.calendar.absentDays.contains($0) }
        if let until = booked.map(\.end).max(), until >= (reserved.map(\.span.end).max() ?? Int.min) {
            cause = "booked until \(Instant(minutes: min(until, first.start)).readable)"
        } else if let last = reserved.max(by: { $0.span.end < $1.span.end }) {
            cause = "busy with \(last.label) of this request until \(Instant(minutes: last.span.end).readable)"
        } else if let lastAbsent = absent.max() {
            cause = "absent until \(LocalDay(dayNumber: lastAbsent)) (local date)"
        } else {
            return nil  // only outside working hours
        }
        let name = "\(target) \(step.service)"
        let noun = step.service.workerNoun
        var text: String
        if step.eligible.count == 1 {
            text = "\(name): the only eligible \(noun), \(entry.vendor.id), is \(cause)"
        } else {
            text =
                "\(name): starts \(Instant(minutes: first.start).readable) because \(entry.vendor.id) is \(cause) (earliest finish among \(step.eligible.count) eligible \(noun)s)"
        }
        if !step.fourEyesExcluded.isEmpty {
            let ids = step.fourEyesExcluded.map { "\(index.entry($0).vendor.id)" }.sorted().joined(separator: ", ")
            text +=
                "; \(ids) worked on this text and may not \(step.service == .revision ? "revise" : "check") it (four-eyes)"
        }
        return text + "."
    }

    /// Plan time that open quotes' tentative work would also need.
    static func tentativeOverlaps(_ run: RunOutcome, index: CapacityIndex) -> [String] {
        var out: [String] = []
        for (slot, reserved) in run.reserved.sorted(by: {
            index.entry($0.key).vendor.id < index.entry($1.key).vendor.id
        }) {
            let entry = index.entry(slot)
            for tentative in entry.calendar.tentative {
                let overlap = reserved.reduce(0) { $0 + Spans.overlap($1.span, tentative.span) }
                guard overlap > 0 else { continue }
                out.append(
                    "\(entry.vendor.id): the plan uses \(duration(overlap)) of time that tentative work (\(Int((tentative.probability * 100).rounded()))% likely) from \(Instant(minutes: tentative.span.start).readable) would need."
                )
            }
        }
        return out
    }

    static func duration(_ minutes: Int) -> String {
        let days = minutes / 1440
        let hours = (minutes % 1440) / 60
        let mins = minutes % 60
        var parts: [String] = []
        if days > 0 { parts.append("\(days) d") }
        if hours > 0 { parts.append("\(hours) h") }
        if mins > 0 || parts.isEmpty { parts.append("\(mins) min") }
        return parts.joined(separator: " ")
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        "\(Int((Double(part) / Double(max(1, whole)) * 100).rounded(.down)))%"
    }
}
