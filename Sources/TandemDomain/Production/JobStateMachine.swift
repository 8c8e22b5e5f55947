import Foundation

/// The job state machine as one pure function: planned → offered → accepted → in progress →
/// delivered → approved; a declined offer goes back to planned; rejected work goes back to the
/// same vendor (in progress) or to planned for reassignment; any open job may be cancelled.
/// Internal steps (the PM's QA) have no offer: planned → in progress. A project on hold refuses
/// offer, accept and start. Every refusal is a `.conflict` whose key starts with
/// `error.job.transition` (the API answers 409 `invalid_transition`).
public enum JobStateMachine {
    public struct Facts: Sendable, Equatable {
        public var isInternal: Bool
        public var hasAssignment: Bool
        public var projectOnHold: Bool
        /// For `rejected`: back to planned for another vendor instead of the same one.
        public var reassign: Bool
        public init(
            isInternal: Bool = false, hasAssignment: Bool = true, projectOnHold: Bool = false, reassign: Bool = false
        ) {
            self.isInternal = isInternal
            self.hasAssignment = hasAssignment
            self.projectOnHold = projectOnHold
            self.reassign = reassign
        }
    }

    /// The status after `move`, or the reason it is refused.
    public static func next(from status: JobStatus, _ move: JobMove, _ facts: Facts) throws -> JobStatus {
        if facts.projectOnHold && [.offered, .accepted, .inProgress].contains(move) {
            throw onHold(move)
        }
        switch (status, move) {
        case (.planned, .offered) where !facts.isInternal:
            guard facts.hasAssignment else { throw unassigned }
            return .offered
        case (.offered, .accepted): return .accepted
        case (.offered, .declined): return .planned
        case (.accepted, .inProgress): return .inProgress
        case (.planned, .inProgress) where facts.isInternal: return .inProgress
        case (.inProgress, .delivered): return .delivered
        case (.delivered, .approved): return .approved
        case (.delivered, .rejected): return facts.reassign && !facts.isInternal ? .planned : .inProgress
        case (let from, .cancelled) where from.isOpen: return .cancelled
        default: throw refused(from: status, move)
        }
    }

    /// Whether `move` is allowed now (for buttons on the project page).
    public static func allows(_ move: JobMove, from status: JobStatus, _ facts: Facts) -> Bool {
        (try? next(from: status, move, facts)) != nil
    }

    public static func refused(from status: JobStatus, _ move: JobMove) -> DomainError {
        .conflict(
            field: "to", key: "production.error.transition", arguments: ["from": status.rawValue, "to": move.rawValue],
            fallback: "A job that is \(status.rawValue) cannot be moved to \(move.rawValue).")
    }

    static func onHold(_ move: JobMove) -> DomainError {
        .conflict(
            field: "to", key: "production.error.transition.on_hold", arguments: ["to": move.rawValue],
            fallback: "The project is on hold: release it before moving a job to \(move.rawValue).")
    }

    static let unassigned = DomainError.conflict(
        field: "to", key: "production.error.transition.unassigned", arguments: [:],
        fallback: "Assign a vendor before sending the offer.")

    /// True for the errors of this machine (the API's `invalid_transition`).
    public static func isRefusal(_ error: any Error) -> Bool {
        guard case .conflict(_, let key, _, _)? = error as? DomainError else { return false }
        return key.hasPrefix("production.error.transition")
    }
}
