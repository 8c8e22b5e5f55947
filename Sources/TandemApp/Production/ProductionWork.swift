import Foundation
import TandemDomain
import TandemPlanning

/// What a PM does with a project's jobs: read them (made lazily for projects accepted before
/// production existed), get proposals, assign vendors (each assignment checked at once), move
/// jobs through their states (bookings and purchase orders follow), put the project on hold.
/// Every write runs in one transaction that ends with `ProductionChanges.didChange`.
public struct ProductionWork: Sendable {
    let env: AppEnvironment
    let capacity: CapacityService?

    public init(_ env: AppEnvironment, capacity: CapacityService? = nil) {
        self.env = env
        self.capacity = capacity
    }

    static let lock = AsyncLock()

    public static let forbidden = DomainError.forbidden(
        key: "production.error.forbidden", fallback: "Only project managers and their supervisors manage production.")

    public struct ProjectState: Sendable {
        public var project: Project
        public var promises: [Promise]
        public var jobs: [Job]
        public var assignments: [JobAssignment]
        public var hold: ProjectHold
        public var purchaseOrders: [PurchaseOrder]
        public func active(_ job: Job.ID) -> [JobAssignment] {
            assignments.filter { $0.jobID == job && $0.state == .active }
        }
    }

    /// The project with its jobs; a project accepted before production existed gets its jobs now
    /// (from its quote, without a plan: due dates shared by effort).
    public func state(_ id: Project.ID, by user: User) async throws -> ProjectState {
        guard Policy.permits(user, .viewProjects) else { throw Self.forbidden }
        try await ensureJobs(id)
        return try await Self.load(id, in: env.stores)
    }

    static func load(_ id: Project.ID, in stores: Stores) async throws -> ProjectState {
        guard let project = try await stores.quoteStores.projects.find(id: id) else {
            throw DomainError.projectNotFound
        }
        let jobs = try await stores.production.jobs(of: id)
        return ProjectState(
            project: project, promises: try await stores.quoteStores.projects.promises(of: id), jobs: jobs,
            assignments: try await stores.production.assignments(of: jobs.map(\.id)),
            hold: try await stores.production.hold(of: id),
            purchaseOrders: try await stores.production.purchaseOrders(of: id))
    }

    /// Makes the jobs of a project that has none (documented: old databases get jobs lazily).
    public func ensureJobs(_ id: Project.ID) async throws {
        guard try await env.stores.production.jobs(of: id).isEmpty else { return }
        let env = env
        try await Self.lock.withLock {
            try await env.stores.transaction { tx in
                guard try await tx.production.jobs(of: id).isEmpty,
                    let project = try await tx.quoteStores.projects.find(id: id),
                    let quote = try await tx.quoteStores.quotes.find(id: project.quoteID),
                    let version = try await tx.quoteStores.quotes.version(quote.id, number: quote.currentVersion)
                else { return }
                _ = try await ProductionHandOff.makeJobs(
                    for: project, version: version, promises: try await tx.quoteStores.projects.promises(of: id),
                    files: try await tx.quoteStores.files.files(of: quote.id),
                    plan: try await QuoteWorkflowPlan.load(from: tx), checks: [], by: nil, in: tx, env: env)
                try await ProductionChanges.didChange(project: id, stores: tx, env: env, capacity: capacity)
            }
        }
    }

    /// The capacity index with the project's own quote reservations taken out.
    func index(for state: ProjectState) async throws -> CapacityIndex? {
        guard let snapshot = try await capacity?.snapshot() else { return nil }
        return JobPlanning.index(
            snapshot, releasing: try await env.stores.quoteStores.projects.reservations(of: state.project.id))
    }

    public func proposals(_ id: Project.ID, by user: User) async throws -> [JobProposal] {
        guard Policy.permits(user, .manageProduction) else { throw Self.forbidden }
        let state = try await state(id, by: user)
        guard let index = try await index(for: state) else { return [] }
        return JobPlanning.proposals(
            jobs: state.jobs, assignments: state.assignments,
            preferences: try await PlanningPreferences.of(state.project.accountID, in: env.stores), index: index,
            now: env.now)
    }

