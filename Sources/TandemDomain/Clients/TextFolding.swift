import Foundation

/// Text compared the way people read it: case, accents and punctuation do not matter.
public enum TextFolding {
    /// "Société Générale, S.A." → "societe generale s a": lower case, accents removed, anything
    /// that is not a letter or a digit turned into one space.
    public static func fold(_ text: String) -> String {
        let scalars = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        let lowered = String(String.UnicodeScalarView(scalars)).lowercased()
        let spaced = lowered.map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// The key lists are sorted by: the folded text.
    public static func sortKey(_ text: String) -> String { fold(text) }

    /// The host of a web address without "www.", lower-cased ("https://www.Acme.com/x" →
    /// "acme.com"); nil when there is none.
    public static func domain(of website: String) -> String? {
        var text = website.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !text.isEmpty else { return nil }
        if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
        let host = text.split(whereSeparator: { "/?#:".contains($0) }).first.map(String.init) ?? ""
        let withoutWWW = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return withoutWWW.contains(".") ? withoutWWW : nil
    }
}

/// Finds existing accounts that are probably the same company as a new one: "ACME Corp" while
/// "Acme Corporation" exists, or the same website domain.
public enum AccountSimilarity {
    /// Words that say what kind of company it is, not which one.
    static let legalForms: Set<String> = [
        "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "gmbh", "inc", "incorporated", "kg", "limited",
        "llc", "llp", "ltd", "nv", "oy", "plc", "pty", "sa", "sarl", "sas", "spa", "srl", "the", "group", "holding",
    ]

    /// The name without legal forms: "ACME Corp." and "Acme Corporation" both give "acme".
    public static func nameKey(_ name: String) -> String {
        // "S.A." folds to "s a": join single letters back before dropping the form.
        var words: [String] = []
        var letters = ""
        for word in TextFolding.fold(name).split(separator: " ").map(String.init) {
            if word.count == 1 {
                letters += word
                continue
            }
            if !letters.isEmpty { words.append(letters) }
            letters = ""
            words.append(word)
        }
        if !letters.isEmpty { words.append(letters) }
        let kept = words.filter { !legalForms.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    /// The accounts among `existing` that a new account named `name` with `website` may duplicate.
    public static func similar(name: String, website: String, among existing: [AccountSummary]) -> [AccountSummary] {
        let key = nameKey(name)
        let domain = TextFolding.domain(of: website)
        return existing.filter { other in
            if let domain, TextFolding.domain(of: other.website) == domain { return true }
            return !key.isEmpty && namesAreClose(key, nameKey(other.name))
        }
    }

    /// Equal keys, or a small typo: one edit for names of 5 letters or more, two from 10.
    static func namesAreClose(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let shorter = min(a.count, b.count)
        let allowed = shorter >= 10 ? 2 : shorter >= 5 ? 1 : 0
        guard allowed > 0, abs(a.count - b.count) <= allowed else { return false }
        return editDistance(Array(a), Array(b)) <= allowed
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
