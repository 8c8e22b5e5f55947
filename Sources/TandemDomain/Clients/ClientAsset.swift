import Foundation

/// A client's file or agreement kept on their account: translation memories and termbases for
/// later quotes, style guides, the NDA.
public struct ClientAsset: Identifiable, Hashable, Codable, Sendable {
    public typealias ID = Identifier<ClientAsset>
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case translationMemory = "translation-memory"
        case termbase
        case styleGuide = "style-guide"
        case nda
        case other
    }

    public var id: ID
    public var accountId: Account.ID
    public var kind: Kind
    /// What people call it ("Medical TM en-fr 2026").
    public var title: String
    /// The uploaded file's name, made safe; empty for a record without a file.
    public var fileName: String
    public var size: Int
    public var languages: [LanguageTag]
    public var note: String
    public var uploadedBy: User.ID
    public var uploadedAt: Date

    public init(
        id: ID, accountId: Account.ID, kind: Kind, title: String, fileName: String = "", size: Int = 0,
        languages: [LanguageTag] = [], note: String = "", uploadedBy: User.ID, uploadedAt: Date
    ) {
        self.id = id
        self.accountId = accountId
        self.kind = kind
        self.title = title
        self.fileName = fileName
        self.size = size
        self.languages = languages
        self.note = note
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    public var hasFile: Bool { !fileName.isEmpty }

    /// A file name safe to store and to send back: the last path component, letters, digits,
    /// dot, dash and underscore only (others become "_"), no leading dot, at most 120 characters.
    public static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var safe = String(
            last.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return scalar.isASCII && (c.isLetter || c.isNumber || "._-".contains(c)) ? c : "_"
            })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 120 {
            let ext = safe.split(separator: ".").last.map { "." + $0 } ?? ""
            safe = String(safe.prefix(120 - min(ext.count, 20))) + ext.suffix(20)
        }
        return safe.isEmpty ? "file" : safe
    }
}

public protocol ClientAssetStore: Sendable {
    func create(_ asset: ClientAsset) async throws
    func find(id: ClientAsset.ID) async throws -> ClientAsset?
    /// The assets of an account, newest first.
    func list(accountId: Account.ID) async throws -> [ClientAsset]
    func delete(_ id: ClientAsset.ID) async throws
}
