import Foundation
import TandemDomain

/// Where a project stands in production, for the project list: on hold; planned (no job
/// offered yet); in production; done (every job approved or cancelled). With the next due.
public struct ProjectProgress: Sendable, Equatable {
    public enum Status: String, CaseIterable, Sendable {
        case planned
        case inProduction = "in-production"
        case onHold = "on-hold"
        case done
    }
    public var status: Status
    public var approved: Int
    public var total: Int
    public var nextDue: Date?

    public static func derive(jobs: [Job], hold: ProjectHold) -> ProjectProgress {
        let open = jobs.filter { $0.status.isOpen }
        let status: Status
        if hold.onHold {
            status = .onHold
        } else if !jobs.isEmpty && open.isEmpty {
            status = .done
        } else if open.allSatisfy({ $0.status == .planned }) {
            status = .planned
        } else {
            status = .inProduction
        }
        return ProjectProgress(
            status: status, approved: jobs.filter { $0.status == .approved }.count,
            total: jobs.filter { $0.status != .cancelled }.count, nextDue: open.map(\.due).min())
    }

    public static func of(_ project: Project.ID, in stores: Stores) async throws -> ProjectProgress {
        derive(jobs: try await stores.production.jobs(of: project), hold: try await stores.production.hold(of: project))
    }
}
