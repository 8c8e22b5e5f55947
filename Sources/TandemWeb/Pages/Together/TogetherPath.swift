/// The working-together pages under `/together` (a case of `SiteRoute`; the hub is
/// `SiteRoute.area(.collaboration)`).
enum TogetherPath: Sendable, Equatable {
    case review
    case meetings
    case meeting(PathParameter)
    case meetingItems(PathParameter)
    case itemDone(PathParameter)
    case ideas
    case idea(PathParameter)
    case ideaVote(PathParameter)
    case ideaStatus(PathParameter)
    case proposals
    case newProposal
    case proposal(PathParameter)
    case proposalSign(PathParameter)
    case proposalDecide(PathParameter)
    case proposalReview(PathParameter)
    case groups
    case group(PathParameter)
    case groupMembers(PathParameter)
    case groupInitiatives(PathParameter)
    case initiativeStatus(PathParameter)
    case shadowing
    case shadowingLog(PathParameter)
    case shadowingCancel(PathParameter)

    var segments: [String] {
        switch self {
        case .review: return ["review"]
        case .meetings: return ["review", "meetings"]
        case .meeting(let id): return ["review", "meetings", id.segment]
        case .meetingItems(let id): return ["review", "meetings", id.segment, "items"]
        case .itemDone(let id): return ["review", "items", id.segment, "done"]
        case .ideas: return ["ideas"]
        case .idea(let id): return ["ideas", id.segment]
        case .ideaVote(let id): return ["ideas", id.segment, "vote"]
        case .ideaStatus(let id): return ["ideas", id.segment, "status"]
        case .proposals: return ["proposals"]
        case .newProposal: return ["proposals", "new"]
        case .proposal(let id): return ["proposals", id.segment]
        case .proposalSign(let id): return ["proposals", id.segment, "sign"]
        case .proposalDecide(let id): return ["proposals", id.segment, "decide"]
        case .proposalReview(let id): return ["proposals", id.segment, "benefit-review"]
        case .groups: return ["groups"]
        case .group(let id): return ["groups", id.segment]
        case .groupMembers(let id): return ["groups", id.segment, "members"]
        case .groupInitiatives(let id): return ["groups", id.segment, "initiatives"]
        case .initiativeStatus(let id): return ["initiatives", id.segment, "status"]
        case .shadowing: return ["shadowing"]
        case .shadowingLog(let id): return ["shadowing", id.segment, "log"]
        case .shadowingCancel(let id): return ["shadowing", id.segment, "cancel"]
        }
    }
}
