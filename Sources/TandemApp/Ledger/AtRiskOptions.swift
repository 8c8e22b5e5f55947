import Foundation
import TandemDomain
import TandemPlanning

/// What the capacity engine sees for a target whose plan ends after its promise: the work not
/// started yet (planned, offered or accepted jobs) planned again on the live index, with the
/// project's own bookings and quote holds taken out (they stand for that very work), from when
/// the jobs already under way are due.
/// - another vendor: one vendor per step, none of those assigned now, finishing by the promise;
/// - a split: a step shared between two vendors, finishing by the promise;
/// - a new date: the engine's earliest delivery, offered to renegotiate when it is after the promise;
/// - offering again: neither is needed, planning the steps not started again from now keeps it.
/// An option the engine cannot make work is left out of the notice.
public enum AtRiskOptions {
    public static func notice(
        target: LanguageTag, promised: Date, jobs: [Job], assignments: [JobAssignment], reservations: [Reservation],
        preferences: PlanningPreferences, snapshot: CapacityIndex, expectedFinish: Date?, now: Date
    ) -> AtRiskNotice {
        let own = jobs.filter { $0.targetLanguage == target }
        let waiting = own.filter {
            [.planned, .offered, .accepted].contains($0.status) && !$0.isInternal && $0.words > 0
        }
        .sorted { $0.sequence < $1.sequence }
        var notice = AtRiskNotice(
            reason: .forecastAfterPromise, expectedFinish: expectedFinish, newDate: expectedFinish, options: [])
        guard !waiting.isEmpty else {
            notice.options = expectedFinish == nil ? [] : [.newDate]
            return notice
        }
        let active = assignments.filter { $0.state == .active }
        let waitingIDs = Set(waiting.map(\.id))
        let index = JobPlanning.index(
            JobPlanning.index(snapshot, releasing: reservations),
            releasing: active.filter { waitingIDs.contains($0.jobID) })
        let underWay = own.filter { $0.status == .inProgress }.map(\.due).max() ?? now
        let start = max(now, underWay)
        // The vendors to replace: those late on their step (or on a step past its due); all the
        // step's vendors when none is (the lateness is elsewhere).
        let dues = Dictionary(waiting.map { ($0.id, $0.due) }, uniquingKeysWith: { a, _ in a })
        let waitingAssignments = active.filter { waitingIDs.contains($0.jobID) }
        let late = waitingAssignments.filter { a in dues[a.jobID].map { a.due > $0 || $0 < now } ?? false }
        let replaced = Set((late.isEmpty ? waitingAssignments : late).map { VendorID($0.vendorID.description) })

        func plan(vendorsPerStep: Int, excluding: Set<VendorID>) -> FeasibilityResult? {
            var request = JobPlanning.request(waiting, target: target, fourEyes: [], now: start)
            request.deadline = Instant(max(promised, start.addingTimeInterval(3600)))
            request.maxVendorsPerStep = vendorsPerStep
            request.excludedVendors = excluding.sorted()
            return try? CapacityCheck.run(request, on: index, now: start, preferences: preferences)
        }
        func finish(_ result: FeasibilityResult?) -> Date? { result?.targets.first?.delivery?.date }

        var options: [AtRiskNotice.Option] = []
        let single = plan(vendorsPerStep: 1, excluding: replaced)
        if let done = finish(single), done <= promised {
            options.append(.anotherVendor)
            notice.anotherVendorFinish = done
        }
        let shared = plan(vendorsPerStep: 2, excluding: [])
        let isSplit = shared?.targets.first?.steps.contains { $0.assignments.count > 1 } ?? false
        if isSplit, let done = finish(shared), done <= promised {
            options.append(.split)
            notice.splitFinish = done
        }
        let earliest = [finish(shared), finish(single)].compactMap { $0 }.min()
        if let earliest, earliest > promised {
            notice.newDate = earliest
        } else if let earliest {
            notice.newDate = nil  // the engine can still make the promise: no new date to ask for
            if options.isEmpty {
                // Neither a new vendor nor a split: offering the steps again now is enough.
                options.append(.replan)
                notice.replanFinish = earliest
            }
        }
        if notice.newDate != nil { options.append(.newDate) }
        notice.options = options
        notice.checked = true
        return notice
    }
}
