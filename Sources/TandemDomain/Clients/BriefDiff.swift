import Foundation

/// The differences between two versions of a brief, part by part, as added and removed lines.
public struct BriefDiff: Hashable, Sendable {
    public enum Line: Hashable, Sendable {
        case same(String)
        case added(String)
        case removed(String)
    }
    public struct PartChange: Hashable, Sendable {
        public var part: ClientBrief.Part
        public var lines: [Line]
    }
    public var changes: [PartChange]

    public init(from old: ClientBrief, to new: ClientBrief) {
        changes = new.changedParts(from: old).map { part in
            PartChange(part: part, lines: Self.lines(from: old.text(of: part) ?? "", to: new.text(of: part) ?? ""))
        }
    }

    /// A line diff by longest common subsequence (briefs are short: tens of lines per part).
    static func lines(from old: String, to new: String) -> [Line] {
        let a = old.isEmpty ? [] : old.components(separatedBy: "\n")
        let b = new.isEmpty ? [] : new.components(separatedBy: "\n")
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
                // Removed lines before added ones, as people read a change.
                result.append(.removed(a[i]))
                i += 1
            } else {
                result.append(.added(b[j]))
                j += 1
            }
        }
        return result
    }
}
