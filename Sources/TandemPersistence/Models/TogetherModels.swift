import FluentKit
import Foundation
import TandemDomain

final class IdeaModel: Model, @unchecked Sendable {
    static let schema = "ideas"
    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "status") var status: String
    @Field(key: "decline_reason") var declineReason: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ idea: Idea) {
        self.init()
        id = idea.id.rawValue
        title = idea.title
        body = idea.body
        authorID = idea.authorID.rawValue
        status = idea.status.rawValue
        declineReason = idea.declineReason
        decidedBy = idea.decidedBy?.rawValue
        decidedAt = idea.decidedAt
        createdAt = idea.createdAt
    }

    func toDomain(votes: Int) throws -> Idea {
        Idea(
            id: .init(try requireID()), title: title, body: body, authorID: .init(authorID),
            status: IdeaStatus(rawValue: status) ?? .new, declineReason: declineReason,
            decidedBy: decidedBy.map(User.ID.init), decidedAt: decidedAt, votes: votes, createdAt: createdAt)
    }
}

final class IdeaVoteModel: Model, @unchecked Sendable {
    static let schema = "idea_votes"
    @ID(key: .id) var id: UUID?
    @Field(key: "idea_id") var ideaID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class ProposalModel: Model, @unchecked Sendable {
    static let schema = "investment_proposals"
    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "proposer_id") var proposerID: UUID
    @Field(key: "currency") var currency: String
    @Field(key: "one_off_cost") var oneOffCost: String
    @Field(key: "recurring_cost") var recurringCost: String
    @Field(key: "benefits") var benefits: String
    @Field(key: "status") var status: String
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "benefit_review_on") var benefitReviewOn: String?
    @OptionalField(key: "benefit_review") var benefitReview: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ p: InvestmentProposal) {
        self.init()
        id = p.id.rawValue
        title = p.title
        summary = p.summary
        proposerID = p.proposerID.rawValue
        currency = p.currency.code
        oneOffCost = p.oneOffCost.amount.canonicalString
        recurringCost = p.recurringCost.amount.canonicalString
        benefits = JSONText.encode(p.benefits)
        status = p.status.rawValue
        decision = p.decision.map(JSONText.encode)
        benefitReviewOn = p.benefitReviewOn?.description
        benefitReview = p.benefitReview.map(JSONText.encode)
        createdAt = p.createdAt
    }

    func toDomain(signatures: [ProposalSignature]) throws -> InvestmentProposal {
        let code = try CurrencyCode(currency)
        return InvestmentProposal(
            id: .init(try requireID()), title: title, summary: summary, proposerID: .init(proposerID),
            oneOffCost: try Money(parsing: oneOffCost, currency: code),
            recurringCost: try Money(parsing: recurringCost, currency: code),
            benefits: try JSONText.decode([ProposalBenefit].self, benefits),
            status: ProposalStatus(rawValue: status) ?? .open, signatures: signatures,
            decision: try decision.map { try JSONText.decode(ProposalDecision.self, $0) },
            benefitReviewOn: try benefitReviewOn.map(LocalDate.init(iso:)),
            benefitReview: try benefitReview.map { try JSONText.decode(BenefitReview.self, $0) }, createdAt: createdAt)
    }
}

final class ProposalSignatureModel: Model, @unchecked Sendable {
    static let schema = "proposal_signatures"
    @ID(key: .id) var id: UUID?
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "side") var side: String
    @Field(key: "signed_at") var signedAt: Date
    init() {}

    func toDomain() -> ProposalSignature {
        ProposalSignature(userID: .init(userID), side: SignatureSide(rawValue: side) ?? .sales, signedAt: signedAt)
    }
}

