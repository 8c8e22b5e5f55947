import Foundation
import TandemApp
import TandemDomain

/// Accounts for the pipeline tests, made through the accounts side's use case.
enum PipelineTestAccounts {
    static func make(
        _ env: AppEnvironment, name: String, owner: User, partnerPm: User.ID? = nil, domains: [String] = []
    ) async throws -> Account.ID {
        var input = AccountInput(name: name, currency: "EUR")
        input.partnerPmId = partnerPm?.description
        input.subjectDomains = domains
        return try await AccountManagement(env).create(input, by: owner, confirmDuplicate: true).id
    }
}
