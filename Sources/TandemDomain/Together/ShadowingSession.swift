import Foundation

/// Cross-training: a sales rep follows a project, or a PM joins a client meeting.
public enum ShadowingKind: String, CaseIterable, Codable, Sendable {
    /// A sales rep follows a project with its PM (the host).
    case followProject = "follow-project"
    /// A PM joins a client meeting with the sales rep (the host).
    case joinClientMeeting = "join-client-meeting"

    /// The role the one shadowing holds, and the host's.
    public var participantRole: Role { self == .followProject ? .sales : .pm }
    public var hostRole: Role { self == .followProject ? .pm : .sales }
}

public enum ShadowingStatus: String, CaseIterable, Codable, Sendable {
    case planned, logged, cancelled
}

/// A shadowing session, planned with a day and a host, then logged with its takeaways.
public struct ShadowingSession: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ShadowingSession>

    public var id: ID
    public var kind: ShadowingKind
    public var participantID: User.ID
    public var hostID: User.ID
    /// The project followed or the client meeting joined, in words.
    public var topic: String
    public var plannedOn: LocalDate
    public var status: ShadowingStatus
    public var takeaways: String
    public var loggedAt: Date?
    public var createdAt: Date

    public init(
        id: ID, kind: ShadowingKind, participantID: User.ID, hostID: User.ID, topic: String, plannedOn: LocalDate,
        status: ShadowingStatus = .planned, takeaways: String = "", loggedAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.participantID = participantID
        self.hostID = hostID
        self.topic = topic
        self.plannedOn = plannedOn
        self.status = status
        self.takeaways = takeaways
        self.loggedAt = loggedAt
        self.createdAt = createdAt
    }

    /// The session logged with takeaways; only a planned one, and takeaways are required.
    public func logged(takeaways: String, at: Date) throws -> ShadowingSession {
        guard status == .planned else {
            throw DomainError.conflict(
                field: "status", key: "shadowing.error.not_planned", arguments: ["status": status.rawValue],
                fallback: "Only a planned session can be logged.")
        }
        let text = takeaways.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw DomainError.invalid(
                "takeaways", "shadowing.error.takeaways_required", fallback: "Write what you took away.")
        }
        var session = self
        session.status = .logged
        session.takeaways = text
        session.loggedAt = at
        return session
    }
}

/// "2026-Q3": the quarter of a day.
public struct Quarter: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var quarter: Int
    public init(_ day: LocalDate) {
        year = day.year
        quarter = (day.month - 1) / 3 + 1
    }
    public var description: String { "\(year)-Q\(quarter)" }
    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// The team view: logged sessions per (participant, host) pair and quarter.
public struct ShadowingTally: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var participantID: User.ID
        public var hostID: User.ID
        public var perQuarter: [Quarter: Int]
        public var total: Int { perQuarter.values.reduce(0, +) }
    }
    public var quarters: [Quarter]
    public var rows: [Row]

    public init(_ sessions: [ShadowingSession]) {
        let logged = sessions.filter { $0.status == .logged }
        quarters = Set(logged.map { Quarter($0.plannedOn) }).sorted()
        var table: [String: Row] = [:]
        for session in logged {
            let key = "\(session.participantID)|\(session.hostID)"
            var row = table[key] ?? Row(participantID: session.participantID, hostID: session.hostID, perQuarter: [:])
            row.perQuarter[Quarter(session.plannedOn), default: 0] += 1
            table[key] = row
        }
        rows = table.values.sorted { ($0.total, $1.participantID, $1.hostID) > ($1.total, $0.participantID, $0.hostID) }
    }
}
