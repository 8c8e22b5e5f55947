import Foundation
import TandemDomain
import TandemPlanning

extension ProductionWork {
    public struct Move: Sendable {
        public var to: String?
        /// ISO 8601; now when absent (e.g. the vendor delivered yesterday evening).
        public var at: String?
        public var actualWords: Int?
        /// For `rejected`: back to planned for another vendor instead of the same one.
        public var reassign: Bool
        public var note: String?
        public init(
            to: String?, at: String? = nil, actualWords: Int? = nil, reassign: Bool = false, note: String? = nil
        ) {
            self.to = to
            self.at = at
            self.actualWords = actualWords
            self.reassign = reassign
            self.note = note
        }
    }

    /// Moves a job (`JobStateMachine`). Accepting books each assigned vendor through the schedule
    /// store, replacing the project's quote reservation, and issues one purchase order per
    /// assignment; decline, cancel and reject-to-reassign release the assignments and free their
    /// bookings; delivered with `actualWords` that differ writes a new purchase-order version.
    public func transition(_ jobID: Job.ID, _ move: Move, by user: User) async throws -> Job {
        guard Policy.permits(user, .manageProduction) else { throw Self.forbidden }
        var read = FieldReader()
        let target: JobMove? = move.to.flatMap { JobMove(rawValue: $0) }
        if move.to == nil || move.to!.isEmpty {
            read.errors.append(.invalid("to", "error.field.required", fallback: "This field is required."))
        } else if target == nil {
            read.errors.append(
                .invalid(
                    "to", "production.error.move.unknown", ["value": move.to!],
                    fallback:
                        "Use offered, accepted, in-progress, delivered, approved, declined, rejected or cancelled."))
        }
        let at = move.at.flatMap { $0.isEmpty ? nil : QuoteManagement.instant($0, "at", &read) } ?? env.now
        if let words = move.actualWords, words < 0 || words > 10_000_000 {
            read.errors.append(
                .invalid(
                    "actualWords", "production.error.words.actual",
                    fallback: "Give the actual words as a whole number, 0 or more."))
        }
        let note = read.text(move.note, "note", max: 1000, required: false) ?? ""
        try read.check()
        guard let target else { throw DomainError.jobNotFound }
        guard try await env.stores.production.job(jobID) != nil else { throw DomainError.jobNotFound }
        let index: CapacityIndex? = target == .accepted ? try await capacity?.snapshot() : nil
        let env = env
        return try await Self.lock.withLock {
            try await env.stores.transaction { tx in
                guard var job = try await tx.production.job(jobID) else {
                    throw DomainError.jobNotFound
                }
                let hold = try await tx.production.hold(of: job.projectID)
                let active = try await tx.production.assignments(of: [jobID]).filter { $0.state == .active }
                let facts = JobStateMachine.Facts(
                    isInternal: job.isInternal, hasAssignment: !active.isEmpty, projectOnHold: hold.onHold,
                    reassign: move.reassign)
                let from = job.status
                let next = try JobStateMachine.next(from: from, target, facts)
                let expected = job.version
                job.status = next
                job.version += 1
                job.updatedAt = env.now
                guard try await tx.production.updateJob(job, expectedVersion: expected) else {
                    throw DomainError.conflict(
                        field: "version", key: "production.error.stale", arguments: [:],
                        fallback: "Someone else changed this job; reload it and try again.")
                }
                try await tx.production.addEvent(
                    JobEvent(
                        id: env.ids(), jobID: jobID, kind: target.rawValue, from: from, to: next, at: at,
                        by: user.id,
                        note: note))
                try await ActivityLog.record(
                    .jobMoved, on: RecordSubject(kind: .job, id: jobID.rawValue), by: user.id,
                    payload: ["move": target.rawValue, "from": from.rawValue, "to": next.rawValue, "note": note],
                    in: tx, env: env)
                switch (target, next) {
                case (.accepted, _):
                    try await ProductionBookings.book(job, active, index: index, in: tx, env: env)
                    try await PurchaseOrders.issue(job, in: tx, by: user.id, env: env)
                case (.declined, _), (.cancelled, _), (.rejected, .planned):
                    try await ProductionBookings.release(active, in: tx)
                case (.delivered, _):
                    if let words = move.actualWords {
                        try await PurchaseOrders.actualWords(words, job: job, in: tx, by: user.id, env: env)
                    }
                default: break
                }
                try await ProductionChanges.didChange(project: job.projectID, stores: tx, env: env, capacity: capacity)
                return job
            }
        }
    }
}

/// Bookings for accepted assignments, through the schedule store (so the change counter moves
/// and the capacity index, quote verdicts and the heatmap see them at once).
enum ProductionBookings {
    static func reference(_ job: Job) -> String { "job:\(job.id)" }

    /// Books each assignment from its start to its due (the offer's terms) for its work minutes,
    /// and removes the project's quote reservations it replaces: one of the same vendor per
    /// assignment, and every remaining one once all vendor jobs of the project are accepted.
    static func book(
        _ job: Job, _ assignments: [JobAssignment], index: CapacityIndex?, in tx: Stores, env: AppEnvironment
    )
        async throws
    {
        var reservations = try await tx.quoteStores.projects.reservations(of: job.projectID)
        var bookings: [VendorBooking] = []
        for var assignment in assignments {
            let from = min(assignment.start, assignment.due.addingTimeInterval(-60))
            let to = max(assignment.due, from.addingTimeInterval(60))
            let booking = VendorBooking(
                id: env.ids(), vendorID: assignment.vendorID, from: from, to: to,
                minutes: JobPlanning.workMinutes(
                    job, words: assignment.words, vendor: assignment.vendorID, start: from, end: to, index: index),
                jobReference: reference(job))
            bookings.append(booking)
            assignment.bookingID = booking.id
            try await tx.production.updateAssignment(assignment)
            if let i = reservations.firstIndex(where: { $0.vendorID == assignment.vendorID }) {
                try await remove(reservations.remove(at: i), in: tx)
            }
        }
        if !bookings.isEmpty { try await tx.vendorSchedule.addBookings(bookings) }
        let jobs = try await tx.production.jobs(of: job.projectID)
        let waiting = jobs.contains { !$0.isInternal && [.planned, .offered].contains($0.status) }
        if !waiting { for r in reservations { try await remove(r, in: tx) } }
    }

    static func remove(_ reservation: Reservation, in tx: Stores) async throws {
        _ = try await tx.vendorSchedule.removeBooking(reservation.bookingID)
        try await tx.production.removeReservation(reservation.id)
    }

    /// Releases assignments and frees their bookings.
    static func release(_ assignments: [JobAssignment], in tx: Stores) async throws {
        for var assignment in assignments {
            if let booking = assignment.bookingID { _ = try await tx.vendorSchedule.removeBooking(booking) }
            assignment.bookingID = nil
            assignment.state = .released
            try await tx.production.updateAssignment(assignment)
        }
    }
}
