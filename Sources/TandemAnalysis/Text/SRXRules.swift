import Foundation
import TandemDomain

/// Segmentation rules in SRX 2.0: language rule sets (ordered break / no-break rules, each a
/// regular expression before and after the break) and the map that picks them by language.
public struct SRXRules: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var breaks: Bool
        public var before: String
        public var after: String
    }

    public var cascade: Bool
    public var languageRules: [String: [Rule]]
    /// `(language pattern, rule set name)` in document order.
    public var map: [(pattern: String, name: String)]

    public static func == (a: SRXRules, b: SRXRules) -> Bool {
        a.cascade == b.cascade && a.languageRules == b.languageRules && a.map.map(\.pattern) == b.map.map(\.pattern)
            && a.map.map(\.name) == b.map.map(\.name)
    }

    /// Parses an SRX 2.0 document.
    public init(data: Data, fileName: String, limits: AnalysisLimits = .default) throws {
        let reader = try XMLEventReader(data: data, fileName: fileName, limits: limits)
        let (rootStart, empty) = try reader.root()
        guard rootStart.name == "srx" else {
            throw AnalysisError(
                file: fileName, line: rootStart.line, column: rootStart.column, kind: .unsupported,
                message: "the root element is <\(rootStart.name)>, not <srx>.")
        }
        let root = try reader.readElement(rootStart, isEmpty: empty)
        cascade = root.firstElement(named: "header")?.attribute("cascade") != "no"
        languageRules = [:]
        map = []
        guard let body = root.firstElement(named: "body") else {
            throw AnalysisError(
                file: fileName, line: root.line, column: root.column, kind: .invalid, message: "<srx> has no <body>.")
        }
        for set in body.firstElement(named: "languagerules")?.elements(named: "languagerule") ?? [] {
            let rules = set.elements(named: "rule").map { rule in
                Rule(
                    breaks: rule.attribute("break") != "no",
                    before: rule.firstElement(named: "beforebreak")?.text ?? "",
                    after: rule.firstElement(named: "afterbreak")?.text ?? "")
            }
            for rule in rules {
                for pattern in [rule.before, rule.after] where !pattern.isEmpty {
                    if (try? NSRegularExpression(pattern: pattern)) == nil {
                        throw AnalysisError(
                            file: fileName, line: set.line, column: set.column, kind: .invalid,
                            message:
                                "rule set “\(set.attribute("languagerulename") ?? "")” has a regular expression that does not compile: \(pattern)"
                        )
                    }
                }
            }
            languageRules[set.attribute("languagerulename") ?? ""] = rules
        }
        for m in body.firstElement(named: "maprules")?.elements(named: "languagemap") ?? [] {
            map.append((m.attribute("languagepattern") ?? ".*", m.attribute("languagerulename") ?? ""))
        }
    }

    /// The rules that apply to `language`, in order (all matching sets when cascading).
    public func rules(for language: LanguageTag?) -> [Rule] {
        let code = language?.description ?? ""
        var result: [Rule] = []
        for entry in map {
            guard let regex = try? NSRegularExpression(pattern: "^(?:\(entry.pattern))$", options: [.caseInsensitive])
            else { continue }
            let range = NSRange(code.startIndex..., in: code)
            if regex.firstMatch(in: code, range: range) != nil {
                result += languageRules[entry.name] ?? []
                if !cascade { break }
            }
        }
        return result
    }

    /// Tandem's default rules (sentence ends, common abbreviations, CJK full stops).
    public static let standard: SRXRules = {
        do { return try SRXRules(data: Data(DefaultSRX.document.utf8), fileName: "default.srx") } catch {
            fatalError("default SRX does not parse: \(error)")
        }
    }()
}

/// Splits text into sentences with SRX rules.
public struct Segmenter {
    private let rules:
        [(breaks: Bool, regex: NSRegularExpression, everyStart: NSRegularExpression, required: RequiredText?)]
    /// From this length (UTF-16 units) a text is searched in one pass per rule; shorter texts
    /// are searched match by match, which is faster for them (see `breaks(in:onePass:)`).
    static let onePassLength = 1_000

    public init(rules: SRXRules, language: LanguageTag?) {
        self.rules = rules.rules(for: language).compactMap { rule in
            let before = rule.before.isEmpty ? "" : "(?:\(rule.before))"
            let after = rule.after.isEmpty ? "" : "(?=(?:\(rule.after)))"
            guard !(before.isEmpty && after.isEmpty), let regex = try? NSRegularExpression(pattern: before + after),
                // A zero-width match at every position where "before" starts (overlapping ones
                // included); the break is where group 1 ends.
                let everyStart = try? NSRegularExpression(pattern: "(?=(\(before))\(after))")
            else { return nil }
            return (rule.breaks, regex, everyStart, RequiredText.of(pattern: rule.before))
        }
    }

    /// The sentences of `text`, trimmed, empty ones dropped.
    public func segment(_ text: String) -> [String] {
        // Most lines are one sentence; the rules (regular expressions) only run where a break can be.
        if !UnitSplitter.mayHoldSeveralSentences([.text(text)]) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? [] : [trimmed]
        }
        let ns = text as NSString
        var pieces: [String] = []
        var last = 0
        for position in breaks(in: text) {
            pieces.append(ns.substring(with: NSRange(location: last, length: position - last)))
            last = position
        }
        pieces.append(ns.substring(from: last))
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Where new sentences start in `text`, as UTF-16 offsets, ascending (the first rule that
    /// matches at a position decides, as SRX says).
    public func breaks(in text: String) -> [Int] {
        breaks(in: text, onePass: (text as NSString).length >= Self.onePassLength)
    }

    /// Both searches find, for every position where a rule's "before" matches, where that match
    /// ends. Match by match costs a conversion of the whole text per match (Foundation bridges
    /// the string on every call), so long texts take one pass per rule instead; one pass tries
    /// the rule at every position, which is slower on the short texts most units are.
    func breaks(in text: String, onePass: Bool) -> [Int] {
        let length = (text as NSString).length
        var decision: [Int: Bool] = [:]
        func decide(_ position: Int, _ breaks: Bool) {
            if position > 0, position < length, decision[position] == nil { decision[position] = breaks }
        }
        for rule in rules {
            // A rule whose "before" needs characters the text lacks cannot match: skipped
            // without running its regular expression.
            if let required = rule.required, !required.isPresent(in: text) { continue }
            if onePass {
                for match in rule.everyStart.matches(in: text, range: NSRange(location: 0, length: length)) {
                    let before = match.range(at: 1)
                    decide(before.location + before.length, rule.breaks)
                }
            } else {
                var start = 0
                while start < length,
                    let match = rule.regex.firstMatch(
                        in: text, options: [.withoutAnchoringBounds, .withTransparentBounds],
                        range: NSRange(location: start, length: length - start))
                {
                    decide(match.range.location + match.range.length, rule.breaks)
                    start = match.range.location + 1
                }
            }
        }
        return decision.filter(\.value).keys.sorted()
    }
}
