import Fluent
import SQLKit
import Vapor

/// `/health`: the process answers. `/ready`: the database answers too (for load balancers).
enum HealthRoutes {
    struct Status: Content {
        var status: String
        var database: String?
    }

    static func register(_ app: Application) {
        app.get(.health) { _ in Status(status: "ok", database: nil) }
        app.get(.ready) { req async -> Response in
            do {
                guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
                try await sql.raw("SELECT 1").run()
                return (try? await Status(status: "ok", database: "ok").encodeResponse(for: req))
                    ?? Response(status: .ok)
            } catch {
                req.logger.warning("readiness check failed: \(String(reflecting: error))")
                let response =
                    (try? await Status(status: "unavailable", database: "unreachable").encodeResponse(for: req))
                    ?? Response()
                response.status = .serviceUnavailable
                return response
            }
        }
    }
}
