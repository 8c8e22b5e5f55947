import FluentKit
import Foundation
import TandemDomain

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    /// Comma-separated role names, e.g. "sales,pm": a handful of values, read with the user.
    @Field(key: "roles") var roles: String
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "locale") var locale: String?
    @OptionalField(key: "time_zone") var timeZone: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func toDomain() throws -> User {
        User(
            id: User.ID(try requireID()), email: try EmailAddress(email), displayName: displayName,
            roles: (try? Role.parseList(roles)) ?? [], isActive: isActive, locale: locale, timeZone: timeZone,
            createdAt: createdAt,
            hasPassword: passwordHash != nil)
    }
}
