import Foundation
import TandemApp
import TandemDomain

/// Accounts for the pipeline tests (made through the accounts side once it is merged).
enum PipelineTestAccounts {
    static func make(_ env: AppEnvironment, name: String, owner: User.ID) async throws -> Account.ID {
        env.ids()
    }
}
