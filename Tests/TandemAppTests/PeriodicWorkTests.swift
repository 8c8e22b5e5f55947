import Foundation
import Testing

@testable import TandemApp

@Suite("Periodic work")
struct PeriodicWorkTests {
    actor Log {
        var started = 0
        var finished = 0
        func start() { started += 1 }
        func finish() { finished += 1 }
    }

    @Test func itRunsAtOnceThenEveryIntervalAndStopWaitsForTheRunInProgress() async throws {
        let log = Log()
        let work = PeriodicWork(every: .milliseconds(20)) {
            await log.start()
            try? await Task.sleep(for: .milliseconds(30))
            await log.finish()
        }
        await work.start()
        await work.start()  // a second start does nothing
        while await work.runs < 3 { try await Task.sleep(for: .milliseconds(5)) }
        await work.stop()
        // The run in progress finished before stop returned, and none starts afterwards.
        let (started, finished) = (await log.started, await log.finished)
        #expect(started == finished)
        try await Task.sleep(for: .milliseconds(100))
        #expect(await log.started == started)
        #expect(await !work.isRunning)
    }
}
