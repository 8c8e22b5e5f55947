import Foundation
import TandemDomain
import TandemPlanning

/// A vendor the capacity engine proposes for (part of) a job: the words, the vendor's cost in
/// their currency, when they would start and finish, and whether that is after the job's due.
public struct JobProposal: Sendable, Equatable {
    public var jobID: Job.ID
    public var vendorID: VendorProfile.ID
    public var words: Int
    public var cost: Money
    public var start: Date
    public var finish: Date
    public var late: Bool
}

/// What a hand assignment would give: when the vendor can finish (nil when they cannot do the
/// work: no capability, absent, fully booked), whether that is late, and the engine's reasons.
public struct AssignmentCheck: Sendable, Equatable {
    public var vendorID: VendorProfile.ID
    public var start: Date?
    public var finish: Date?
    public var late: Bool
    public var cost: Money?
    public var reasons: [FeasibilityReason]
}

/// Proposals and checks for jobs on the capacity engine's index, with the project's own quote
/// reservations taken out (they stand for the very work being planned).
public enum JobPlanning {
    public static func index(_ snapshot: CapacityIndex, releasing reservations: [Reservation]) -> CapacityIndex {
        var index = snapshot
        for r in reservations {
            _ = index.release(BookingID(r.bookingID.description), for: VendorID(r.vendorID.description))
        }
        return index
    }

    /// `index` without the bookings of `assignments` (the work being planned again).
    static func index(_ index: CapacityIndex, releasing assignments: [JobAssignment]) -> CapacityIndex {
        var out = index
        for a in assignments {
            guard let booking = a.bookingID else { continue }
            _ = out.release(BookingID(booking.description), for: VendorID(a.vendorID.description))
        }
        return out
    }

    static func stepRequest(_ job: Job, words: Int) -> StepRequest {
        let share = job.words > 0 ? Decimal(words) / Decimal(job.words) : 1
        switch job.unit {
        case .page: return StepRequest(service: Service(job.step.rawValue), words: max(1, words), unit: .page)
        case .hour, .fixed: return StepRequest(service: Service(job.step.rawValue), words: max(1, words), unit: .hour)
        case .word, .character:
            let effort = QuoteWorkflowPlan.wholeUp(job.weightedWords * share)
            return StepRequest(service: Service(job.step.rawValue), words: max(1, effort))
        }
    }

    /// Proposals for every vendor job still to assign (planned, no active assignment), one
    /// request per target so four-eyes holds between its steps, and against vendors already
    /// assigned to the target's other steps of the same service; the account's preferred and
    /// excluded vendors apply. A step may be split between two vendors, each with its words.
    public static func proposals(
        jobs: [Job], assignments: [JobAssignment], preferences: PlanningPreferences, index: CapacityIndex, now: Date
    ) -> [JobProposal] {
        let active = assignments.filter { $0.state == .active }
        let assigned = Set(active.map(\.jobID))
        var out: [JobProposal] = []
        let groups: [LanguageTag: [Job]] = Dictionary(grouping: jobs, by: { $0.targetLanguage })
        for target in groups.keys.sorted(by: { $0.description < $1.description }) {
            let own: [Job] = groups[target] ?? []
            let open: [Job] = own.filter { (job: Job) -> Bool in
                !job.isInternal && job.status == .planned && !assigned.contains(job.id) && job.words > 0
            }.sorted { $0.sequence < $1.sequence }
            guard !open.isEmpty else { continue }
            let request = request(open, target: target, fourEyes: fourEyes(own, open, active, index: index), now: now)
            guard let result = try? CapacityCheck.run(request, on: index, now: now, preferences: preferences),
                let planned = result.targets.first
            else { continue }
            for (job, step) in zip(open, planned.steps) {
                out += split(job, step)
            }
        }
        return out
    }

