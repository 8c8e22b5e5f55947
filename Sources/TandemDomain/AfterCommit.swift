/// Work to do once the outermost transaction has committed: telling open pages about
/// notifications written inside it, for example. Inside `Stores.transaction` the work waits for
/// the commit (and is dropped if the transaction fails or is run again); outside one it runs at once.
public actor AfterCommit {
    /// The queue of the transaction the current task runs in, if any.
    @TaskLocal public static var current: AfterCommit?

    private var actions: [@Sendable () async -> Void] = []

    public init() {}

    /// Runs `action` after the current transaction commits, or now when there is none.
    public static func run(_ action: @escaping @Sendable () async -> Void) async {
        if let current {
            await current.add(action)
        } else {
            await action()
        }
    }

    func add(_ action: @escaping @Sendable () async -> Void) { actions.append(action) }

    /// A transaction that runs again (SQLite was busy) starts with an empty queue.
    func reset() { actions = [] }

    func runAll() async {
        let due = actions
        actions = []
        for action in due { await action() }
    }
}
