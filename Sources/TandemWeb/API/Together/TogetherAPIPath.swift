import TandemDomain
import TandemLocalization
import Vapor

/// The working-together API's paths under `/api/v1` (a case of `APIRoute`; docs/together.md).
enum TogetherAPIPath: Sendable, Equatable {
    case proposals
    case proposal(PathParameter)
    case proposalSign(PathParameter)
    case proposalDecide(PathParameter)
    case proposalBenefitReview(PathParameter)
    case ideas
    case idea(PathParameter)
    case ideaVote(PathParameter)
    case ideaStatus(PathParameter)
    case reviewBoard
    case reviewMeetings
    case reviewMeeting(PathParameter)
    case reviewMeetingMinutes(PathParameter)
    case reviewMeetingActionItems(PathParameter)
    case actionItem(PathParameter)
    case workingGroups
    case workingGroup(PathParameter)
    case workingGroupMembers(PathParameter)
    case workingGroupInitiatives(PathParameter)
    case initiative(PathParameter)
    case shadowingSessions
    case shadowingTeam
    case shadowingSession(PathParameter)
    case shadowingSessionLog(PathParameter)
    case shadowingSessionCancel(PathParameter)

    var segments: [String] {
        switch self {
        case .proposals: return ["proposals"]
        case .proposal(let id): return ["proposals", id.segment]
        case .proposalSign(let id): return ["proposals", id.segment, "sign"]
        case .proposalDecide(let id): return ["proposals", id.segment, "decide"]
        case .proposalBenefitReview(let id): return ["proposals", id.segment, "benefit-review"]
        case .ideas: return ["ideas"]
        case .idea(let id): return ["ideas", id.segment]
        case .ideaVote(let id): return ["ideas", id.segment, "vote"]
        case .ideaStatus(let id): return ["ideas", id.segment, "status"]
        case .reviewBoard: return ["reviews", "board"]
        case .reviewMeetings: return ["review-meetings"]
        case .reviewMeeting(let id): return ["review-meetings", id.segment]
        case .reviewMeetingMinutes(let id): return ["review-meetings", id.segment, "minutes"]
        case .reviewMeetingActionItems(let id): return ["review-meetings", id.segment, "action-items"]
        case .actionItem(let id): return ["action-items", id.segment]
        case .workingGroups: return ["working-groups"]
        case .workingGroup(let id): return ["working-groups", id.segment]
        case .workingGroupMembers(let id): return ["working-groups", id.segment, "members"]
        case .workingGroupInitiatives(let id): return ["working-groups", id.segment, "initiatives"]
        case .initiative(let id): return ["initiatives", id.segment]
        case .shadowingSessions: return ["shadowing-sessions"]
        case .shadowingTeam: return ["shadowing-sessions", "team"]
        case .shadowingSession(let id): return ["shadowing-sessions", id.segment]
        case .shadowingSessionLog(let id): return ["shadowing-sessions", id.segment, "log"]
        case .shadowingSessionCancel(let id): return ["shadowing-sessions", id.segment, "cancel"]
        }
    }
}

/// An API error with its own stable code (such as `needs_cosignatures`), for a conflict a client
/// branches on; the message comes from the domain error's catalog key.
struct CodedAPIError: Error {
    var status: HTTPResponseStatus
    var code: String
    var error: DomainError

    func describe(in l: Localizer) -> ErrorDescription {
        let message = error.localized { key, arguments in l.t(key, arguments) }
        let fields = error.field.map {
            [APIErrorBody.FieldProblem(field: $0, code: code, message: message)]
        }
        return ErrorDescription(status: status, code: code, message: message, field: error.field, fields: fields ?? [])
    }
}
