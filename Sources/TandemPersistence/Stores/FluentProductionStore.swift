import FluentKit
import Foundation
import SQLKit
import TandemDomain

public struct FluentProductionStore: ProductionStore {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public func createJobs(_ jobs: [Job], events: [JobEvent]) async throws {
        if !jobs.isEmpty { try await jobs.map(JobModel.init).create(on: database) }
        if !events.isEmpty { try await events.map(JobEventModel.init).create(on: database) }
    }

    public func job(_ id: Job.ID) async throws -> Job? {
        try await JobModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func jobs(of projectID: Project.ID) async throws -> [Job] {
        try await JobModel.query(on: database).filter(\.$projectID == projectID.rawValue)
            .sort(\.$targetLanguage).sort(\.$sequence).all().map { try $0.toDomain() }
    }

    public func openJobs() async throws -> [Job] {
        try await JobModel.query(on: database)
            .filter(\.$status !~ [JobStatus.approved.rawValue, JobStatus.cancelled.rawValue])
            .sort(\.$due).sort(\.$id).all().map { try $0.toDomain() }
    }

    public func updateJob(_ job: Job, expectedVersion: Int) async throws -> Bool {
        let matching = try await JobModel.query(on: database).filter(\.$id == job.id.rawValue)
            .filter(\.$version == expectedVersion).count()
        guard matching == 1 else { return false }
        try await JobModel.query(on: database).filter(\.$id == job.id.rawValue)
            .filter(\.$version == expectedVersion)
            .set(\.$status, to: job.status.rawValue).set(\.$due, to: job.due).set(\.$version, to: job.version)
            .set(\.$content, to: JSONText.encode(job)).set(\.$updatedAt, to: job.updatedAt).update()
        return true
    }

    public func addEvent(_ event: JobEvent) async throws { try await JobEventModel(event).create(on: database) }

    public func events(of jobID: Job.ID) async throws -> [JobEvent] {
        try await JobEventModel.query(on: database).filter(\.$jobID == jobID.rawValue).sort(\.$at).sort(\.$id)
            .all().map { try $0.toDomain() }
    }

    public func addAssignment(_ assignment: JobAssignment) async throws {
        try await JobAssignmentModel(assignment).create(on: database)
    }

    public func updateAssignment(_ a: JobAssignment) async throws {
        try await JobAssignmentModel.query(on: database).filter(\.$id == a.id.rawValue)
            .set(\.$state, to: a.state.rawValue).set(\.$vendorID, to: a.vendorID.rawValue)
            .set(\.$content, to: JSONText.encode(a)).update()
    }

    public func assignments(of jobIDs: [Job.ID]) async throws -> [JobAssignment] {
        guard !jobIDs.isEmpty else { return [] }
        // In slices: a statement takes at most 32,766 values on SQLite and 65,535 on PostgreSQL,
        // and the production watch asks for every open job's (tens of thousands on a large set).
        var assignments: [JobAssignment] = []
        for start in stride(from: 0, to: jobIDs.count, by: 1_000) {
            let slice = jobIDs[start..<min(start + 1_000, jobIDs.count)].map(\.rawValue)
            assignments += try await JobAssignmentModel.query(on: database).filter(\.$jobID ~~ slice).all()
                .map { try $0.toDomain() }
        }
        return assignments.sorted { ($0.createdAt, $0.id.description) < ($1.createdAt, $1.id.description) }
    }

    public func assignment(_ id: JobAssignment.ID) async throws -> JobAssignment? {
        try await JobAssignmentModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func removeReservation(_ id: Reservation.ID) async throws {
        try await ReservationModel.query(on: database).filter(\.$id == id.rawValue).delete()
    }

    public func hold(of projectID: Project.ID) async throws -> ProjectHold {
        guard let model = try await ProjectHoldModel.find(projectID.rawValue, on: database) else {
            return ProjectHold(projectID: projectID)
        }
        return ProjectHold(
            projectID: projectID, onHold: model.onHold, reason: model.reason, by: model.by.map { .init($0) },
            at: model.at)
    }

    public func setHold(_ hold: ProjectHold) async throws {
        let model = try await ProjectHoldModel.find(hold.projectID.rawValue, on: database) ?? ProjectHoldModel()
        model.id = hold.projectID.rawValue
        model.onHold = hold.onHold
        model.reason = hold.reason
        model.by = hold.by?.rawValue
        model.at = hold.at
        try await model.save(on: database)
    }

    public func nextPurchaseOrderNumber(year: Int) async throws -> Int {
        // One statement: the first order of a year inserts the counter, later ones raise it; the
        // row stays locked until the transaction ends, so numbers have no gaps and no duplicates.
        let row = try await sql.raw(
            """
            INSERT INTO purchase_order_numbers (year, last_number) VALUES (\(bind: year), 1)
            ON CONFLICT (year) DO UPDATE SET last_number = purchase_order_numbers.last_number + 1
            RETURNING last_number
            """
        ).first()
        guard let row else { throw DomainError.invalid(nil, "po.error.number", fallback: "No purchase order number.") }
        return try row.decode(column: "last_number", as: Int.self)
    }

    public func addPurchaseOrder(_ order: PurchaseOrder) async throws {
        do {
            try await PurchaseOrderModel(order).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.conflict(
                field: "version", key: "po.error.version_taken", arguments: ["number": order.number],
                fallback: "Purchase order \(order.number) already has version \(order.version).")
        }
    }

    public func purchaseOrder(_ id: PurchaseOrder.ID) async throws -> PurchaseOrder? {
        try await PurchaseOrderModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func purchaseOrders(of projectID: Project.ID) async throws -> [PurchaseOrder] {
        try await PurchaseOrderModel.query(on: database).filter(\.$projectID == projectID.rawValue)
            .sort(\.$number).sort(\.$version).all().map { try $0.toDomain() }
    }

    public func purchaseOrderVersions(number: String) async throws -> [PurchaseOrder] {
        try await PurchaseOrderModel.query(on: database).filter(\.$number == number).sort(\.$version).all().map {
            try $0.toDomain()
        }
    }

    public func latestPurchaseOrders(limit: Int) async throws -> [PurchaseOrder] {
        let rows = try await PurchaseOrderModel.query(on: database).sort(\.$number, .descending)
            .sort(\.$version, .descending).limit(limit * 3).all().map { try $0.toDomain() }
        var seen = Set<String>()
        return Array(rows.filter { seen.insert($0.number).inserted }.prefix(limit))
    }
}
