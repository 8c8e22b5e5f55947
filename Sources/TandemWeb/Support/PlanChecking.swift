import Foundation
import TandemPlanning
import TandemPlanningText
import Vapor

extension Request {
    /// Plans a `tandem plan` file (`PlanCheck.run`) on the application's thread pool: a big file
    /// can keep the engine busy for a while, and the event loops keep serving other requests.
    /// Throws `PlanningInputError` naming the field at fault.
    func checkPlan(_ fileContents: Data) async throws -> FeasibilityResult {
        try await application.threadPool.runIfActive { try PlanCheck.run(fileContents: fileContents) }
    }
}
