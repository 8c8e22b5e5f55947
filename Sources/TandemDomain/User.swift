import Foundation

/// A person who signs in to Tandem.
public struct User: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<User>

    public var id: ID
    public var email: EmailAddress
    public var displayName: String
    public var roles: Set<Role>
    public var isActive: Bool
    /// Interface language chosen by the user (a catalog locale such as "fr"); nil follows the
    /// organisation default and the browser.
    public var locale: String?
    /// IANA time zone; nil follows the organisation.
    public var timeZone: String?
    public var createdAt: Date
    /// False for an invited user who has not yet set a password.
    public var hasPassword: Bool

    public init(
        id: ID, email: EmailAddress, displayName: String, roles: Set<Role>, isActive: Bool = true,
        locale: String? = nil, timeZone: String? = nil, createdAt: Date, hasPassword: Bool = true
    ) {
        self.hasPassword = hasPassword
        self.id = id
        self.email = email
        self.displayName = displayName
        self.roles = roles
        self.isActive = isActive
        self.locale = locale
        self.timeZone = timeZone
        self.createdAt = createdAt
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

/// A lower-cased, syntactically plausible e-mail address.
public struct EmailAddress: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let value: String

    /// The form every comparison uses: surrounding white space and line breaks (U+2028 too)
    /// removed, lower-cased. The sign-in throttle keys on it as well, so `ada@x` and `ada@x\n`
    /// share one budget.
    public static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public init(_ text: String) throws {
        let trimmed = Self.normalised(text)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !trimmed.contains(where: \.isWhitespace)
        else {
            throw DomainError.invalidInput(
                field: "email", key: "error.email.invalid", arguments: ["value": text],
                fallback: "“\(text)” is not an e-mail address such as name@example.com.")
        }
        value = trimmed
    }

    public init(from decoder: Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
    public var description: String { value }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

/// What an admin submits to create a user; validated before anything is stored.
public struct NewUser: Sendable, Equatable {
    public var email: EmailAddress
    public var displayName: String
    public var roles: Set<Role>
    public var passwordHash: String?

    public init(email: EmailAddress, displayName: String, roles: Set<Role>, passwordHash: String?) throws {
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw DomainError.invalidInput(
                field: "displayName", key: "error.name.required", arguments: [:], fallback: "A name is required.")
        }
        guard name.count <= 120 else {
            throw DomainError.invalidInput(
                field: "displayName", key: "error.name.too_long", arguments: ["max": "120"],
                fallback: "The name is longer than 120 characters.")
        }
        guard !roles.isEmpty else {
            throw DomainError.invalidInput(
                field: "roles", key: "error.roles.required", arguments: [:], fallback: "Choose at least one role.")
        }
        self.email = email
        self.displayName = name
        self.roles = roles
        self.passwordHash = passwordHash
    }
}

/// Password rules, checked before hashing.
public enum PasswordRules {
    public static let minimumLength = 10
    /// bcrypt's limit, in UTF-8 bytes.
    public static let maximumBytes = 72

    public static func validate(_ password: String, field: String = "password") throws {
        guard password.count >= minimumLength else {
            throw DomainError.invalidInput(
                field: field, key: "error.password.too_short", arguments: ["min": String(minimumLength)],
                fallback: "Use at least \(minimumLength) characters.")
        }
        // bcrypt reads 72 bytes and ignores the rest: a longer password would only seem stronger.
        guard password.utf8.count <= maximumBytes else {
            throw DomainError.invalidInput(
                field: field, key: "error.password.too_long", arguments: ["max": String(maximumBytes)],
                fallback:
                    "Use at most \(maximumBytes) bytes (\(maximumBytes) plain letters; accented letters and symbols count 2 to 4)."
            )
        }
    }
}