final class ReviewMeetingModel: Model, @unchecked Sendable {
    static let schema = "review_meetings"
    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "held_on") var heldOn: String
    @Field(key: "attendees") var attendees: String
    @Field(key: "minutes") var minutes: String
    @Field(key: "decisions") var decisions: String
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    convenience init(_ m: ReviewMeeting) {
        self.init()
        id = m.id.rawValue
        title = m.title
        heldOn = m.heldOn.description
        attendees = JSONText.encode(m.attendeeIDs)
        minutes = m.minutes
        decisions = JSONText.encode(m.decisions)
        version = m.version
        createdBy = m.createdBy.rawValue
        createdAt = m.createdAt
        updatedAt = m.updatedAt
    }

    func toDomain() throws -> ReviewMeeting {
        ReviewMeeting(
            id: .init(try requireID()), title: title, heldOn: try LocalDate(iso: heldOn),
            attendeeIDs: try JSONText.decode([User.ID].self, attendees), minutes: minutes,
            decisions: try JSONText.decode([String].self, decisions), version: version, createdBy: .init(createdBy),
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

final class ActionItemModel: Model, @unchecked Sendable {
    static let schema = "action_items"
    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "title") var title: String
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "done_at") var doneAt: Date?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ i: ActionItem) {
        self.init()
        id = i.id.rawValue
        meetingID = i.meetingID.rawValue
        title = i.title
        ownerID = i.ownerID.rawValue
        dueOn = i.dueOn.description
        doneAt = i.doneAt
        createdAt = i.createdAt
    }

    func toDomain() throws -> ActionItem {
        ActionItem(
            id: .init(try requireID()), meetingID: .init(meetingID), title: title, ownerID: .init(ownerID),
            dueOn: try LocalDate(iso: dueOn), doneAt: doneAt, createdAt: createdAt)
    }
}

final class WorkingGroupModel: Model, @unchecked Sendable {
    static let schema = "working_groups"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "goal") var goal: String
    @Field(key: "members") var members: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ g: WorkingGroup) {
        self.init()
        id = g.id.rawValue
        name = g.name
        goal = g.goal
        members = JSONText.encode(g.memberIDs)
        createdBy = g.createdBy.rawValue
        createdAt = g.createdAt
    }

    func toDomain() throws -> WorkingGroup {
        WorkingGroup(
            id: .init(try requireID()), name: name, goal: goal, memberIDs: try JSONText.decode([User.ID].self, members),
            createdBy: .init(createdBy), createdAt: createdAt)
    }
}

final class InitiativeModel: Model, @unchecked Sendable {
    static let schema = "initiatives"
    @ID(key: .id) var id: UUID?
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "title") var title: String
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "status") var status: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ i: Initiative) {
        self.init()
        id = i.id.rawValue
        groupID = i.groupID.rawValue
        title = i.title
        ownerID = i.ownerID.rawValue
        status = i.status.rawValue
        dueOn = i.dueOn?.description
        createdAt = i.createdAt
    }

    func toDomain() throws -> Initiative {
        Initiative(
            id: .init(try requireID()), groupID: .init(groupID), title: title, ownerID: .init(ownerID),
            status: InitiativeStatus(rawValue: status) ?? .planned, dueOn: try dueOn.map(LocalDate.init(iso:)),
            createdAt: createdAt)
    }
}

final class ShadowingModel: Model, @unchecked Sendable {
    static let schema = "shadowing_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "participant_id") var participantID: UUID
    @Field(key: "host_id") var hostID: UUID
    @Field(key: "topic") var topic: String
    @Field(key: "planned_on") var plannedOn: String
    @Field(key: "status") var status: String
    @Field(key: "takeaways") var takeaways: String
    @OptionalField(key: "logged_at") var loggedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    convenience init(_ s: ShadowingSession) {
        self.init()
        id = s.id.rawValue
        kind = s.kind.rawValue
        participantID = s.participantID.rawValue
        hostID = s.hostID.rawValue
        topic = s.topic
        plannedOn = s.plannedOn.description
        status = s.status.rawValue
        takeaways = s.takeaways
        loggedAt = s.loggedAt
        createdAt = s.createdAt
    }

    func toDomain() throws -> ShadowingSession {
        ShadowingSession(
            id: .init(try requireID()), kind: ShadowingKind(rawValue: kind) ?? .followProject,
            participantID: .init(participantID), hostID: .init(hostID), topic: topic,
            plannedOn: try LocalDate(iso: plannedOn), status: ShadowingStatus(rawValue: status) ?? .planned,
            takeaways: takeaways, loggedAt: loggedAt, createdAt: createdAt)
    }
}
