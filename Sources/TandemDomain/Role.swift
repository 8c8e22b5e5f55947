import Foundation

/// What a user does at the LSP. A user holds one or more roles.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case admin
    case manager
    case sales
    case pm
    case vendorManager = "vendor-manager"

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a comma-separated role list such as "sales,pm"; unknown names are an error.
    public static func parseList(_ text: String) throws -> Set<Role> {
        var roles = Set<Role>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            guard let role = Role(rawValue: name) else {
                throw DomainError.invalid(
                    "roles", "error.roles.unknown", ["value": name],
                    fallback: "“\(name)” is not a role; use admin, manager, sales, pm or vendor-manager.")
            }
            roles.insert(role)
        }
        return roles
    }

    public static func listString(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }
}
