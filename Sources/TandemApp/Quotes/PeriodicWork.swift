import Foundation

/// Runs a piece of work now and then every `interval` until `stop` (quote expiry, docs/quotes.md).
/// The work runs inside the one task `stop` cancels and **waits for**: a run in progress finishes
/// before `stop` returns, and no run starts after it, so the app can close its database right
/// after stopping this (a run left behind a shutdown would use a closed database).
public actor PeriodicWork {
    public let interval: Duration
    private let work: @Sendable () async -> Void
    private var loop: Task<Void, Never>?
    /// Runs finished so far.
    public private(set) var runs = 0

    public init(every interval: Duration, _ work: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.work = work
    }

    /// Starts the runs (the first at once); a second call does nothing.
    public func start() {
        guard loop == nil else { return }
        loop = Task { [interval, work] in
            while !Task.isCancelled {
                await work()
                self.finishedRun()
                // Cancellation ends the sleep at once.
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Stops the runs and waits for the one in progress, if any.
    public func stop() async {
        let running = loop
        loop = nil
        running?.cancel()
        await running?.value
    }

    public var isRunning: Bool { loop != nil }

    private func finishedRun() { runs += 1 }
}
