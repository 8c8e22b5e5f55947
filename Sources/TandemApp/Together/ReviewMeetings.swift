import Foundation
import TandemDomain

/// Review meetings: attendees, minutes and decisions saved against the version read, action
/// items with an owner and a due day that carry over to later meetings until done.
public struct ReviewMeetings: Sendable {
    let env: AppEnvironment
    public init(_ env: AppEnvironment) { self.env = env }

    public struct Detail: Sendable, Equatable {
        public var meeting: ReviewMeeting
        public var items: [ActionItem]
        public var carried: [ActionItem]
    }

    public func create(title: String, heldOn: LocalDate, attendees: [User.ID], by user: User) async throws
        -> ReviewMeeting
    {
        guard Policy.permits(user, .runReviewMeetings) else { throw Ideas.forbidden }
        var read = TogetherFields()
        let title = read.text(title, "title", max: 200, required: true)
        try await read.users(attendees, "attendees", in: env.stores)
        try read.check()
        let meeting = ReviewMeeting(
            id: env.ids(), title: title, heldOn: heldOn, attendeeIDs: Self.unique(attendees), createdBy: user.id,
            createdAt: env.now)
        try await env.stores.together.reviews.create(meeting)
        return meeting
    }

    public func list(by user: User) async throws -> [ReviewMeeting] {
        guard Policy.permits(user, .viewJointReview) else { throw Ideas.forbidden }
        return try await env.stores.together.reviews.list()
    }

    public func detail(_ id: ReviewMeeting.ID, timeZone: TimeZone, by user: User) async throws -> Detail {
        guard Policy.permits(user, .viewJointReview) else { throw Ideas.forbidden }
        let stores = env.stores.together.reviews
        guard let meeting = try await stores.find(id: id) else { throw Self.notFound }
        let split = ActionItemCarryOver.items(
            for: meeting, meetings: try await stores.list(), items: try await stores.items(),
            dayOf: { LocalDate($0, in: timeZone) })
        return Detail(meeting: meeting, items: split.own, carried: split.carried)
    }

    /// Saves minutes, decisions and attendees from `version`; a stale version is a 409 on `version`.
    public func saveMinutes(
        _ id: ReviewMeeting.ID, minutes: String, decisions: [String], attendees: [User.ID], version: Int, by user: User
    ) async throws -> ReviewMeeting {
        guard Policy.permits(user, .runReviewMeetings) else { throw Ideas.forbidden }
        var read = TogetherFields()
        let text = read.text(minutes, "minutes", max: 50_000, required: false)
        try await read.users(attendees, "attendees", in: env.stores)
        try read.check()
        let decisions = decisions.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let env = env
        return try await env.stores.transaction { tx in
            guard try await tx.together.reviews.find(id: id) != nil else { throw Self.notFound }
            guard
                try await tx.together.reviews.saveMinutes(
                    id, minutes: text, decisions: decisions, attendees: Self.unique(attendees), from: version,
                    at: env.now)
            else { throw Self.stale }
            return try await tx.together.reviews.find(id: id)!
        }
    }

    public func addItem(to id: ReviewMeeting.ID, title: String, owner: User.ID, dueOn: LocalDate, by user: User)
        async throws -> ActionItem
    {
        guard Policy.permits(user, .runReviewMeetings) else { throw Ideas.forbidden }
        var read = TogetherFields()
        let title = read.text(title, "title", max: 500, required: true)
        try await read.users([owner], "ownerId", in: env.stores, single: true)
        try read.check()
        guard try await env.stores.together.reviews.find(id: id) != nil else { throw Self.notFound }
        let item = ActionItem(
            id: env.ids(), meetingID: id, title: title, ownerID: owner, dueOn: dueOn, createdAt: env.now)
        try await env.stores.together.reviews.addItem(item)
        return item
    }

    /// Ticks an action item off, or opens it again.
    public func setDone(_ id: ActionItem.ID, done: Bool, by user: User) async throws -> ActionItem {
        guard Policy.permits(user, .runReviewMeetings) else { throw Ideas.forbidden }
        guard var item = try await env.stores.together.reviews.findItem(id: id) else { throw Self.itemNotFound }
        item.doneAt = done ? (item.doneAt ?? env.now) : nil
        try await env.stores.together.reviews.setItemDone(id, at: item.doneAt)
        return item
    }

    static func unique(_ ids: [User.ID]) -> [User.ID] {
        var seen = Set<User.ID>()
        return ids.filter { seen.insert($0).inserted }
    }

    static let notFound = DomainError.notFound(
        entityKey: "together.entity.review_meeting", fallback: "The meeting was not found.")
    static let itemNotFound = DomainError.notFound(
        entityKey: "together.entity.action_item", fallback: "The action item was not found.")
    static let stale = DomainError.conflict(
        field: "version", key: "together.error.version", arguments: [:],
        fallback: "Someone saved these minutes meanwhile; reload to see their changes.")
}

/// Reads and checks fields for the working-together use cases, collecting every problem.
struct TogetherFields {
    var errors: [DomainError] = []

    mutating func text(_ raw: String, _ field: String, max: Int, required: Bool) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            errors.append(.invalid(field, "error.field.required", fallback: "This field is required."))
        } else if trimmed.count > max {
            errors.append(
                .invalid(field, "error.field.too_long", ["max": String(max)], fallback: "At most \(max) characters."))
        }
        return trimmed
    }

    /// Every ID names an active user; `field.N` names the one that does not.
    mutating func users(_ ids: [User.ID], _ field: String, in stores: Stores, single: Bool = false) async throws {
        for (index, id) in ids.enumerated() {
            guard let user = try await stores.users.find(id: id), user.isActive else {
                errors.append(
                    .invalid(
                        single ? field : "\(field).\(index)", "together.error.user_unknown", fallback: "No such user."))
                continue
            }
        }
    }

    func check() throws { try ValidationErrors.check(errors) }
}
