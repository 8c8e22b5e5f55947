import Foundation
import TandemApp
import TandemDomain
import TandemPlanning
import Vapor

/// The deadline check against the stored data, shared by the API and the page.
enum CapacityChecking {
    struct Outcome: Sendable {
        var result: FeasibilityResult
        /// The index checked against (for vendor names on the page).
        var index: CapacityIndex
        /// True when the user may not see vendors: show `RedactedCheck` only.
        var redacted: Bool
    }

    /// Decodes the body (the `request` object of a plan file, optionally with `accountId`) and
    /// checks it; input problems are a 422 naming the field from the body's root.
    static func run(_ req: Request, body: Data) async throws -> Outcome {
        let request: FeasibilityRequest
        do {
            request = try CapacityCheck.decodeRequest(body)
        } catch let error as PlanningInputError {
            throw FeasibilityAPI.apiError(for: error, localizer: req.localizer)
        }
        do {
            return try await run(req, request: request, accountID: accountID(in: body))
        } catch let error as PlanningInputError {
            throw FeasibilityAPI.apiError(for: error, localizer: req.localizer)
        }
    }

    /// Checks a decoded request on the current index, off the event loop. Throws
    /// `PlanningInputError` (e.g. a preferred vendor the index does not know).
    static func run(_ req: Request, request: FeasibilityRequest, accountID: UUID?) async throws -> Outcome {
        let redacted = !(req.currentUser.map { Policy.permits($0, .viewArea(.capacity)) } ?? false)
        let index = try await req.capacityIndex()
        let preferences = try await self.preferences(app: req.application, accountID: accountID)
        let now = req.now
        let result = try await req.application.threadPool.runIfActive {
            try CapacityCheck.run(request, on: index, now: now, preferences: preferences)
        }
        return Outcome(result: result, index: index, redacted: redacted)
    }

    /// `accountId` of the body, if it is a UUID.
    static func accountID(in body: Data) -> UUID? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let text = object["accountId"] as? String
        else { return nil }
        return UUID(uuidString: text)
    }

    /// The account's preferred and excluded vendors, fed into the engine's options.
    static func preferences(app: Application, accountID: UUID?) async throws -> PlanningPreferences {
        guard let accountID else { return PlanningPreferences() }
        return try await PlanningPreferences.of(Account.ID(accountID), in: app.stores)
    }
}
