import Foundation
import TandemDomain

/// The verdict and the reasons for it, most important first, as `FeasibilityReason` codes.
extension FeasibilityCheck {
    func verdictAndReasons(riskDelivery: Int?) -> (Verdict, [FeasibilityReason]) {
        var reasons: [FeasibilityReason] = []
        let verdict: Verdict
        if let delivery = best.delivery {
            let (v, first) = verdictReason(delivery: delivery, riskDelivery: riskDelivery)
            verdict = v
            reasons.append(first)
            if let riskDelivery, riskDelivery > delivery {
                let at = Instant(minutes: riskDelivery)
                reasons.append(
                    riskDelivery > request.deadline.minutes
                        ? .tentativeDelayPastDeadline(delivery: at) : .tentativeDelay(delivery: at))
            }
            reasons += tentativeOverlaps()
            if request.targets.count > 1, let last = best.targets.firstIndex(where: { $0.delivery == delivery }),
                let others = best.targets.enumerated().filter({ $0.offset != last }).compactMap(\.element.delivery)
                    .max()
            {
                reasons.append(
                    .deliveredLast(target: request.targets[last].target, othersBy: Instant(minutes: others)))
            }
        } else {
            verdict = .red
            reasons.append(.noPlan)
        }
        for (t, target) in request.targets.enumerated() {
            let outcome = best.targets[t]
            for step in outcome.steps { reasons += waitReasons(target: target.target, step: step) }
            if let failure = outcome.failure {
                reasons.append(failureReason(target: target, step: target.steps[failure.step], failure.reason))
            }
        }
        return (verdict, reasons)
    }

    /// Red, amber or green, and the reason that says so.
    private func verdictReason(delivery: Int, riskDelivery: Int?) -> (Verdict, FeasibilityReason) {
        let deadline = request.deadline.minutes
        let window = deadline - origin
        let slack = deadline - delivery
        let at = Instant(minutes: delivery)
        func percent(_ part: Int) -> Int { Int((Double(part) / Double(max(1, window)) * 100).rounded(.down)) }
        if window <= 0 { return (.red, .deadlinePassed(deadline: request.deadline)) }
        if slack < 0 { return (.red, .late(delivery: at, deadline: request.deadline, lateBy: -slack)) }
        if !isComfortable(delivery: delivery) {
            return (
                .amber,
                .tightSlack(
                    delivery: at, deadline: request.deadline, slack: slack, windowPercent: percent(slack),
                    amberPercent: Int((options.amberSlackFraction * 100).rounded()))
            )
        }
        if riskDelivery.map({ $0 > deadline }) ?? true {
            return (.amber, .needsTentativeTime(delivery: at, deadline: request.deadline))
        }
        return (.green, .onTime(delivery: at, deadline: request.deadline, slack: slack, windowPercent: percent(slack)))
    }

    /// Why a step started after it was ready (booked, busy with this request, absent), and who
    /// four-eyes kept off it. Nothing when it only waited for working hours.
    func waitReasons(target: LanguageTag, step: StepOutcome) -> [FeasibilityReason] {
        var out: [FeasibilityReason] = []
        if let first = step.assignments.min(by: { $0.start < $1.start }), first.start > step.ready {
            let entry = index.entry(first.slot)
            let window = Span(step.ready, first.start)
            let booked = entry.calendar.busy.filter { Spans.overlap($0, window) > 0 }
            let reserved = best.reserved(of: first.slot).filter { Spans.overlap($0.span, window) > 0 }
            let firstDay = entry.calendar.zone.localDay(ofUTC: step.ready)
            let lastDay = entry.calendar.zone.localDay(ofUTC: first.start)
            let absent = (firstDay...max(firstDay, lastDay)).filter { entry.calendar.absentDays.contains($0) }
            let (vendor, start, eligible) = (entry.vendor.id, Instant(minutes: first.start), step.eligible.count)
            if let until = booked.map(\.end).max(), until >= (reserved.map(\.span.end).max() ?? Int.min) {
                out.append(
                    .vendorBooked(
                        target: target, service: step.service, vendor: vendor,
                        until: Instant(minutes: min(until, first.start)), start: start, eligible: eligible))
            } else if let last = reserved.max(by: { $0.span.end < $1.span.end }) {
                out.append(
                    .vendorBusy(
                        target: target, service: step.service, vendor: vendor, until: Instant(minutes: last.span.end),
                        start: start, eligible: eligible, otherTarget: request.targets[last.target].target,
                        otherService: last.service))
            } else if let lastAbsent = absent.max() {
                out.append(
                    .vendorAbsent(
                        target: target, service: step.service, vendor: vendor, until: LocalDay(dayNumber: lastAbsent),
                        start: start, eligible: eligible))
            }
        }
        if !out.isEmpty, !step.fourEyesExcluded.isEmpty {
            out.append(
                .fourEyesExcluded(
                    target: target, service: step.service,
                    vendors: step.fourEyesExcluded.map { index.entry($0).vendor.id }.sorted()))
        }
        return out
    }

    private func failureReason(target: TargetRequest, step: StepRequest, _ failure: StepFailure) -> FeasibilityReason {
        switch failure {
        case let .noVendor(fourEyes, byRequest):
            if fourEyes == 0, byRequest == 0 {
                return .noCapableVendor(target: target.target, source: target.source, service: step.service)
            }
            return .allRuledOut(
                target: target.target, source: target.source, service: step.service, fourEyes: fourEyes,
                excluded: byRequest)
        case .beyondHorizon:
            return .beyondHorizon(target: target.target, service: step.service, days: horizonDays)
        }
    }

    /// Plan time that open quotes' tentative work would also need, by vendor id.
    func tentativeOverlaps() -> [FeasibilityReason] {
        var out: [FeasibilityReason] = []
        for (slot, reserved) in best.reserved.sorted(by: {
            index.entry($0.key).vendor.id < index.entry($1.key).vendor.id
        }) {
            let entry = index.entry(slot)
            for tentative in entry.calendar.tentative {
                let overlap = reserved.reduce(0) { $0 + Spans.overlap($1.span, tentative.span) }
                guard overlap > 0 else { continue }
                out.append(
                    .tentativeOverlap(
                        vendor: entry.vendor.id, minutes: overlap,
                        probability: Int((tentative.probability * 100).rounded()),
                        from: Instant(minutes: tentative.span.start)))
            }
        }
        return out
    }
}
