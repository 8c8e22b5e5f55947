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
            for (s, step) in outcome.steps.enumerated() {
                reasons += waitReasons(target: target.target, step: step)
                reasons += qualityReasons(target: t, step: s, outcome: step)
            }
            if let failure = outcome.failure {
                let below = belowQuality(target: t, step: failure.step)
                if case .noVendor(0, 0) = failure.reason, !below.isEmpty, let minimum = request.minimumQuality {
                    let step = target.steps[failure.step]
                    reasons.append(
                        .allBelowQuality(
                            target: target.target, source: target.source, service: step.service, minimum: minimum,
                            count: below.count))
                } else {
                    reasons.append(failureReason(target: target, step: target.steps[failure.step], failure.reason))
                }
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
            } else if let away = entry.calendar.absentSpans.filter({ Spans.overlap($0, window) > 0 }).map(\.end).max() {
                out.append(
                    .vendorAbsentUntil(
                        target: target, service: step.service, vendor: vendor, until: Instant(minutes: away),
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

    /// The step's capable vendors the minimum quality left out (not those the request excludes).
    func belowQuality(target t: Int, step s: Int) -> [Candidate] {
        guard let minimum = request.minimumQuality else { return [] }
        let target = request.targets[t]
        let step = target.steps[s]
        let excluded = Set(request.excludedVendors.compactMap { index.slot(of: $0) })
        return index.candidates(
            source: target.source, target: target.target, step: step,
            costs: CostScale(currencies: index.currencies, exchangeRates: request.exchangeRates),
            pricing: StepPricing(request: request, step: step)
        ).filter { Int($0.quality) < minimum && !excluded.contains($0.slot) }
    }

    /// How quality weighed on a planned step: cheaper vendors the minimum left out, a better
    /// scored vendor not chosen (time and cost come first), or quality breaking a cost tie.
    func qualityReasons(target t: Int, step s: Int, outcome: StepOutcome) -> [FeasibilityReason] {
        guard !outcome.assignments.isEmpty else { return [] }
        let target = request.targets[t].target
        var out: [FeasibilityReason] = []
        func id(_ slot: VendorSlot) -> VendorID { index.vendorID(slot) }
        if let minimum = request.minimumQuality, let dearest = outcome.assignments.map(\.cost).max() {
            let cheaper = belowQuality(target: t, step: s).filter { $0.cost < dearest }.map { id($0.slot) }.sorted()
            if !cheaper.isEmpty {
                out.append(
                    .qualityExcluded(target: target, service: outcome.service, minimum: minimum, vendors: cheaper))
            }
        }
        let chosen = Set(outcome.assignments.map(\.slot))
        let scores = outcome.assignments.compactMap { index.quality($0.slot) }
        guard scores.count == chosen.count, let chosenBest = scores.max() else { return out }
        let others = candidates[t][s].filter { !chosen.contains($0.slot) && outcome.eligible.contains($0.slot) }
        if let skipped = others.filter({ Int($0.quality) > chosenBest }).max(by: {
            ($0.quality, id($1.slot)) < ($1.quality, id($0.slot))
        }) {
            out.append(
                .betterQualitySkipped(
                    target: target, service: outcome.service, vendor: id(skipped.slot), quality: Int(skipped.quality),
                    chosen: chosen.map(id).sorted(), chosenQuality: chosenBest))
        } else if let tie = outcome.assignments.lazy.compactMap({ a -> (AssignmentOutcome, Candidate)? in
            let quality = self.index.quality(a.slot) ?? -1
            return others.first { $0.cost == a.cost && $0.quality >= 0 && Int($0.quality) < quality }.map { (a, $0) }
        }).first {
            out.append(
                .betterQualityChosen(
                    target: target, service: outcome.service, vendor: id(tie.0.slot),
                    quality: index.quality(tie.0.slot) ?? 0, other: id(tie.1.slot),
                    otherQuality: Int(tie.1.quality)))
        }
        return out
    }
}
