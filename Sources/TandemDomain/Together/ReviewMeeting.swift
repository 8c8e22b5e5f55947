import Foundation

/// A joint pipeline-and-delivery review: who attended, the minutes and decisions, saved against
/// the version read so two note-takers lose nothing.
public struct ReviewMeeting: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ReviewMeeting>

    public var id: ID
    public var title: String
    public var heldOn: LocalDate
    public var attendeeIDs: [User.ID]
    public var minutes: String
    /// One decision per entry.
    public var decisions: [String]
    public var version: Int
    public var createdBy: User.ID
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID, title: String, heldOn: LocalDate, attendeeIDs: [User.ID], minutes: String = "",
        decisions: [String] = [], version: Int = 1, createdBy: User.ID, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.heldOn = heldOn
        self.attendeeIDs = attendeeIDs
        self.minutes = minutes
        self.decisions = decisions
        self.version = version
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Something a review decided someone does, by a day. Open items carry over to the next
/// meetings until done.
public struct ActionItem: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ActionItem>

    public var id: ID
    public var meetingID: ReviewMeeting.ID
    public var title: String
    public var ownerID: User.ID
    public var dueOn: LocalDate
    public var doneAt: Date?
    public var createdAt: Date

    public var isOpen: Bool { doneAt == nil }

    public init(
        id: ID, meetingID: ReviewMeeting.ID, title: String, ownerID: User.ID, dueOn: LocalDate, doneAt: Date? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.meetingID = meetingID
        self.title = title
        self.ownerID = ownerID
        self.dueOn = dueOn
        self.doneAt = doneAt
        self.createdAt = createdAt
    }
}

/// Which action items a meeting shows: its own, and those carried over from earlier meetings —
/// open ones, or ones done after the earlier meeting and not before this one was held.
public enum ActionItemCarryOver {
    public static func items(
        for meeting: ReviewMeeting, meetings: [ReviewMeeting], items: [ActionItem], dayOf: (Date) -> LocalDate
    ) -> (own: [ActionItem], carried: [ActionItem]) {
        let heldOn = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0.heldOn) })
        let own = items.filter { $0.meetingID == meeting.id }
        let carried = items.filter { item in
            guard item.meetingID != meeting.id, let raised = heldOn[item.meetingID], raised < meeting.heldOn else {
                return false
            }
            guard let done = item.doneAt else { return true }
            return dayOf(done) >= meeting.heldOn
        }
        let order: (ActionItem, ActionItem) -> Bool = { ($0.dueOn, $0.createdAt) < ($1.dueOn, $1.createdAt) }
        return (own.sorted(by: order), carried.sorted(by: order))
    }
}
