import Foundation
import TandemAnalysis
import TandemDomain

/// An upload above the configured size: the API answers 413 with this message.
public struct QuoteFileTooLarge: Error, Equatable, Sendable {
    public var name: String
    public var limit: Int
    public var message: String {
        "“\(name)” is larger than the \(limit / (1024 * 1024)) MB a quote file may have; split it or send a client analysis report instead."
    }
}

extension QuoteManagement {
    /// One uploaded file: a document (or a client's analysis report, recognised from its
    /// content) or a translation memory.
    public struct Upload: Sendable {
        public enum Role: Sendable { case document, memory }
        public var role: Role
        public var name: String
        public var data: Data
        public init(role: Role, name: String, data: Data) {
            self.role = role
            self.name = name
            self.data = data
        }
    }

    /// Keeps the files with the quote and queues their analysis (with the quote's other files).
    public func addFiles(
        _ id: Quote.ID, _ uploads: [Upload], files storage: any AssetFiles, maximumSize: Int, by user: User
    ) async throws -> QuoteAnalysis {
        if let big = uploads.first(where: { $0.data.count > maximumSize }) {
            throw QuoteFileTooLarge(name: big.name, limit: maximumSize)
        }
        guard !uploads.isEmpty else {
            throw ValidationErrors([.invalid("file", "error.quote.no_files", fallback: "Choose at least one file.")])
        }
        let env = env
        return try await env.stores.transaction { tx in
            let (quote, _) = try await Self.editableDraft(id, by: user, in: tx, env: env)
            for upload in uploads {
                let kind: QuoteFile.Kind =
                    upload.role == .memory
                    ? .memory : ClientReport.isReport(upload.data, name: upload.name) ? .report : .document
                let file = QuoteFile(
                    id: env.ids(), quoteID: quote.id, kind: kind, name: ClientAsset.safeFileName(upload.name),
                    size: upload.data.count, uploadedBy: user.id, uploadedAt: env.now)
                // The file first: a record never points at a file that is not there.
                try await storage.write(upload.data, key: file.storageKey)
                try await tx.quoteStores.files.add(file)
            }
            return try await Self.queueAnalysis(of: quote, in: tx, env: env)
        }
    }

    /// Analyses the quote's stored files again (e.g. after a new target language).
    public func reanalyse(_ id: Quote.ID, by user: User) async throws -> QuoteAnalysis {
        let env = env
        return try await env.stores.transaction { tx in
            let (quote, _) = try await Self.editableDraft(id, by: user, in: tx, env: env)
            return try await Self.queueAnalysis(of: quote, in: tx, env: env)
        }
    }

    static func queueAnalysis(of quote: Quote, in tx: Stores, env: AppEnvironment) async throws -> QuoteAnalysis {
        let analysis = QuoteAnalysis(id: env.ids(), quoteID: quote.id, createdAt: env.now)
        try await tx.quoteStores.analyses.create(analysis)
        try await BackgroundJobs.enqueue(
            kind: QuoteAnalysisJob.kind, payload: QuoteAnalysisJob.payload(analysis.id), in: tx, env: env)
        return analysis
    }

    /// Leaves a file out of the quote (or takes it back), and re-prices.
    public func setExcluded(_ fileID: QuoteFile.ID, _ excluded: Bool, by user: User) async throws -> QuoteVersion {
        try await changeFile(fileID, by: user) { tx, file in
            try await tx.quoteStores.files.setExcluded(file.id, excluded)
        }
    }

    /// The target languages a file is for (empty: all of the quote's), and re-prices.
    public func setTargets(_ fileID: QuoteFile.ID, _ targets: [String], by user: User) async throws -> QuoteVersion {
        var read = FieldReader()
        let tags = targets.isEmpty ? [] : read.tags(targets, "targets") ?? []
        try read.check()
        return try await changeFile(fileID, by: user) { tx, file in
            try await tx.quoteStores.files.setTargets(file.id, tags)
        }
    }

    private func changeFile(
        _ fileID: QuoteFile.ID, by user: User, _ change: @escaping @Sendable (Stores, QuoteFile) async throws -> Void
    ) async throws -> QuoteVersion {
        let env = env
        let index = try await snapshot()
        return try await env.stores.transaction { tx in
            guard let file = try await tx.quoteStores.files.find(id: fileID) else {
                throw DomainError.notFound(entityKey: "entity.file", fallback: "The file was not found.")
            }
            let (quote, draft) = try await Self.editableDraft(file.quoteID, by: user, in: tx, env: env)
            try await change(tx, file)
            return try await Self.refresh(quote, draft, in: tx, env: env, index: index)
        }
    }
}
