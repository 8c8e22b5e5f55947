/// Progress of a long analysis, for a progress bar. `completed` / `total` are bytes while reading
/// and loading, units while indexing, segments while matching.
public struct AnalysisProgress: Sendable, Equatable {
    public enum Phase: String, Sendable, Codable { case readingFiles, loadingMemory, indexingMemory, matching, done }

    public var phase: Phase
    public var completed: Int
    public var total: Int
    /// The file being read, when there is one.
    public var item: String?

    public init(phase: Phase, completed: Int, total: Int, item: String? = nil) {
        self.phase = phase
        self.completed = completed
        self.total = total
        self.item = item
    }

    public var fraction: Double { total > 0 ? min(1, Double(completed) / Double(total)) : 0 }
}

public typealias ProgressHandler = @Sendable (AnalysisProgress) -> Void
