import Foundation

/// Maps `0..<count` over the available cores, keeping order: the indices are cut into chunks of
/// `chunkSize`, each chunk runs on one worker. `makeScratch` runs once per chunk (space a worker
/// reuses across the chunk's indices); `chunkDone` is called after each chunk with its end index.
func parallelMap<Scratch, T: Sendable>(
    _ count: Int, chunkSize: Int, scratch makeScratch: @Sendable () -> Scratch,
    chunkDone: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (Int, Scratch) -> T
) -> [T] {
    guard count > 0 else { return [] }
    let size = max(1, chunkSize)
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        // Workers write disjoint indices of one buffer that outlives the loop: no lock needed,
        // and no type that Swift 6 would have to take on trust (`@unchecked Sendable`).
        nonisolated(unsafe) let buffer = buffer
        DispatchQueue.concurrentPerform(iterations: (count + size - 1) / size) { chunk in
            let scratch = makeScratch()
            let range = chunk * size..<min(count, (chunk + 1) * size)
            for i in range { buffer[i] = transform(i, scratch) }
            chunkDone?(range.upperBound)
        }
    }
    return results.map { $0! }
}

/// `parallelMap` without scratch space; small counts (under 2,048) run on this thread.
func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunkSize = count < 2048 ? count : (count + workers * 8 - 1) / (workers * 8)
    return parallelMap(count, chunkSize: chunkSize, scratch: {}) { i, _ in transform(i) }
}