    /// Vendors already assigned to the target's other steps of the same quoted service.
    static func fourEyes(_ own: [Job], _ open: [Job], _ active: [JobAssignment], index: CapacityIndex) -> [VendorID] {
        let services = Set(open.map { $0.service })
        let related = Set(own.filter { services.contains($0.service) }.map { $0.id })
        let vendors = Set(active.filter { related.contains($0.jobID) }.map { VendorID($0.vendorID.description) })
        return vendors.filter { index.vendor($0) != nil }.sorted()
    }

    static func request(_ open: [Job], target: LanguageTag, fourEyes: [VendorID], now: Date) -> FeasibilityRequest {
        let latest: Date = open.map { $0.due }.max() ?? now
        let deadline: Date = max(latest, now.addingTimeInterval(3600))
        let steps: [StepRequest] = open.map { stepRequest($0, words: $0.words) }
        let targets = [TargetRequest(source: open[0].sourceLanguage, target: target, steps: steps)]
        return FeasibilityRequest(
            start: Instant(now), deadline: Instant(deadline), maxVendorsPerStep: 2, targets: targets,
            excludedVendors: fourEyes)
    }

    /// The step's assignments as shares of the job's words (the last takes the remainder).
    static func split(_ job: Job, _ step: PlannedStep) -> [JobProposal] {
        let total = max(1, step.assignments.reduce(0) { $0 + $1.words })
        var left = job.words
        return step.assignments.enumerated().compactMap { i, a in
            guard let vendorID = VendorProfile.ID(uuidString: a.vendor.rawValue) else { return nil }
            let words = i == step.assignments.count - 1 ? left : min(left, job.words * a.words / total)
            left -= words
            return JobProposal(
                jobID: job.id, vendorID: vendorID, words: words, cost: a.cost, start: a.start.date,
                finish: a.end.date, late: a.end.date > job.due)
        }
    }

    /// Checks one vendor for `words` of `job` at once: their earliest finish on their own calendar.
    public static func check(
        _ job: Job, vendor vendorID: VendorProfile.ID, words: Int, index: CapacityIndex, now: Date
    ) -> AssignmentCheck {
        let id = VendorID(vendorID.description)
        guard let vendor = index.vendor(id), let single = try? CapacityIndex(vendors: [vendor], window: index.window)
        else {
            return AssignmentCheck(vendorID: vendorID, start: nil, finish: nil, late: true, cost: nil, reasons: [])
        }
        let request = FeasibilityRequest(
            start: Instant(now), deadline: Instant(max(job.due, now.addingTimeInterval(3600))),
            targets: [
                TargetRequest(
                    source: job.sourceLanguage, target: job.targetLanguage, steps: [stepRequest(job, words: words)])
            ])
        guard let result = try? single.check(request, now: Instant(now)), let step = result.targets.first?.steps.first,
            let planned = result.targets.first?.delivery
        else {
            let reasons = (try? single.check(request, now: Instant(now)))?.reasons ?? []
            return AssignmentCheck(vendorID: vendorID, start: nil, finish: nil, late: true, cost: nil, reasons: reasons)
        }
        return AssignmentCheck(
            vendorID: vendorID, start: step.start.date, finish: planned.date, late: planned.date > job.due,
            cost: step.assignments.first?.cost, reasons: result.reasons)
    }

    /// Minutes of work for `words` of a job at the vendor's throughput (the span when unknown).
    static func workMinutes(
        _ job: Job, words: Int, vendor: VendorProfile.ID, start: Date, end: Date, index: CapacityIndex?
    )
        -> Int
    {
        let span = max(1, Int(end.timeIntervalSince(start) / 60))
        if job.unit == .hour || job.unit == .fixed { return min(span, max(1, words)) }
        let effort = stepRequest(job, words: words).words
        let capability = index?.vendor(VendorID(vendor.description))?.capabilities.first {
            $0.service.rawValue == job.step.rawValue && $0.pair.target.language == job.targetLanguage.language
        }
        let perHour = capability?.unitsPerHour ?? (job.unit == .page ? 4 : 300)
        guard perHour > 0 else { return span }
        return min(span, max(1, (effort * 60 + perHour - 1) / perHour))
    }
}
