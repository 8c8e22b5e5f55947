import Foundation

/// Errors a user can act on: each carries the field at fault (if any) and a plain message.
/// The web layer maps them to 4xx responses with the same message, translated where the error
/// names a catalog key (`invalidInput`).
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(field: String?, message: String)
    /// Like `invalid`, with a localisation key and its arguments; `fallback` is the English text.
    case invalidInput(field: String?, key: String, arguments: [String: String], fallback: String)
    case notFound(what: String)
    case conflict(message: String)
    case forbidden(message: String)
    case currencyMismatch(CurrencyCode, CurrencyCode)

    public var field: String? {
        switch self {
        case .invalid(let field, _), .invalidInput(let field, _, _, _): return field
        default: return nil
        }
    }

    public var message: String {
        switch self {
        case .invalid(_, let message), .conflict(let message), .forbidden(let message): return message
        case .invalidInput(_, _, _, let fallback): return fallback
        case .notFound(let what): return "\(what) was not found."
        case .currencyMismatch(let a, let b):
            return "Amounts in \(a) and \(b) cannot be added without an exchange rate."
        }
    }

    public var description: String { message }
}
