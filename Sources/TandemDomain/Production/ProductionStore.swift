import Foundation

/// Jobs, their assignments and events, project holds and purchase orders (docs/production.md).
public protocol ProductionStore: Sendable {
    func createJobs(_ jobs: [Job], events: [JobEvent]) async throws
    func job(_ id: Job.ID) async throws -> Job?
    /// By target language, then workflow order.
    func jobs(of projectID: Project.ID) async throws -> [Job]
    /// Open jobs (not approved or cancelled) of every project, by due date.
    func openJobs() async throws -> [Job]
    /// Writes status, due and version when the stored version is `expectedVersion`; false otherwise.
    func updateJob(_ job: Job, expectedVersion: Int) async throws -> Bool
    func addEvent(_ event: JobEvent) async throws
    func events(of jobID: Job.ID) async throws -> [JobEvent]

    func addAssignment(_ assignment: JobAssignment) async throws
    func updateAssignment(_ assignment: JobAssignment) async throws
    /// Active and released, oldest first.
    func assignments(of jobIDs: [Job.ID]) async throws -> [JobAssignment]
    func assignment(_ id: JobAssignment.ID) async throws -> JobAssignment?

    /// Removes one of the project's quote reservations (its booking is removed by the caller).
    func removeReservation(_ id: Reservation.ID) async throws

    func hold(of projectID: Project.ID) async throws -> ProjectHold
    func setHold(_ hold: ProjectHold) async throws

    /// The next purchase-order number of `year`, from a counter row locked until the
    /// transaction ends: no gaps and no duplicates under concurrent writers.
    func nextPurchaseOrderNumber(year: Int) async throws -> Int
    func addPurchaseOrder(_ order: PurchaseOrder) async throws
    func purchaseOrder(_ id: PurchaseOrder.ID) async throws -> PurchaseOrder?
    /// Every version of every purchase order of a project, by number then version.
    func purchaseOrders(of projectID: Project.ID) async throws -> [PurchaseOrder]
    /// Every version under one number, oldest first.
    func purchaseOrderVersions(number: String) async throws -> [PurchaseOrder]
    /// The latest versions, newest number first.
    func latestPurchaseOrders(limit: Int) async throws -> [PurchaseOrder]
}
