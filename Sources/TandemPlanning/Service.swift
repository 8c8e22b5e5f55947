import Foundation

/// A workflow step kind: `translation`, `revision`, `proofreading`, `post-editing`, `dtp`, `qa`...
/// An open set, compared in lower case.
public struct Service: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue.trimmingCharacters(in: .whitespaces).lowercased() }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }

    public static let translation = Service("translation")
    public static let revision = Service("revision")
    public static let proofreading = Service("proofreading")
    public static let postEditing = Service("post-editing")
    public static let dtp = Service("dtp")
    public static let qa = Service("qa")

    /// Steps that check another linguist's words: the four-eyes rule keeps whoever worked on
    /// the text of that target in an earlier step off these.
    public var isReview: Bool { ["revision", "proofreading", "review", "editing", "qa"].contains(rawValue) }

    public init(from decoder: Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
