import Foundation
import TandemApp
import TandemPlanning
import Vapor

/// `tandem capacity export REQUEST`: the stored vendors (with absences, bookings and holds) and
/// a request as a `tandem plan` file, so that the command line checks exactly what
/// `POST /api/v1/capacity/check` checked (docs/capacity.md).
public enum CapacityExport {
    /// The plan file for `request` (the body the API would get) on the database of `config`.
    /// Throws `PlanningInputError` for a bad request.
    public static func planFile(config: TandemConfig, request body: Data) async throws -> Data {
        let app = try await Application.make(.init(name: "production", arguments: ["tandem", "capacity"]))
        do {
            try await configure(app, context: AppContext(config: config))
            let data = try await planFile(app: app, request: body)
            try await app.asyncShutdown()
            return data
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// The same on a running app (tests, and the command above).
    static func planFile(app: Application, request body: Data) async throws -> Data {
        let request = try CapacityCheck.decodeRequest(body)
        let index = try await app.capacity.snapshot()
        let preferences = try await CapacityChecking.preferences(
            app: app, accountID: CapacityChecking.accountID(in: body))
        return CapacityCheck.planFile(request, on: index, now: app.tandem.clock(), preferences: preferences).encoded()
    }
}
