import Foundation

/// Errors a user can act on. Every case names a catalog key and its arguments, localised at the
/// edge (pages, API, commands); `message` is the English fallback for logs and tests.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Input that breaks a rule: the field at fault (nil when the error is not about one field).
    case invalidInput(field: String?, key: String, arguments: [String: String], fallback: String)
    /// A record that does not exist; `entityKey` names it in the catalogs (`entity.user`).
    case notFound(entityKey: String, fallback: String)
    /// The request clashes with stored data, e.g. an e-mail address already taken.
    case conflict(field: String?, key: String, arguments: [String: String], fallback: String)
    case forbidden(key: String, fallback: String)
    case currencyMismatch(CurrencyCode, CurrencyCode)

    public var field: String? {
        switch self {
        case .invalidInput(let field, _, _, _), .conflict(let field, _, _, _): return field
        case .notFound, .forbidden, .currencyMismatch: return nil
        }
    }

    /// The catalog key of the message.
    public var key: String {
        switch self {
        case .invalidInput(_, let key, _, _), .conflict(_, let key, _, _), .forbidden(let key, _): return key
        case .notFound: return "error.not_found"
        case .currencyMismatch: return "error.currency_mismatch"
        }
    }

    /// The message's arguments. For `notFound`, `what` is itself a catalog key (`entityKey`).
    public var arguments: [String: String] {
        switch self {
        case .invalidInput(_, _, let arguments, _), .conflict(_, _, let arguments, _): return arguments
        case .notFound(let entityKey, _): return ["what": entityKey]
        case .forbidden: return [:]
        case .currencyMismatch(let a, let b): return ["first": a.description, "second": b.description]
        }
    }

    /// The message in the user's language, given the catalog lookup `translate(key, arguments)`.
    public func localized(_ translate: (String, [String: String]) -> String) -> String {
        if case .notFound(let entityKey, _) = self {
            return translate(key, ["what": translate(entityKey, [:])])
        }
        return translate(key, arguments)
    }

    /// The English fallback.
    public var message: String {
        switch self {
        case .invalidInput(_, _, _, let fallback), .conflict(_, _, _, let fallback), .forbidden(_, let fallback),
            .notFound(_, let fallback):
            return fallback
        case .currencyMismatch(let a, let b):
            return "Amounts in \(a) and \(b) cannot be added without an exchange rate."
        }
    }

    public var description: String { message }

    /// Shorthand for the common case.
    public static func invalid(
        _ field: String?, _ key: String, _ arguments: [String: String] = [:], fallback: String
    ) -> DomainError {
        .invalidInput(field: field, key: key, arguments: arguments, fallback: fallback)
    }

    public static let userNotFound = DomainError.notFound(entityKey: "entity.user", fallback: "The user was not found.")

    public static func emailTaken(_ email: EmailAddress) -> DomainError {
        .conflict(
            field: "email", key: "error.email.taken", arguments: ["email": email.value],
            fallback: "A user with the e-mail address \(email) already exists.")
    }
}

/// Every invalid field of a form at once, in the order of the form. A use case that checks
/// several fields throws this, never just the first problem.
public struct ValidationErrors: Error, Sendable, Equatable {
    public var errors: [DomainError]
    public init(_ errors: [DomainError]) { self.errors = errors }

    /// Throws when `errors` is not empty.
    public static func check(_ errors: [DomainError]) throws {
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}

extension Error {
    /// The domain errors this error carries: one for a `DomainError`, all for `ValidationErrors`.
    public var domainErrors: [DomainError] {
        if let several = self as? ValidationErrors { return several.errors }
        if let one = self as? DomainError { return [one] }
        return []
    }
}
