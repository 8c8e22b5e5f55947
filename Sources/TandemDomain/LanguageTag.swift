import Foundation

/// A BCP 47 language tag such as `fr-FR` or `zh-Hant-TW`, kept in canonical case
/// (language lower-case, script title-case, region upper-case).
public struct LanguageTag: Hashable, Codable, Sendable, CustomStringConvertible {
    public let subtags: [String]

    public init(_ text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").split(
            separator: "-", omittingEmptySubsequences: false
        ).map(String.init)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
            parts.dropFirst().allSatisfy({
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            })
        else {
            throw DomainError.invalid(
                "language", "error.language_tag.invalid", ["value": text],
                fallback: "“\(text)” is not a BCP 47 language tag such as en, fr-FR or zh-Hant-TW.")
        }
        var canonical = [first.lowercased()]
        for part in parts.dropFirst() {
            if part.count == 4, part.allSatisfy(\.isLetter) {
                canonical.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else if part.count == 2, part.allSatisfy(\.isLetter) {
                canonical.append(part.uppercased())
            } else {
                canonical.append(part.lowercased())
            }
        }
        subtags = canonical
    }

    public init(from decoder: Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var description: String { subtags.joined(separator: "-") }
    public var language: String { subtags[0] }

    /// How well this tag (an offer, e.g. a TM's language) serves `request`:
    /// 3 exact, 2 the offer is a prefix of the request (`fr` for `fr-FR`), 1 same language only
    /// (`fr-CA` for `fr-FR`), nil no match. Higher is better.
    public func matchQuality(for request: LanguageTag) -> Int? {
        if self == request { return 3 }
        if request.subtags.starts(with: subtags) { return 2 }
        if language == request.language { return 1 }
        return nil
    }
}

/// Source → target, e.g. `en-US → fr-FR`.
public struct LanguagePair: Hashable, Codable, Sendable, CustomStringConvertible {
    public var source: LanguageTag
    public var target: LanguageTag
    public init(source: LanguageTag, target: LanguageTag) {
        self.source = source
        self.target = target
    }
    public var description: String { "\(source) → \(target)" }
}
