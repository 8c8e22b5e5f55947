import Foundation

public protocol IdeaStore: Sendable {
    func create(_ idea: Idea) async throws
    /// With its vote count.
    func find(id: Idea.ID) async throws -> Idea?
    /// Most votes first, then newest.
    func list() async throws -> [Idea]
    /// Adds `user`'s vote; false when they had voted already (one vote each, a unique index).
    func vote(_ id: Idea.ID, by user: User.ID, at: Date) async throws -> Bool
    func hasVoted(_ id: Idea.ID, user: User.ID) async throws -> Bool
    /// Moves the idea from `from`; false when its stored status is no longer `from`.
    func move(_ idea: Idea, from: IdeaStatus) async throws -> Bool
}

public protocol ProposalStore: Sendable {
    func create(_ proposal: InvestmentProposal) async throws
    /// With its signatures.
    func find(id: InvestmentProposal.ID) async throws -> InvestmentProposal?
    /// Newest first.
    func list() async throws -> [InvestmentProposal]
    /// False when the user had signed already.
    func sign(_ id: InvestmentProposal.ID, _ signature: ProposalSignature) async throws -> Bool
    /// Records the decision; false when the proposal was no longer open.
    func decide(_ id: InvestmentProposal.ID, _ decision: ProposalDecision) async throws -> Bool
    func setBenefitReview(_ id: InvestmentProposal.ID, _ review: BenefitReview) async throws
}

public protocol ReviewMeetingStore: Sendable {
    func create(_ meeting: ReviewMeeting) async throws
    func find(id: ReviewMeeting.ID) async throws -> ReviewMeeting?
    /// Newest first (held on, then created).
    func list() async throws -> [ReviewMeeting]
    /// Saves minutes and decisions from `version`; false when the stored version moved on.
    func saveMinutes(
        _ id: ReviewMeeting.ID, minutes: String, decisions: [String], attendees: [User.ID], from version: Int,
        at: Date
    ) async throws -> Bool
    func addItem(_ item: ActionItem) async throws
    func findItem(id: ActionItem.ID) async throws -> ActionItem?
    func items() async throws -> [ActionItem]
    func setItemDone(_ id: ActionItem.ID, at: Date?) async throws
}

public protocol WorkingGroupStore: Sendable {
    func create(_ group: WorkingGroup) async throws
    func find(id: WorkingGroup.ID) async throws -> WorkingGroup?
    /// By name.
    func list() async throws -> [WorkingGroup]
    func setMembers(_ id: WorkingGroup.ID, _ members: [User.ID]) async throws
    func addInitiative(_ initiative: Initiative) async throws
    func findInitiative(id: Initiative.ID) async throws -> Initiative?
    /// Of one group, by due day.
    func initiatives(of id: WorkingGroup.ID) async throws -> [Initiative]
    func setInitiativeStatus(_ id: Initiative.ID, _ status: InitiativeStatus) async throws
}

public protocol ShadowingStore: Sendable {
    func create(_ session: ShadowingSession) async throws
    func find(id: ShadowingSession.ID) async throws -> ShadowingSession?
    /// By planned day, newest first; `person` keeps those they took part in or hosted.
    func list(person: User.ID?) async throws -> [ShadowingSession]
    /// Writes status, takeaways and logged time.
    func update(_ session: ShadowingSession) async throws
}

/// The stores of joint reviews, working groups, ideas, proposals and shadowing (docs/together.md).
public struct TogetherStores: Sendable {
    public var ideas: any IdeaStore
    public var proposals: any ProposalStore
    public var reviews: any ReviewMeetingStore
    public var groups: any WorkingGroupStore
    public var shadowing: any ShadowingStore

    public init(
        ideas: any IdeaStore, proposals: any ProposalStore, reviews: any ReviewMeetingStore,
        groups: any WorkingGroupStore, shadowing: any ShadowingStore
    ) {
        self.ideas = ideas
        self.proposals = proposals
        self.reviews = reviews
        self.groups = groups
        self.shadowing = shadowing
    }
}
