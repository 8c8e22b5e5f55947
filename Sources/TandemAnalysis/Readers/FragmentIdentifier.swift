import Foundation

/// XLIFF 2 fragment identifiers (`#/f=file/u=unit/segment`, `#n=note`), syntax only.
enum FragmentIdentifier {
    struct Part {
        var prefix: String?
        var id: String
    }
    /// Core and module prefixes, and extension prefixes registered with OASIS.
    static let prefixes: Set<String> = [
        "f", "g", "u", "n", "d", "t", "mtc", "gls", "mda", "res", "ctr", "slr", "val", "its", "tbx",
    ]

    static func parse(_ ref: String, element: XMLTag, fail: (XMLTag, String) -> AnalysisError) throws -> [Part] {
        guard ref.hasPrefix("#") else { return [] }
        var body = ref.dropFirst()
        if body.hasPrefix("/") { body = body.dropFirst() }
        let pieces = body.split(separator: "/", omittingEmptySubsequences: false)
        if pieces.isEmpty || pieces.contains(where: \.isEmpty) {
            throw fail(element, "fragment identifier “\(ref)” is malformed.")
        }
        var parts: [Part] = []
        var seen: Set<String> = []
        for (index, piece) in pieces.enumerated() {
            if let eq = piece.firstIndex(of: "=") {
                let prefix = String(piece[..<eq])
                let id = String(piece[piece.index(after: eq)...])
                guard XLIFF2Validator.isNMToken(prefix), !prefix.contains(":") else {
                    throw fail(element, "“\(prefix)” in “\(ref)” is not a valid prefix.")
                }
                guard prefixes.contains(prefix) else {
                    throw fail(
                        element,
                        prefix.count == 1
                            ? "prefix “\(prefix)” in “\(ref)” is too short for a module prefix."
                            : "prefix “\(prefix)” in “\(ref)” is not registered.")
                }
                guard XLIFF2Validator.isNMToken(id) else {
                    throw fail(element, "“\(id)” in “\(ref)” is not a valid id.")
                }
                if !seen.insert(prefix).inserted {
                    throw fail(element, "prefix “\(prefix)” appears twice in “\(ref)”.")
                }
                parts.append(Part(prefix: prefix, id: id))
            } else {
                guard index == pieces.count - 1, XLIFF2Validator.isNMToken(String(piece)) else {
                    throw fail(element, "“\(piece)” in “\(ref)” must be the last part.")
                }
                parts.append(Part(prefix: nil, id: String(piece)))
            }
        }
        // Order: f, then g*, then u, then n/d/t or a leaf.
        let rank: [String: Int] = ["f": 0, "g": 1, "u": 2, "n": 3, "d": 3, "t": 3]
        var last = -1
        for part in parts {
            let r = part.prefix.map { rank[$0] ?? 3 } ?? 3
            if r < last || (r == 3 && last == 3) {
                throw fail(element, "fragment identifier “\(ref)” has its parts out of order.")
            }
            last = r
        }
        if parts.contains(where: { $0.prefix == nil }) && !parts.contains(where: { $0.prefix == "u" })
            && parts.count > 1
        {
            throw fail(element, "a leaf id in “\(ref)” needs a unit (u=) before it.")
        }
        return parts
    }
}
