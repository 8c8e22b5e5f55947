@testable import TandemWeb

/// The route patterns of the Together area, for `everyRegisteredPageRouteIsASiteRoute`.
enum TogetherRoutePatterns {
    static let pages: [SiteRoute] = [
        TogetherPath.review, .meetings, .meeting(":id"), .meetingItems(":id"), .itemDone(":id"), .ideas, .idea(":id"),
        .ideaVote(":id"), .ideaStatus(":id"), .proposals, .newProposal, .proposal(":id"), .proposalSign(":id"),
        .proposalDecide(":id"), .proposalReview(":id"), .groups, .group(":id"), .groupMembers(":id"),
        .groupInitiatives(":id"), .initiativeStatus(":id"), .shadowing, .shadowingLog(":id"), .shadowingCancel(":id"),
    ].map { .together($0) }
    static let api: [APIRoute] = [
        TogetherAPIPath.proposals, .proposal(":id"), .proposalSign(":id"), .proposalDecide(":id"),
        .proposalBenefitReview(":id"), .ideas, .idea(":id"), .ideaVote(":id"), .ideaStatus(":id"), .reviewBoard,
        .reviewMeetings, .reviewMeeting(":id"), .reviewMeetingMinutes(":id"), .reviewMeetingActionItems(":id"),
        .actionItem(":id"), .workingGroups, .workingGroup(":id"), .workingGroupMembers(":id"),
        .workingGroupInitiatives(":id"), .initiative(":id"), .shadowingSessions, .shadowingTeam,
        .shadowingSession(":id"), .shadowingSessionLog(":id"), .shadowingSessionCancel(":id"),
    ].map { .together($0) }
}
