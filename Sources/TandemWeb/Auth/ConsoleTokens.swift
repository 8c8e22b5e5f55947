import Foundation
import TandemApp
import TandemDomain
import Vapor

extension Application {
    /// A new personal API token for an active user, for scripts and first integrations; answers
    /// the secret (shown once, only its hash is stored). For `tandem users token EMAIL --name NAME`.
    public func createAPIToken(forEmail rawEmail: String, name: String) async throws -> String {
        let email = try EmailAddress(rawEmail)
        guard let user = try await stores.users.find(email: email), user.isActive else {
            throw DomainError.userNotFound
        }
        let secret = "tdm_" + Secrets.random()
        let token = APIToken(
            id: tandem.ids(), userID: user.id, name: try APIToken.validateName(name), prefix: String(secret.prefix(10)),
            createdAt: tandem.clock())
        try await stores.apiTokens.create(token, secretHash: Secrets.hash(secret))
        return secret
    }
}

extension TandemServer {
    /// `tandem users token EMAIL --name NAME`: opens the database, makes the token, closes.
    public static func createToken(config: TandemConfig, email: String, name: String) async throws -> String {
        let app = try await Application.make(.init(name: "production", arguments: ["tandem", "users"]))
        do {
            try await configure(app, context: AppContext(config: config))
            try await app.autoMigrate()
            let secret = try await app.createAPIToken(forEmail: email, name: name)
            try await app.asyncShutdown()
            return secret
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