    public struct Assigned: Sendable {
        public var assignment: JobAssignment
        public var check: AssignmentCheck?
        public var job: Job
    }

    /// Assigns `words` of a planned job (all its words still unassigned when nil) to a vendor,
    /// with the offer's terms (the vendor's current rate, grid and minimum fee), checked at once.
    public func assign(_ jobID: Job.ID, vendorID raw: String?, words: Int?, by user: User) async throws -> Assigned {
        guard Policy.permits(user, .manageProduction) else { throw Self.forbidden }
        var read = FieldReader()
        let vendorID: VendorProfile.ID? = read.id(raw ?? "", "vendorId")
        try read.check()
        guard let job = try await env.stores.production.job(jobID) else { throw DomainError.jobNotFound }
        guard let vendorID, let vendor = try await env.stores.vendors.find(id: vendorID) else {
            throw ValidationErrors([
                .invalid("vendorId", "error.field.unknown", fallback: "No vendor has this id.")
            ])
        }
        let state = try await Self.load(job.projectID, in: env.stores)
        let index = try await index(for: state)
        let env = env
        return try await Self.lock.withLock {
            try await env.stores.transaction { tx in
                guard let job = try await tx.production.job(jobID) else { throw DomainError.jobNotFound }
                try Self.checkAssignable(job)
                let taken = try await tx.production.assignments(of: [jobID]).filter { $0.state == .active }
                let left = job.words - taken.reduce(0) { $0 + $1.words }
                let share = words ?? left
                guard share >= 1, share <= left else {
                    throw ValidationErrors([
                        .invalid(
                            "words", "production.error.words.range", ["max": String(left)],
                            fallback: "Give a number of words from 1 to \(left).")
                    ])
                }
                let check = index.map {
                    JobPlanning.check(job, vendor: vendorID, words: share, index: $0, now: env.now)
                }
                let terms = try await Self.terms(job, vendor: vendor, words: share, in: tx, now: env.now)
                // A vendor who cannot finish by the job's due is due when they can: the forecast,
                // and so the promise's standing, sees the lateness at once.
                let due = max(job.due, check?.finish ?? job.due)
                let assignment = JobAssignment(
                    id: env.ids(), jobID: jobID, vendorID: vendorID, words: share, rate: terms.rate,
                    amount: terms.amount, start: check?.start ?? env.now, due: due, createdAt: env.now)
                try await tx.production.addAssignment(assignment)
                try await tx.production.addEvent(
                    JobEvent(
                        id: env.ids(), jobID: jobID, kind: "assigned", from: job.status, to: job.status,
                        at: env.now,
                        by: user.id, note: "\(vendor.name): \(share)"))
                try await ActivityLog.record(
                    .jobAssigned, on: RecordSubject(kind: .job, id: jobID.rawValue), by: user.id,
                    payload: ["vendor": vendor.name, "words": String(share)], in: tx, env: env)
                try await ProductionChanges.didChange(project: job.projectID, stores: tx, env: env, capacity: capacity)
                return Assigned(assignment: assignment, check: check, job: job)
            }
        }
    }

    static func checkAssignable(_ job: Job) throws {
        guard !job.isInternal else {
            throw DomainError.conflict(
                field: "jobId", key: "production.error.internal", arguments: [:],
                fallback: "This step is done by the project manager and takes no vendor.")
        }
        guard job.status == .planned else {
            throw DomainError.conflict(
                field: "status", key: "production.error.assign.status", arguments: ["status": job.status.rawValue],
                fallback: "Only a planned job takes new assignments; this one is \(job.status.rawValue).")
        }
    }

