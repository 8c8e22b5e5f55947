import Foundation
import TandemDomain

/// One message of a catalog: a text or plural forms, with an optional note for translators.
public struct CatalogEntry: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case text(String)
        /// Forms by CLDR category, in catalog syntax; `other` is always present.
        case plural([PluralCategory: String])
    }

    public var content: Content
    public var note: String?

    public init(_ content: Content, note: String? = nil) {
        self.content = content
        self.note = note
    }

    public static func text(_ text: String, note: String? = nil) -> CatalogEntry {
        CatalogEntry(.text(text), note: note)
    }
    public static func plural(_ forms: [PluralCategory: String], note: String? = nil) -> CatalogEntry {
        CatalogEntry(.plural(forms), note: note)
    }

    public var isPlural: Bool {
        if case .plural = content { return true }
        return false
    }
}

/// Problems found while reading or checking catalogs; `description` names file and key.
public struct CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public init(_ problem: String) { self.problems = [problem] }
    public var description: String { problems.joined(separator: "\n") }
}

/// The messages of one language, as stored in `Resources/Locales/<locale>.json`:
///
/// ```json
/// {"locale": "en", "name": "English",
///  "messages": {
///    "nav.dashboard": {"text": "Dashboard", "note": "Main navigation link"},
///    "users.count": {"plural": {"one": "{count} user", "other": "{count} users"}, "note": "..."}}}
/// ```
public struct Catalog: Hashable, Sendable {
    public var locale: String
    public var name: String
    public var messages: [String: CatalogEntry]

    public init(locale: String, name: String, messages: [String: CatalogEntry] = [:]) {
        self.locale = locale
        self.name = name
        self.messages = messages
    }

    /// Keys: ASCII letters, digits, `.`, `_` and `-` (they become XLIFF unit ids).
    public static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
            }
    }

    // MARK: Reading

    /// Decodes and validates a catalog file. `file` names it in error messages. All problems are
    /// reported at once: malformed JSON, missing fields, bad keys, placeholder syntax errors.
    public static func decode(_ data: Data, file: String) throws -> Catalog {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw CatalogError("\(file): malformed JSON: \(detail)")
        }
        guard let root = object as? [String: Any] else {
            throw CatalogError("\(file): the top level must be an object with “locale”, “name” and “messages”")
        }
        var problems: [String] = []
        let locale = root["locale"] as? String ?? ""
        if locale.isEmpty || (try? LanguageTag(locale)) == nil {
            problems.append("\(file): “locale” must be a language tag such as en or fr-CA")
        }
        let name = root["name"] as? String ?? ""
        if name.isEmpty { problems.append("\(file): “name” must be the language's name, e.g. Français") }
        for extra in Set(root.keys).subtracting(["locale", "name", "messages"]).sorted() {
            problems.append("\(file): unknown top-level field “\(extra)”")
        }
        guard let rawMessages = root["messages"] as? [String: Any] else {
            problems.append("\(file): “messages” must be an object of key → message")
            throw CatalogError(problems)
        }
        var messages: [String: CatalogEntry] = [:]
        for key in rawMessages.keys.sorted() {
            let at = "\(file): key \"\(key)\""
            if !isValidKey(key) { problems.append("\(at): keys use letters, digits, “.”, “_” and “-”") }
            guard let fields = rawMessages[key] as? [String: Any] else {
                problems.append("\(at): must be an object with “text” or “plural”")
                continue
            }
            for extra in Set(fields.keys).subtracting(["text", "plural", "note"]).sorted() {
                problems.append("\(at): unknown field “\(extra)” (expected “text” or “plural”, and “note”)")
            }
            var note: String?
            if let rawNote = fields["note"] {
                if let text = rawNote as? String {
                    note = text
                } else {
                    problems.append("\(at): “note” must be a string")
                }
            }
            switch (fields["text"], fields["plural"]) {
            case (let text?, nil):
                guard let text = text as? String else {
                    problems.append("\(at): “text” must be a string")
                    continue
                }
                do { _ = try MessageTemplate(parsing: text) } catch { problems.append("\(at): \(error)") }
                messages[key] = .text(text, note: note)
            case (nil, let plural?):
                guard let raw = plural as? [String: Any] else {
                    problems.append("\(at): “plural” must be an object of category → text")
                    continue
                }
                var forms: [PluralCategory: String] = [:]
                for (categoryName, value) in raw.sorted(by: { $0.key < $1.key }) {
                    guard let category = PluralCategory(rawValue: categoryName) else {
                        problems.append(
                            "\(at): “\(categoryName)” is not a plural category (zero, one, two, few, many, other)")
                        continue
                    }
                    guard let text = value as? String else {
                        problems.append("\(at): plural “\(categoryName)” must be a string")
                        continue
                    }
                    do { _ = try MessageTemplate(parsing: text) } catch {
                        problems.append("\(at): plural “\(categoryName)”: \(error)")
                    }
                    forms[category] = text
                }
                if forms[.other] == nil { problems.append("\(at): a plural message needs an “other” form") }
                messages[key] = .plural(forms, note: note)
            default:
                problems.append("\(at): needs exactly one of “text” or “plural”")
            }
        }
        if !problems.isEmpty { throw CatalogError(problems) }
        return Catalog(locale: locale, name: name, messages: messages)
    }

    public static func load(contentsOf url: URL) throws -> Catalog {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CatalogError("\(url.path): cannot be read: \(error.localizedDescription)")
        }
        return try decode(data, file: url.path)
    }

    // MARK: Writing

    /// Canonical JSON: UTF-8, message keys sorted, each message's `text` or `plural` (forms in
    /// CLDR order: zero, one, two, few, many, other) before its `note`, two-space indentation, one
    /// trailing newline; as Python's `json.dump(obj, f, ensure_ascii=False, indent=2)` writes
    /// such a dict, so scripts and `tandem i18n import` produce the same diffs.
    public func encoded() -> Data {
        var messagesJSON: [(String, JSONValue)] = []
        for key in messages.keys.sorted(by: JSONValue.keyOrder) {
            let entry = messages[key]!
            var fields: [(String, JSONValue)] = []
            switch entry.content {
            case .text(let text): fields.append(("text", .string(text)))
            case .plural(let forms):
                // Plural forms in CLDR order (zero, one, two, few, many, other), as people read them.
                fields.append(("plural", .object(forms.keys.sorted().map { ($0.rawValue, .string(forms[$0]!)) })))
            }
            if let note = entry.note { fields.append(("note", .string(note))) }
            messagesJSON.append((key, .object(fields)))
        }
        let root: JSONValue = .object([
            ("locale", .string(locale)), ("messages", .object(messagesJSON)), ("name", .string(name)),
        ])
        return Data((root.render(indent: 0) + "\n").utf8)
    }

    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }
}

/// Minimal ordered JSON writer matching Python's `json.dumps(indent=2, ensure_ascii=False)`.
enum JSONValue {
    case string(String)
    case object([(String, JSONValue)])

    /// Python sorts keys by code point.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    func render(indent: Int) -> String {
        switch self {
        case .string(let text): return JSONValue.quote(text)
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let pad = String(repeating: " ", count: indent + 2)
            let body = fields.map { "\(pad)\(JSONValue.quote($0.0)): \($0.1.render(indent: indent + 2))" }.joined(
                separator: ",\n")
            return "{\n\(body)\n\(String(repeating: " ", count: indent))}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
