import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// `/api/v1/reviews/board` (what a joint review looks at), `/api/v1/review-meetings` (attendees,
/// minutes and decisions saved with `version`) and their action items.
enum ReviewsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.GET, APIRoute.together(.reviewBoard), use: board)
        api.on(.GET, APIRoute.together(.reviewMeetings), use: list)
        api.on(.POST, APIRoute.together(.reviewMeetings), use: create)
        api.on(.GET, APIRoute.together(.reviewMeeting(":id")), use: show)
        api.on(.PUT, APIRoute.together(.reviewMeetingMinutes(":id")), use: minutes)
        api.on(.POST, APIRoute.together(.reviewMeetingActionItems(":id")), use: addItem)
        api.on(.PATCH, APIRoute.together(.actionItem(":id")), use: updateItem)
    }

    /// The joint review's board over the next six weeks' capacity.
    static func jointBoard(_ req: Request, since: Date? = nil) async throws -> JointReview.Board {
        let user = try req.requireUser()
        try req.authorize(.viewJointReview)
        let heatmap = try await req.capacityHeatmap(
            try HeatmapWindow(from: nil, weeks: String(JointReview.hotSpotWeeks), req: req))
        return try await JointReview(req.appEnvironment).board(
            heatmap: heatmap, since: since, timeZone: req.localizer.timeZone, by: user)
    }

    struct BoardBody: Content {
        struct Waiting: Content {
            var quoteId: String
            var number: String
            var account: String
            var waitingSince: String
            var waitingHours: Int
        }
        struct AtRisk: Content {
            var promiseId: String
            var projectId: String
            var project: String
            var targetLanguage: String
            var deliveryDate: String
        }
        struct Deal: Content {
            var opportunityId: String
            var name: String
            var account: String
            var outcome: String
            var value: MoneyBody
            var reason: String
            var closedAt: String
        }
        struct HotSpot: Content {
            var source: String
            var target: String
            var weekStart: String
            var bookedPercent: Int
        }
        var since: String
        var waitingQuotes: [Waiting]
        var promisesAtRisk: [AtRisk]
        var closedDeals: [Deal]
        var hotSpots: [HotSpot]

        init(_ b: JointReview.Board) {
            since = Instant(b.since).iso8601
            waitingQuotes = b.waitingQuotes.map {
                Waiting(
                    quoteId: $0.quote.id.description, number: $0.quote.number, account: $0.accountName,
                    waitingSince: Instant($0.quote.statusChangedAt).iso8601, waitingHours: $0.waitingHours)
            }
            promisesAtRisk = b.promisesAtRisk.map {
                AtRisk(
                    promiseId: $0.promise.id.description, projectId: $0.promise.projectID.description,
                    project: $0.projectName, targetLanguage: $0.promise.targetLanguage.description,
                    deliveryDate: Instant($0.promise.deliveryDate).iso8601)
            }
            closedDeals = b.closedDeals.map {
                Deal(
                    opportunityId: $0.opportunity.id.description, name: $0.opportunity.name, account: $0.accountName,
                    outcome: $0.won ? "won" : "lost", value: MoneyBody($0.opportunity.expectedValue),
                    reason: $0.reason, closedAt: Instant($0.closedAt).iso8601)
            }
            hotSpots = b.hotSpots.map {
                HotSpot(
                    source: $0.source, target: $0.target, weekStart: Instant($0.weekStart).iso8601,
                    bookedPercent: $0.bookedPercent)
            }
        }
    }

    @Sendable static func board(req: Request) async throws -> BoardBody {
        var since: Date?
        if let raw = req.query[String.self, at: "since"] {
            guard let day = try? LocalDate(iso: raw) else {
                throw APIError.invalidFields([
                    FieldError(
                        field: "since", code: "invalid", key: "error.date.invalid",
                        arguments: ["input": raw, "example": "2026-11-02"])
                ])
            }
            since = day.midnight(in: req.localizer.timeZone)
        }
        return BoardBody(try await jointBoard(req, since: since))
    }

    struct ItemBody: Content {
        var id: String
        var meetingId: String
        var title: String
        var ownerId: String
        var dueOn: String
        var done: Bool
        @NullWhenAbsent var doneAt: String?
        init(_ i: ActionItem) {
            id = i.id.description
            meetingId = i.meetingID.description
            title = i.title
            ownerId = i.ownerID.description
            dueOn = i.dueOn.description
            done = !i.isOpen
            doneAt = i.doneAt.map { Instant($0).iso8601 }
        }
    }

    struct MeetingBody: Content {
        var id: String
        var title: String
        var heldOn: String
        var attendeeIds: [String]
        var minutes: String
        var decisions: [String]
        var version: Int
        var createdBy: String
        /// Raised in this meeting (in the detail only; empty in lists).
        var actionItems: [ItemBody]
        /// Open items from earlier meetings, and those done since (in the detail only).
        var carriedOver: [ItemBody]
        init(_ m: ReviewMeeting, items: [ActionItem] = [], carried: [ActionItem] = []) {
            id = m.id.description
            title = m.title
            heldOn = m.heldOn.description
            attendeeIds = m.attendeeIDs.map(\.description)
            minutes = m.minutes
            decisions = m.decisions
            version = m.version
            createdBy = m.createdBy.description
            actionItems = items.map(ItemBody.init)
            carriedOver = carried.map(ItemBody.init)
        }
    }

    struct Key: Codable, Comparable {
        var heldOn: String
        var id: String
        static func < (a: Self, b: Self) -> Bool { (a.heldOn, a.id) < (b.heldOn, b.id) }
    }

    @Sendable static func list(req: Request) async throws -> ListEnvelope<MeetingBody> {
        let paging = try ListRequest<Key>(req)
        let page = paging.page(
            try await ReviewMeetings(req.appEnvironment).list(by: try req.requireUser()),
            by: { Key(heldOn: $0.heldOn.description, id: $0.id.description) }, descending: true)
        return ListEnvelope(items: page.elements.map { MeetingBody($0) }, nextCursor: page.nextCursor)
    }

    static func ids(_ raws: [String], _ field: String, _ problems: inout [FieldError]) -> [User.ID] {
        raws.enumerated().compactMap { index, raw in
            guard let id = User.ID(uuidString: raw) else {
                problems.append(FieldError(field: "\(field).\(index)", code: "invalid", key: "error.api.bad_id"))
                return nil
            }
            return id
        }
    }

    static func day(_ raw: String?, _ field: String, _ problems: inout [FieldError]) -> LocalDate? {
        guard let raw else { return nil }
        guard let day = try? LocalDate(iso: raw) else {
            problems.append(
                FieldError(
                    field: field, code: "invalid", key: "error.date.invalid",
                    arguments: ["input": raw, "example": "2026-12-25"]))
            return nil
        }
        return day
    }

    struct CreateBody: Decodable {
        var title: String
        var heldOn: String
        var attendeeIds: [String]?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorize(.runReviewMeetings)
        let body = try req.decodeJSON(CreateBody.self)
        var problems: [FieldError] = []
        let heldOn = day(body.heldOn, "heldOn", &problems)
        let attendees = ids(body.attendeeIds ?? [], "attendeeIds", &problems)
        guard problems.isEmpty, let heldOn else { throw APIError.invalidFields(problems) }
        let meeting = try await ReviewMeetings(req.appEnvironment).create(
            title: body.title, heldOn: heldOn, attendees: attendees, by: try req.requireUser())
        return try await MeetingBody(meeting).encodeResponse(status: .created, for: req)
    }

    static func detail(_ req: Request, _ id: ReviewMeeting.ID) async throws -> MeetingBody {
        let detail = try await ReviewMeetings(req.appEnvironment).detail(
            id, timeZone: req.localizer.timeZone, by: try req.requireUser())
        return MeetingBody(detail.meeting, items: detail.items, carried: detail.carried)
    }

    @Sendable static func show(req: Request) async throws -> MeetingBody { try await detail(req, try req.apiID()) }

    struct MinutesBody: Decodable {
        var minutes: String
        var decisions: [String]?
        var attendeeIds: [String]?
        var version: Int
    }

    @Sendable static func minutes(req: Request) async throws -> MeetingBody {
        let id: ReviewMeeting.ID = try req.apiID()
        try req.authorize(.runReviewMeetings)
        let body = try req.decodeJSON(MinutesBody.self)
        let meetings = ReviewMeetings(req.appEnvironment)
        let user = try req.requireUser()
        var problems: [FieldError] = []
        var attendees = ids(body.attendeeIds ?? [], "attendeeIds", &problems)
        guard problems.isEmpty else { throw APIError.invalidFields(problems) }
        let current = try await meetings.detail(id, timeZone: req.localizer.timeZone, by: user).meeting
        if body.attendeeIds == nil { attendees = current.attendeeIDs }
        _ = try await meetings.saveMinutes(
            id, minutes: body.minutes, decisions: body.decisions ?? current.decisions, attendees: attendees,
            version: body.version, by: user)
        return try await detail(req, id)
    }

    struct ItemInput: Decodable {
        var title: String
        var ownerId: String
        var dueOn: String
    }

    @Sendable static func addItem(req: Request) async throws -> Response {
        let id: ReviewMeeting.ID = try req.apiID()
        try req.authorize(.runReviewMeetings)
        let body = try req.decodeJSON(ItemInput.self)
        var problems: [FieldError] = []
        let owner = User.ID(uuidString: body.ownerId)
        if owner == nil { problems.append(FieldError(field: "ownerId", code: "invalid", key: "error.api.bad_id")) }
        let due = day(body.dueOn, "dueOn", &problems)
        guard problems.isEmpty, let owner, let due else { throw APIError.invalidFields(problems) }
        let item = try await ReviewMeetings(req.appEnvironment).addItem(
            to: id, title: body.title, owner: owner, dueOn: due, by: try req.requireUser())
        return try await ItemBody(item).encodeResponse(status: .created, for: req)
    }

    struct ItemPatch: Decodable { var done: Bool }

    @Sendable static func updateItem(req: Request) async throws -> ItemBody {
        let id: ActionItem.ID = try req.apiID()
        try req.authorize(.runReviewMeetings)
        let body = try req.decodeJSON(ItemPatch.self)
        return ItemBody(
            try await ReviewMeetings(req.appEnvironment).setDone(id, done: body.done, by: try req.requireUser()))
    }
}