    /// The vendor's terms for `words` of a job: the current rate for the pair × step × unit, the
    /// vendor's grid and minimum fee.
    static func terms(_ job: Job, vendor: VendorProfile, words: Int, in tx: Stores, now: Date) async throws
        -> PurchaseOrderTerms
    {
        let day = LocalDate(now, in: .utc)
        let unit: RateUnit = job.unit == .page ? .page : job.unit == .hour || job.unit == .fixed ? .hour : .word
        let rates = try await tx.vendors.rates(of: vendor.id).filter {
            $0.service == job.step && $0.isValid(on: day) && $0.pair.source.matchQuality(for: job.sourceLanguage) != nil
                && $0.pair.target.matchQuality(for: job.targetLanguage) != nil
        }
        return PurchaseOrderTerms.price(
            job, words: words, rate: rates.first { $0.unit == unit }?.price, grid: vendor.weightingGrid,
            minimumFee: rates.first { $0.unit == .minimumFee }?.price, currency: vendor.currency)
    }

    /// Assigns every current proposal of the project (the PM confirms them all at once).
    public func assignProposals(_ id: Project.ID, by user: User) async throws -> [Assigned] {
        var done: [Assigned] = []
        for proposal in try await proposals(id, by: user) {
            done.append(
                try await assign(
                    proposal.jobID, vendorID: proposal.vendorID.description, words: proposal.words, by: user))
        }
        return done
    }

    /// Takes back an assignment of a planned job (before the offer).
    public func unassign(_ assignmentID: JobAssignment.ID, by user: User) async throws {
        guard Policy.permits(user, .manageProduction) else { throw Self.forbidden }
        let env = env
        try await env.stores.transaction { tx in
            guard var assignment = try await tx.production.assignment(assignmentID), assignment.state == .active,
                let job = try await tx.production.job(assignment.jobID)
            else { throw DomainError.jobNotFound }
            try Self.checkAssignable(job)
            assignment.state = .released
            try await tx.production.updateAssignment(assignment)
            try await tx.production.addEvent(
                JobEvent(
                    id: env.ids(), jobID: job.id, kind: "unassigned", from: job.status, to: job.status, at: env.now,
                    by: user.id))
            let vendor = try await tx.vendors.find(id: assignment.vendorID)?.name ?? ""
            try await ActivityLog.record(
                .jobUnassigned, on: RecordSubject(kind: .job, id: job.id.rawValue), by: user.id,
                payload: ["vendor": vendor], in: tx, env: env)
            try await ProductionChanges.didChange(project: job.projectID, stores: tx, env: env, capacity: capacity)
        }
    }

    public func setHold(_ id: Project.ID, onHold: Bool, reason: String?, by user: User) async throws -> ProjectHold {
        guard Policy.permits(user, .manageProduction) else { throw Self.forbidden }
        var read = FieldReader()
        let reason = read.text(reason, "reason", max: 500, required: false) ?? ""
        try read.check()
        let env = env
        return try await env.stores.transaction { tx in
            guard try await tx.quoteStores.projects.find(id: id) != nil else { throw DomainError.projectNotFound }
            let before = try await tx.production.hold(of: id).onHold
            let hold = ProjectHold(
                projectID: id, onHold: onHold, reason: onHold ? reason : "", by: user.id, at: env.now)
            try await tx.production.setHold(hold)
            for job in try await tx.production.jobs(of: id) where job.status.isOpen {
                try await tx.production.addEvent(
                    JobEvent(
                        id: env.ids(), jobID: job.id, kind: onHold ? "hold" : "release", from: job.status,
                        to: job.status, at: env.now, by: user.id, note: reason))
            }
            if before != onHold {
                try await ActivityLog.record(
                    onHold ? .projectHeld : .projectReleased, on: RecordSubject(kind: .project, id: id.rawValue),
                    by: user.id, payload: onHold ? ["reason": reason] : [:], in: tx, env: env)
            }
            try await ProductionChanges.didChange(project: id, stores: tx, env: env, capacity: capacity)
            return hold
        }
    }
}
