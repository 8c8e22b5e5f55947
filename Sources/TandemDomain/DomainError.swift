import Foundation

/// Errors a user can act on: each carries the field at fault (if any) and a plain message.
/// The web layer maps them to 4xx responses with the same message.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(field: String?, message: String)
    case notFound(what: String)
    case conflict(message: String)
    case forbidden(message: String)
    case currencyMismatch(CurrencyCode, CurrencyCode)

    public var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    public var message: String {
        switch self {
        case .invalid(_, let message), .conflict(let message), .forbidden(let message): return message
        case .notFound(let what): return "\(what) was not found."
        case .currencyMismatch(let a, let b): return "Amounts in \(a) and \(b) cannot be added without an exchange rate."
        }
    }

    public var description: String { message }
}
