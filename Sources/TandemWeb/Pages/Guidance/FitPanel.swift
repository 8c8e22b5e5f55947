import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// The client-fit card on the account and opportunity pages: the score, how it reads, each
/// reason in words (concerns first, marked), and on an opportunity a flag when a pair is outside
/// what production can do — shown before a quote is made.
struct FitPanel: Encodable {
    struct Reason: Encodable {
        var text: String
        var concern: Bool
    }

    var score: Int
    var scoreText: String
    var band: String
    var bandLabel: String
    var reasons: [Reason]
    var outside: Bool
    var forOpportunity: Bool
    var whereToSellHref = SiteRoute.whereToSell.path
    var howHref = SiteRoute.whereToSell.path + "#how"

    init(_ result: FitScore.Result, forOpportunity: Bool, _ l: Localizer) {
        score = result.score
        scoreText = l.format(result.score)
        let band = result.score >= 70 ? "good" : result.score >= 40 ? "fair" : "poor"
        self.band = band
        bandLabel = l.t("fit.band.\(band)")
        reasons = result.reasons.map { Reason(text: FitText.text($0, l), concern: $0.isConcern) }
        outside = result.outsideCapability
        self.forOpportunity = forOpportunity
    }

    /// The account's panel, or nil when the user may not see fit guidance or it cannot be worked
    /// out (the page still shows).
    static func forAccount(_ id: Account.ID, req: Request) async -> FitPanel? {
        guard let user = req.currentUser, Policy.permitsGuidance(user, .clientFit) else { return nil }
        do {
            let result = try await req.clientGuidance.account(id, by: user, capacity: req.guidanceCapacity())
            return FitPanel(result, forOpportunity: false, req.localizer)
        } catch {
            req.logger.warning("client fit for account \(id) failed: \(String(reflecting: error))")
            return nil
        }
    }

    static func forOpportunity(_ id: Opportunity.ID, req: Request) async -> FitPanel? {
        guard let user = req.currentUser, Policy.permitsGuidance(user, .clientFit) else { return nil }
        do {
            let result = try await req.clientGuidance.opportunity(id, by: user, capacity: req.guidanceCapacity())
            return FitPanel(result, forOpportunity: true, req.localizer)
        } catch {
            req.logger.warning("client fit for opportunity \(id) failed: \(String(reflecting: error))")
            return nil
        }
    }
}
