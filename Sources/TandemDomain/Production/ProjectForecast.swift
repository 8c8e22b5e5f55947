import Foundation

/// Derives, per target language of a project, what production expects (`PromiseForecast`, in
/// Ledger/PromiseStanding.swift) from its jobs: the latest planned or assigned finish of the open
/// jobs, and the vendor cost of the active assignments. The ledger reads it to judge each promise
/// (at risk when the finish is after the promised instant).
public enum ProjectForecast {
    /// Per target: the latest due (or assignment due, when later) of the open jobs, nil when
    /// every job is done or cancelled; the cost summed over active assignments of jobs not
    /// cancelled, converted to `currency` with `convert` (amounts it cannot convert are left out;
    /// nil when there is no cost at all).
    ///
    /// With `now`, a job still not delivered past its due (or its assignment's) makes the steps
    /// after it slip by as much: the target's finish moves by the lateness of its latest-running job.
    public static func derive(
        jobs: [Job], assignments: [JobAssignment], currency: CurrencyCode, now: Date? = nil,
        convert: (Money) -> Money? = { $0 }
    ) -> [LanguageTag: PromiseForecast] {
        let byJob = Dictionary(grouping: assignments.filter { $0.state == .active }, by: \.jobID)
        var out: [LanguageTag: PromiseForecast] = [:]
        for (target, own) in Dictionary(grouping: jobs, by: \.targetLanguage) {
            let open = own.filter { $0.status.isOpen }
            let dues = open.map { job in (job, ([job.due] + (byJob[job.id] ?? []).map(\.due)).max()!) }
            let lateness =
                now.map { now in
                    dues.filter { $0.0.status != .delivered }.map { now.timeIntervalSince($0.1) }.max() ?? 0
                } ?? 0
            let finish = dues.map(\.1).max().map { $0.addingTimeInterval(max(0, lateness)) }
            var cost: Decimal?
            for job in own where job.status != .cancelled {
                for assignment in byJob[job.id] ?? [] {
                    guard let converted = convert(assignment.amount), converted.currency == currency else { continue }
                    cost = (cost ?? 0) + converted.amount
                }
            }
            out[target] = PromiseForecast(
                expectedFinish: finish, expectedCost: cost.map { Money($0, currency).rounded })
        }
        return out
    }
}
