import Foundation
import TandemDomain

/// Checks a new user's fields all at once, so a caller learns about every invalid field in one
/// answer; the rules themselves stay in the domain (`EmailAddress`, `NewUser`, `PasswordRules`).
enum UserInput {
    /// The user to create (without a password hash), or `APIError.invalidFields` listing email,
    /// displayName, roles and password problems in that order.
    static func validate(email: String, displayName: String, roles names: [String], password: String?) throws
        -> NewUser
    {
        var problems: [FieldError] = []
        func check(_ field: String, _ rule: () throws -> Void) {
            do { try rule() } catch let error as DomainError {
                if let problem = FieldError(error, field: field) { problems.append(problem) }
            } catch {
                problems.append(FieldError(field: field, code: "invalid", key: "error.api.field.invalid"))
            }
        }
        var address: EmailAddress?
        check("email") { address = try EmailAddress(email) }
        // NewUser checks the name before the roles: given a valid role, only the name can fail.
        check("displayName") {
            _ = try NewUser(email: placeholder, displayName: displayName, roles: [.admin], passwordHash: nil)
        }
        var roles = Set<Role>()
        for name in names {
            if let role = Role(rawValue: name) {
                roles.insert(role)
            } else if !problems.contains(where: { $0.field == "roles" }) {
                problems.append(
                    FieldError(field: "roles", code: "unknown", key: "error.roles.unknown", arguments: ["value": name]))
            }
        }
        if names.isEmpty {
            check("roles") { _ = try NewUser(email: placeholder, displayName: "-", roles: [], passwordHash: nil) }
        }
        if let password { check("password") { try PasswordRules.validate(password) } }
        guard problems.isEmpty, let address else { throw APIError.invalidFields(problems) }
        return try NewUser(email: address, displayName: displayName, roles: roles, passwordHash: nil)
    }

    private static let placeholder = try! EmailAddress("placeholder@example.com")
}
