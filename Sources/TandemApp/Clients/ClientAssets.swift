import Foundation
import TandemDomain

/// Where uploaded client files live (the data directory in the app; memory in tests).
public protocol AssetFiles: Sendable {
    func write(_ data: Data, key: String) async throws
    func read(key: String) async throws -> Data
    func delete(key: String) async throws
}

/// A client's translation memories, termbases, style guides and NDA, kept on the account.
public struct ClientAssets: Sendable {
    /// The largest file kept; the web app's request body limit (2 MB) is lower still.
    public static let maximumSize = 2 * 1024 * 1024

    let env: AppEnvironment
    let files: any AssetFiles
    public init(_ env: AppEnvironment, files: any AssetFiles) {
        self.env = env
        self.files = files
    }

    public struct AssetInput: Sendable {
        public var kind: String
        public var title: String
        public var languages: [String]
        public var note: String
        public var fileName: String?
        public var data: Data?
        public init(
            kind: String, title: String, languages: [String] = [], note: String = "", fileName: String? = nil,
            data: Data? = nil
        ) {
            self.kind = kind
            self.title = title
            self.languages = languages
            self.note = note
            self.fileName = fileName
            self.data = data
        }
    }

    /// The storage key of an asset's file: per account, the asset's ID and its safe name.
    public static func key(of asset: ClientAsset) -> String {
        "client-assets/\(asset.accountId)/\(asset.id)-\(asset.fileName)"
    }

    public func add(to accountId: Account.ID, _ input: AssetInput, by user: User) async throws -> ClientAsset {
        guard let account = try await env.stores.accounts.find(id: accountId) else { throw DomainError.accountNotFound }
        guard Self.mayManage(user, account) else { throw AccountManagement.forbidden }
        var errors: [DomainError] = []
        let kind = ClientAsset.Kind(rawValue: input.kind)
        if kind == nil {
            errors.append(.invalid("kind", "error.asset.kind", ["value": input.kind], fallback: "Choose what it is."))
        }
        var title = ""
        do { title = try AccountRules.limited(input.title, field: "title", max: 200) } catch {
            errors += error.domainErrors
        }
        let data = input.data.flatMap { $0.isEmpty ? nil : $0 }
        if title.isEmpty { title = input.fileName.map(ClientAsset.safeFileName) ?? "" }
        if title.isEmpty {
            errors.append(
                .invalid("title", "error.asset.title_required", fallback: "Give it a title or choose a file."))
        }
        if let data, data.count > Self.maximumSize {
            errors.append(
                .invalid(
                    "file", "error.asset.too_large", ["max": "2 MB"], fallback: "The file is larger than 2 MB."))
        }
        var languages: [LanguageTag] = []
        for text in input.languages.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
            if let tag = try? LanguageTag(text) {
                languages.append(tag)
            } else {
                errors.append(
                    .invalid(
                        "languages", "error.language_tag.invalid", ["value": text],
                        fallback: "“\(text)” is not a BCP 47 language tag such as en, fr-FR or zh-Hant-TW."))
            }
        }
        var note = ""
        do { note = try AccountRules.limited(input.note, field: "note", max: 2000) } catch {
            errors += error.domainErrors
        }
        var seen = Set<String?>()
        try ValidationErrors.check(errors.filter { seen.insert($0.field).inserted })
        let asset = ClientAsset(
            id: env.ids(), accountId: accountId, kind: kind!, title: title,
            fileName: data == nil ? "" : ClientAsset.safeFileName(input.fileName ?? "file"), size: data?.count ?? 0,
            languages: languages, note: note, uploadedBy: user.id, uploadedAt: env.now)
        // The file first: a record never points at a file that is not there.
        if let data { try await files.write(data, key: Self.key(of: asset)) }
        try await env.stores.clientAssets.create(asset)
        return asset
    }

    public func assets(of accountId: Account.ID, for user: User) async throws -> [ClientAsset] {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        return try await env.stores.clientAssets.list(accountId: accountId)
    }

    /// The asset and its file's bytes, for a download.
    public func download(_ id: ClientAsset.ID, for user: User) async throws -> (ClientAsset, Data) {
        guard Policy.permits(user, .viewAccounts) else { throw AccountManagement.forbidden }
        guard let asset = try await env.stores.clientAssets.find(id: id), asset.hasFile else {
            throw DomainError.notFound(entityKey: "entity.asset", fallback: "The file was not found.")
        }
        return (asset, try await files.read(key: Self.key(of: asset)))
    }

    public func remove(_ id: ClientAsset.ID, by user: User) async throws {
        guard let asset = try await env.stores.clientAssets.find(id: id) else {
            throw DomainError.notFound(entityKey: "entity.asset", fallback: "The file was not found.")
        }
        guard let account = try await env.stores.accounts.find(id: asset.accountId), Self.mayManage(user, account)
        else { throw AccountManagement.forbidden }
        try await env.stores.clientAssets.delete(id)
        if asset.hasFile { try? await files.delete(key: Self.key(of: asset)) }
    }

    /// The account's editors, and PMs (who keep translation memories and termbases up to date).
    static func mayManage(_ user: User, _ account: Account) -> Bool {
        Policy.permits(user, .editAccount(owner: account.ownerId)) || Policy.permits(user, .writeProductionNotes)
    }
}
