import Foundation
import TandemDomain
import Testing

/// Every branch of the review gate, and the quote's status machine.
@Suite("Quote review gate and statuses")
struct QuoteReviewGateTests {
    static let allOn = QuoteReviewSettings(
        newClient: true, newPair: true, highValue: true, valueThreshold: 20_000, incompleteBrief: true)

    @Test func aGreenQuoteAboveTheFloorWithoutTriggersIsApproved() {
        let reasons = QuoteReviewGate.reasons(
            QuoteGateFacts(verdict: "green", belowMarginFloor: false), settings: .initial)
        #expect(reasons.isEmpty)
        #expect(QuoteReviewGate.status(for: reasons) == .approved)
    }

    @Test(arguments: ["amber", "red", nil] as [String?])
    func anythingButGreenGoesToReview(verdict: String?) {
        let reasons = QuoteReviewGate.reasons(
            QuoteGateFacts(verdict: verdict, belowMarginFloor: false), settings: .initial)
        #expect(reasons == [.notGreen])
        #expect(QuoteReviewGate.status(for: reasons) == .inReview)
    }

    @Test func belowTheMarginFloorGoesToReview() {
        #expect(
            QuoteReviewGate.reasons(QuoteGateFacts(verdict: "green", belowMarginFloor: true), settings: .initial) == [
                .belowMarginFloor
            ])
    }

    @Test func extraTriggersCountOnlyWhenAnAdminTurnedThemOn() {
        let facts = QuoteGateFacts(
            verdict: "green", belowMarginFloor: false, newClient: true, newPair: true, valueInBase: 25_000,
            briefComplete: false)
        #expect(QuoteReviewGate.reasons(facts, settings: .initial).isEmpty)
        #expect(
            QuoteReviewGate.reasons(facts, settings: Self.allOn) == [
                .newClient, .newPair, .highValue, .incompleteBrief,
            ])
        var atThreshold = facts
        atThreshold.valueInBase = 20_000
        #expect(!QuoteReviewGate.reasons(atThreshold, settings: Self.allOn).contains(.highValue))
        var onlyValue = QuoteReviewSettings()
        onlyValue.highValue = true
        onlyValue.valueThreshold = 20_000
        #expect(QuoteReviewGate.reasons(facts, settings: onlyValue) == [.highValue])
        var known = facts
        known.newClient = false
        known.newPair = false
        known.briefComplete = true
        known.valueInBase = 100
        #expect(QuoteReviewGate.reasons(known, settings: Self.allOn).isEmpty)
    }

    @Test func theWorstVerdictWins() {
        #expect(QuoteReviewGate.worst(["green", "amber"]) == "amber")
        #expect(QuoteReviewGate.worst(["green", "red", "amber"]) == "red")
        #expect(QuoteReviewGate.worst(["green"]) == "green")
        #expect(QuoteReviewGate.worst([]) == nil)
    }

    @Test func statusesMoveOnlyAlongTheirTransitions() {
        #expect(QuoteStatus.draft.canMove(to: .inReview))
        #expect(QuoteStatus.draft.canMove(to: .approved))
        #expect(!QuoteStatus.draft.canMove(to: .sent))
        #expect(QuoteStatus.approved.canMove(to: .sent))
        #expect(!QuoteStatus.inReview.canMove(to: .sent))
        #expect(QuoteStatus.sent.canMove(to: .accepted))
        #expect(QuoteStatus.sent.canMove(to: .draft))
        for closed in [QuoteStatus.accepted, .lost, .expired] {
            #expect(closed.next.isEmpty)
            #expect(!closed.isOpen)
        }
        #expect(
            QuoteStatus.allCases.map(\.rawValue) == [
                "draft", "in-review", "approved", "rejected", "sent", "accepted", "lost", "expired",
            ])
        #expect(Quote.number(year: 2026, sequence: 42) == "Q-2026-0042")
    }
}
